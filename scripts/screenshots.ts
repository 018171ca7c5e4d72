/**
 * Screenshots of every view at 1280×800, 768×1024 and 390×844 (a phone), on screen and as printed,
 * for a person to look at. Build first, then: `npx tsx scripts/screenshots.ts [out-folder]`
 * (DSG_DIST picks the build folder, as for the browser tests; WIDTHS=390 one size only; VIEWS=a,b
 * some views only; WORKSPACE=three-years loads the three-year test workspace of
 * tests/fixtures/three-years first, YEARS=2023,2024 picks the years). It also prints any view
 * wider than the window. Images are not committed.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp } from '../tests/e2e/browser';

const ALL_VIEWS = ['overview', 'trajectory', 'variance', 'lines', 'ehcp', 'agreement', 'scenarios', 'conditions', 'report', 'return', 'import', 'settings', 'contributions'];
const VIEWS = process.env.VIEWS ? process.env.VIEWS.split(',') : ALL_VIEWS;
const ALL_SIZES = [
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
];
const SIZES = process.env.WIDTHS ? ALL_SIZES.filter((s) => process.env.WIDTHS!.split(',').includes(String(s.width))) : ALL_SIZES;
const workspace = process.env.WORKSPACE;
const years = (process.env.YEARS ?? '').split(',').filter(Boolean);
const out = process.argv[2] ?? '/tmp/dsg-screenshots';
const roles = (process.env.ROLES ?? 'finance').split(',');
mkdirSync(out, { recursive: true });

for (const viewport of SIZES) {
  const h = await openApp({ viewport });
  try {
    if (workspace) {
      const dir = join('tests', 'fixtures', workspace);
      await h.page.goto(`${h.url}#/import`);
      await h.page.getByTestId('file-input').setInputFiles(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => join(dir, f)));
      const cards = h.page.getByTestId('upload');
      await h.page.waitForTimeout(3000);
      for (let i = 0; i < (await cards.count()); i++) {
        await cards.nth(i).getByRole('button', { name: /^(Import|Replace)/ }).click();
        await cards.nth(i).getByText('Imported.').waitFor();
      }
    }
    for (const role of roles) {
      await h.page.evaluate((r) => localStorage.setItem('dsg-monitor.role', r), role);
      for (const [view, year] of VIEWS.flatMap((v) => (years.length ? years : ['']).map((y) => [v, y] as const))) {
        await h.page.goto(`${h.url}#/${view}`);
        await h.page.reload();
        await h.page.waitForSelector('main h1');
        if (year) await h.page.getByRole('combobox', { name: 'Financial year' }).selectOption(year);
        await h.page.waitForTimeout(300);
        const name = `${view}${year ? `-${year}` : ''}-${role}-${viewport.width}`;
        const wide = await h.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (wide > 0) console.log(`${name}: ${wide} px wider than the window`);
        await h.page.emulateMedia({ media: 'screen' });
        await h.page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
        await h.page.screenshot({ path: join(out, `${name}-top.png`) });
        await h.page.emulateMedia({ media: 'print' });
        await h.page.screenshot({ path: join(out, `${name}-print.png`), fullPage: true });
        await h.page.emulateMedia({ media: 'screen' });
      }
    }
  } finally {
    await h.close();
  }
}
console.log(`Screenshots in ${out}`);
