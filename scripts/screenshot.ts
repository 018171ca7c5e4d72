// Dev tool: screenshot a route of the built app (and optionally print it to PDF).
// npx tsx scripts/screenshot.ts ROUTE OUT.png [WIDTH HEIGHT [OUT.pdf]]  (DSG_DIST picks the build folder)
import { openApp } from '../tests/e2e/browser';
const [,, route = 'overview', out = '/tmp/shot.png', w = '1280', hgt = '800', pdf = ''] = process.argv;
const h = await openApp({ viewport: { width: Number(w), height: Number(hgt) } });
await h.page.goto(h.url + '#/' + route);
await h.page.waitForTimeout(800);
await h.page.screenshot({ path: out, fullPage: true });
if (pdf) await h.page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
await h.close();
