import { it } from 'vitest';
import { openApp } from './browser';
import { view } from './wordsHelpers';
const ALL = ['overview', 'trajectory', 'variance', 'lines', 'ehcp', 'agreement', 'scenarios', 'conditions', 'report', 'return', 'import', 'settings', 'contributions'];
it('probe', async () => {
  const h = await openApp({ viewport: { width: 390, height: 844 } });
  for (const r of ALL) {
    await view(h.page, r);
    const res = await h.page.evaluate(() => Array.from(document.querySelectorAll('main .table-wrap')).filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => {
      const box = b as HTMLElement;
      const cols = Array.from(box.querySelectorAll('thead tr:last-child th')).map((t) => (t as HTMLElement).innerText.replace(/\s+/g, ' '));
      return `${box.scrollWidth > box.clientWidth + 1 ? 'OVER' : 'fits'} ${box.scrollWidth}/${box.clientWidth} ${box.getAttribute('aria-label')?.slice(0, 60)} | ${cols.join(' | ')}`;
    }));
    const w = await h.page.evaluate(() => document.documentElement.scrollWidth);
    console.log(`#/${r} page ${w}\n  ` + res.join('\n  '));
  }
  await h.close();
}, 120000);
