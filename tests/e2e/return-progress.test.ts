/**
 * The progress report's tables on the DfE return in headless Chromium (issue 14 point 5): upload
 * the example files with the Torbay paper's grids, cessations by age group and tribunals; the
 * return shows each as a sheet, cut at the chosen period, and the XLSX downloaded holds the same.
 * Figures by hand from the fixture files (tests/fixtures/progress/): 2023 issued 16 + 10 = 26,
 * made inactive 37 + 15 = 52; to September 2022, issued 5+13+19+20+23+22+23+14+20 = 159.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, ROOT } from '../helpers';
import { openApp, type Harness } from './browser';
import { gotoView, rowNamed, rowsOf, seriousViolations } from './dashboard';
import { importAll, tempDir, upload } from './importHelpers';

const PROGRESS = join(ROOT, 'tests/fixtures/progress');
const FILES = ['plans-issued.csv', 'plans-made-inactive.csv', 'cessations-by-age.csv', 'tribunals-mediations.csv'].map((f) => join(PROGRESS, f));

let h: Harness;
beforeAll(async () => {
  h = await openApp();
});
afterAll(async () => {
  await h?.close();
});

const sheet = (id: string) => h.page.getByTestId(`return-sheet-${id}`);

describe('the progress report on the DfE return', () => {
  it('has none of the three sheets before the progress report is loaded', async () => {
    await gotoView(h.page, h.url, 'return', 'DfE return');
    expect(await h.page.locator('.return-sheet h3').allInnerTexts()).toEqual(['Financial position', 'Block summary', 'Budget lines', 'EHCP and RSA', 'Conditions']);
  }, 60_000);

  it('imports the example files with the progress report\'s tables', async () => {
    const files = readdirSync(DATA_DIR).filter((f) => f.endsWith('.csv')).map((f) => join(DATA_DIR, f));
    await upload(h.page, [...files, ...FILES]);
    await importAll(h.page);
    await gotoView(h.page, h.url, 'return', 'DfE return');
    expect(await h.page.locator('.return-sheet h3').allInnerTexts()).toEqual([
      'Financial position', 'Block summary', 'Budget lines', 'EHCP and RSA', 'Plans issued and made inactive', 'Cessations by age group', 'Tribunals and mediations', 'Conditions',
    ]);
  }, 180_000);

  it('shows the grids to March 2023, the as-at month, checked against the EHCP figures', async () => {
    const rows = await rowsOf(sheet('plans-issued-and-made-inactive').locator('table'));
    expect(rows[0]).toEqual(['Measure', 'Year', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Year Total']);
    expect(rows[4]).toEqual(['Plans issued', '2022', '5', '13', '19', '20', '23', '22', '23', '14', '20', '17', '14', '14', '204']);
    expect(rows[5]).toEqual(['Plans issued', '2023 (to March)', '16', '10', '-', '', '', '', '', '', '', '', '', '', '26']);
    expect(rows[10]).toEqual(['Plans made inactive', '2023 (to March)', '37', '15', '-', '', '', '', '', '', '', '', '', '', '52']);
    expect(await h.page.getByTestId('return-note-plans-issued-and-made-inactive').innerText()).toContain(
      'For the 22 monthly figures both give from April 2022 to March 2023, the progress report and the EHCP figures ("EHCP and RSA" sheet) agree.',
    );
  });

  it('shows the cessations by age group and the tribunals and mediations, with no serious accessibility violations', async () => {
    const ages = await rowsOf(sheet('cessations-by-age-group').locator('table'));
    expect(ages.slice(1).map((r) => r.slice(1))).toEqual([['Age 0-4', '0', '0'], ['Age 5-10', '4', '8'], ['Age 11-15', '5', '24'], ['Age 16-19', '28', '19'], ['Age 20-25', '15', '3'], ['All age groups', '52', '54']]);
    expect(await h.page.getByTestId('return-note-cessations-by-age-group').innerText()).toContain('The grid of plans made inactive gives 52 from January to February 2023: the same as the table for 2022 / February 2023.');
    const cases = await rowsOf(sheet('tribunals-and-mediations').locator('table'));
    expect(cases).toEqual([
      ['Registered cases', '2018', '2019', '2020', '2021', '2022', '2023'],
      ['Tribunals', '6', '9', '7', '9', '17', '4'],
      ['Mediations', '2', '0', '6', '2', '19', '3'],
    ]);
    expect(await h.page.getByTestId('return-note-tribunals-and-mediations').innerText()).toContain('2023 is part way through');
    expect(await seriousViolations(h.page)).toEqual([]);
    // The three sheets, as a reviewer sees them on the page.
    const top = (await sheet('plans-issued-and-made-inactive').boundingBox())!;
    const bottom = (await sheet('tribunals-and-mediations').boundingBox())!;
    await h.page.screenshot({ path: join(process.env.SCREENSHOT_DIR ?? tempDir(), 'return-progress.png'), fullPage: true, clip: { x: 0, y: top.y, width: 1280, height: bottom.y + bottom.height - top.y } });
  });

  it('downloads an XLSX holding the same three sheets, notes in row 3', async () => {
    const [d] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('button', { name: 'Download the return (XLSX)' }).click()]);
    const sheets = (await readXlsxFile(readFileSync(await d.path()))) as { sheet: string; data: unknown[][] }[];
    const grid = sheets.find((s) => s.sheet === 'Plans issued and made inactive')!.data;
    expect(String(grid[2]![0])).toContain('the progress report and the EHCP figures ("EHCP and RSA" sheet) agree');
    expect(grid.slice(4).find((r) => r[0] === 'Plans made inactive' && r[1] === '2023 (to March)')!.slice(0, 5)).toEqual(['Plans made inactive', '2023 (to March)', 37, 15, '-']);
    const ages = sheets.find((s) => s.sheet === 'Cessations by age group')!.data;
    expect(ages.slice(4).find((r) => r[1] === 'All age groups')).toEqual(['2022 / February 2023', 'All age groups', 52, 54]);
    const cases = sheets.find((s) => s.sheet === 'Tribunals and mediations')!.data;
    expect(cases.slice(4).find((r) => r[0] === 'Tribunals')).toEqual(['Tribunals', 6, 9, 7, 9, 17, 4]);
  });

  it('follows the chosen period: as at September 2022 the grids stop there and the February table is not yet known', async () => {
    await h.page.getByTestId('return-period').selectOption({ label: 'period 6 (September 2022)' });
    await h.page.getByTestId('return-as-at').filter({ hasText: 'period 6 (September 2022)' }).waitFor();
    const rows = await rowsOf(sheet('plans-issued-and-made-inactive').locator('table'));
    expect(rowNamed(rows.map((r) => r.slice(1)), '2022 (to September)')).toEqual(['2022 (to September)', '5', '13', '19', '20', '23', '22', '23', '14', '20', '', '', '', '159']);
    expect(await sheet('cessations-by-age-group').count()).toBe(0);
    expect((await rowsOf(sheet('tribunals-and-mediations').locator('table')))[0]).toEqual(['Registered cases', '2018', '2019', '2020', '2021', '2022']);
    expect(await h.page.getByTestId('return-note-tribunals-and-mediations').innerText()).toContain('Years after 2022 are left out.');
    await h.page.getByTestId('return-period').selectOption({ index: 0 });
    await h.page.getByTestId('return-as-at').filter({ hasText: 'period 12 (March 2023)' }).waitFor();
  });

  it('folds on a phone to what a row is and its total: measure, year and Year Total; the latest year of cases', async () => {
    await h.page.setViewportSize({ width: 390, height: 844 });
    try {
      const visible = (id: string) => sheet(id).locator('thead th').evaluateAll((ths) => ths.filter((t) => (t as HTMLElement).offsetParent !== null).map((t) => t.textContent));
      expect(await visible('plans-issued-and-made-inactive')).toEqual(['Measure', 'Year', 'Year Total']);
      expect(await visible('cessations-by-age-group')).toEqual(['Period', 'Age group', 'Made inactive', 'Ceasing in progress']);
      expect(await visible('tribunals-and-mediations')).toEqual(['Registered cases', '2023']);
      expect(await h.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await sheet('plans-issued-and-made-inactive').scrollIntoViewIfNeeded();
      await h.page.screenshot({ path: join(process.env.SCREENSHOT_DIR ?? tempDir(), 'return-progress-phone.png') });
    } finally {
      await h.page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
