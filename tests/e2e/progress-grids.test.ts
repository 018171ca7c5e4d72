/**
 * The progress report's grids in headless Chromium (issue 14 point 5): upload the example files
 * with the plans issued and made inactive grids as the Torbay paper prints them; the EHCP view shows
 * each grid as printed and each month beside the EHCP figures; the forum report carries them too.
 * Figures by hand from the April 2023 paper: Jan 2023 issued 16, made inactive 32 + 3 + 2 = 37.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { appForTests } from './browser';
import { gotoView, rowNamed, rowsOf, seriousViolations } from './dashboard';
import { card, exampleFiles, importAll, tempDir, upload } from './importHelpers';

const ISSUED = join(ROOT, 'tests/fixtures/progress/plans-issued.csv');
const INACTIVE = join(ROOT, 'tests/fixtures/progress/plans-made-inactive.csv');
const AGES = join(ROOT, 'tests/fixtures/progress/cessations-by-age.csv');
const CASES = join(ROOT, 'tests/fixtures/progress/tribunals-mediations.csv');

const h = appForTests();

describe('the progress report grids, uploaded', () => {
  it('refuses a grid whose Year Total disagrees, naming the row', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad-grid.csv');
    writeFileSync(bad, 'New EHCPs issued\n,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,Year Total\n2023,16,10,-,-,-,-,-,-,-,-,-,-,25\n');
    await upload(h.page, [bad]);
    const text = await card(h.page, 'bad-grid.csv').innerText();
    expect(text).toContain('the Year Total is not the sum of the months given (16 + 10 = 26)');
    expect(text).toContain('bad-grid.csv\t3\tN (Year Total)\t25\tthe Year Total is not the sum');
    expect(text).toContain('Nothing from this file can be imported');
    expect(await card(h.page, 'bad-grid.csv').getByRole('button', { name: /^Import/ }).count()).toBe(0);
  }, 60_000);

  it('imports the example files with both grids', async () => {
    const files = exampleFiles();
    await h.page.reload();
    await upload(h.page, [...files, ISSUED, INACTIVE, AGES, CASES]);
    expect(await card(h.page, 'plans-issued.csv').innerText()).toContain('EHCP year-by-month grid');
    await importAll(h.page);
    await gotoView(h.page, h.url, 'ehcp', 'EHCP and demand');
  }, 180_000);

  it('shows each grid as the progress report prints it, "-" for months not published', async () => {
    const issued = await rowsOf(h.page.getByTestId('grid-newPlans'));
    expect(issued[0]).toEqual(['Year', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Year Total']);
    expect(rowNamed(issued, '2022')).toEqual(['2022', '5', '13', '19', '20', '23', '22', '23', '14', '20', '17', '14', '14', '204']);
    expect(rowNamed(issued, '2023')).toEqual(['2023', '16', '10', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '26']);
    const inactive = await rowsOf(h.page.getByTestId('grid-plansEnded'));
    expect(rowNamed(inactive, '2023')).toEqual(['2023', '37', '15', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '52']);
  });

  it('sets each month beside the EHCP figures, with the difference in words', async () => {
    const rows = await rowsOf(h.page.getByTestId('grid-comparison-table'));
    expect(rows[0]).toEqual(['Month', 'Plans issued: progress report', 'Plans issued: EHCP figures', 'Plans issued: difference', 'Plans made inactive: progress report', 'Plans made inactive: EHCP figures', 'Plans made inactive: difference']);
    expect(rows.slice(-2)).toEqual([
      ['January 2023', '16', '16', 'agree', '37', '37', 'agree'],
      ['February 2023', '10', '10', 'agree', '15', '15', 'agree'],
    ]);
    expect(await h.page.getByTestId('grid-comparison').innerText()).toMatch(/the progress report and the EHCP figures (agree|differ)/);
    expect(await seriousViolations(h.page)).toEqual([]);
  });

  it('shows the cessations by age group with its total, beside the grid\'s made inactive to February 2023', async () => {
    const rows = await rowsOf(h.page.getByTestId('age-cessations-2023-02'));
    expect(rows).toEqual([
      ['Age group', 'Made inactive', 'Ceasing in progress'],
      ['Age 0-4', '0', '0'], ['Age 5-10', '4', '8'], ['Age 11-15', '5', '24'], ['Age 16-19', '28', '19'], ['Age 20-25', '15', '3'],
      ['All age groups', '52', '54'],
    ]);
    // 37 (January) + 15 (February) = 52, the table's total.
    expect(await h.page.getByTestId('age-cessations-check-2023-02').innerText()).toBe('The grid of plans made inactive gives 52 from January to February 2023: the same as this table.');
    expect(await seriousViolations(h.page)).toEqual([]);
  });

  it('shows the tribunals and mediations by calendar year', async () => {
    expect(await rowsOf(h.page.getByTestId('tribunals-table'))).toEqual([
      ['Registered cases', '2018', '2019', '2020', '2021', '2022', '2023'],
      ['Tribunals', '6', '9', '7', '9', '17', '4'],
      ['Mediations', '2', '0', '6', '2', '19', '3'],
    ]);
  });

  it('carries the grids in the forum report\'s EHCP section', async () => {
    await gotoView(h.page, h.url, 'report', 'Forum report');
    const section = h.page.getByTestId('rep-progress-grids');
    expect(await section.locator('h3').innerText()).toBe('The progress report\'s grids: plans issued and made inactive');
    expect(rowNamed(await rowsOf(section.getByTestId('grid-plansEnded')), '2022')).toEqual(['2022', '7', '6', '23', '11', '15', '5', '21', '7', '28', '17', '47', '45', '232']);
    // Compared over 2022-23's months only: April 2022 to February 2023 (the grids stop there).
    const compared = await rowsOf(section.getByTestId('grid-comparison-table'));
    expect(compared.slice(1).map((r) => r[0])).toEqual(['April 2022', 'May 2022', 'June 2022', 'July 2022', 'August 2022', 'September 2022', 'October 2022', 'November 2022', 'December 2022', 'January 2023', 'February 2023']);
    expect(rowNamed(await rowsOf(h.page.getByTestId('rep-tribunals-table')), 'Mediations')).toEqual(['Mediations', '2', '0', '6', '2', '19', '3']);
    expect(rowNamed(await rowsOf(h.page.getByTestId('rep-age-cessations').locator('table')), 'All age groups')).toEqual(['All age groups', '52', '54']);
    expect(await section.getByTestId('grid-comparison').innerText()).toBe('For the 22 monthly figures both give (April 2022 to March 2023), the progress report and the EHCP figures agree.');
  });
});
