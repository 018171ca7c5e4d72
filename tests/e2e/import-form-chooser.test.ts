/**
 * A form the file cannot decide, chosen on the Import screen (issue 10): the example's actuals
 * with six-digit period codes (202201) and no dates, so nothing in the file says whether 202201
 * is January 2022 or period 1 of 2022-23. The card offers the readings as a radio group, each with
 * its first rows as they will be read; the user picks one with the keyboard, the file is read
 * again with it, and the figures are the example's. The choice is that upload's only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../helpers';
import { appOnProfile, card, figures, importAll, upload, writeFile } from './importHelpers';

const h = appOnProfile();
const { files } = h;

/** The example's 2022-23 actuals, each period as a code of the year and fiscal period (P1 is 202201). */
function actualsWithCodes(): string {
  const rows = Papa.parse<string[]>(readFileSync(join(DATA_DIR, 'actuals.csv'), 'utf8'), { skipEmptyLines: true }).data;
  const out = [['Period', 'Block', 'Line', 'Actual']];
  for (const [fy, period, block, line, actual] of rows.slice(1)) {
    expect(fy).toBe('2022-23');
    out.push([`2022${period!.padStart(2, '0')}`, block!, line!, actual!]);
  }
  return Papa.unparse(out) + '\r\n';
}

describe('choosing a form the file cannot decide', () => {
  it('shows each reading of 202201 with a preview, reads the file again as chosen, and gives the right figures', async () => {
    const path = writeFile(files, 'actuals-period-codes.csv', actualsWithCodes());
    const others = ['budget.csv', 'funding.csv', 'agreement.csv'].map((f) => join(DATA_DIR, f));
    await upload(h.page, [...others, path]);
    const c = card(h.page, 'actuals-period-codes.csv');
    const chooser = c.getByTestId('form-chooser');
    await chooser.waitFor();
    expect(await chooser.locator('legend').innerText()).toBe('What does a six-digit period such as 202304 mean?');
    expect(await chooser.innerText()).toContain('(row 2: 202201)');
    // Each reading, labelled, with the first rows as they will be read: period, line, amount in £.
    const calendar = chooser.getByRole('radio', { name: /^Year and calendar month/ });
    const fiscal = chooser.getByRole('radio', { name: /^Year and fiscal period, the year the financial year starts in/ });
    await calendar.waitFor();
    await fiscal.waitFor();
    expect(await chooser.getByRole('radio').count()).toBe(3);
    const calendarRows = await chooser.getByTestId('form-preview-calendar').locator('tbody tr').allInnerTexts();
    const fiscalRows = await chooser.getByTestId('form-preview-fiscal-start').locator('tbody tr').allInnerTexts();
    expect(calendarRows).toHaveLength(5);
    // Row 2 of the example: £491,083.33 on the early years payments line, in P1 (or, as a calendar month, January 2022).
    expect(calendarRows[0]).toMatch(/^2\tP10 2021-22 \(January 2022\)\tEarly Years 2, 3 & 4 yr old payments - PVIs & Academies\t£491,083\.33$/);
    expect(fiscalRows[0]).toMatch(/^2\tP1 2022-23 \(April 2022\)\tEarly Years 2, 3 & 4 yr old payments - PVIs & Academies\t£491,083\.33$/);
    expect(await chooser.getByTestId('form-preview-fiscal-end').locator('tbody tr').first().innerText()).toContain('P1 2021-22 (April 2021)');
    // Nothing can be imported until the user chooses.
    expect(await c.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    // The 228 errors all wait on the choice: one folded line, not a list of 228 (nor "fix the file").
    expect(await c.getByTestId('errors').count()).toBe(0);
    const shownOutsideChooser = async () => (await c.locator('li:visible, tbody tr:visible').count()) - (await chooser.locator('tbody tr:visible').count());
    expect(await shownOutsideChooser()).toBe(0);
    const folded = c.getByTestId('folded-errors');
    expect(await folded.count()).toBe(1);
    expect(await folded.locator('summary').innerText()).toBe('228 rows cannot be read until you choose what the six-digit periods mean (above)');
    expect(await c.getByRole('alert').innerText()).toBe('Nothing from this file can be imported until you choose a reading above.');
    await folded.locator('summary').click();
    expect(await folded.locator('li:visible').allInnerTexts()).toEqual([2, 3, 4, 5, 6].map((n) => `Row ${n}, A (Period): 202201`));
    expect(await folded.locator('p').innerText()).toBe('And 223 more rows like these.');
    expect(await shownOutsideChooser()).toBe(5);
    await c.screenshot({ path: join(process.env.SCREENSHOT_DIR ?? files, 'import-form-chooser-card.png') });
    await folded.locator('summary').click();
    await chooser.screenshot({ path: join(process.env.SCREENSHOT_DIR ?? files, 'import-form-chooser.png') });

    // With the keyboard: focus the first reading, arrow to the next (fiscal, starting year), press the button.
    await calendar.focus();
    await h.page.keyboard.press('ArrowDown');
    expect(await fiscal.isChecked()).toBe(true);
    const read = chooser.getByRole('button', { name: 'Read the file this way' });
    await read.focus();
    await h.page.keyboard.press('Enter');
    await expect.poll(() => c.getByTestId('form-choices').count(), { timeout: 30_000 }).toBe(1);
    await c.getByTestId('upload-summary').waitFor();
    expect(await c.getByTestId('form-choices').innerText()).toContain('six-digit periods as year and fiscal period; a single year as the year the financial year starts in');
    expect(await c.getByTestId('upload-summary').innerText()).toContain('228 rows valid, 0 rows skipped, 0 errors');
    expect(await c.getByTestId('form-chooser').count()).toBe(0);

    await importAll(h.page);
    const f = await figures(h.page);
    // The example's own figures (SPEC section 7), as the CSV with its period numbers gives them.
    expect(f.budget).toContain('£15,621,000');
    expect(f['forecast-outturn']).toContain('£15,652,717');
    expect(f['cumulative-gross']).toContain('£11,862,717');
    expect(f.status).toContain('Amber');
  });

  it('still lists in full an error the question does not explain', async () => {
    // Row 40's block is no DSG block: a fault of the file whatever 202201 means.
    const lines = actualsWithCodes().split('\r\n');
    const cells = Papa.parse<string[]>(lines[39]!).data[0]!;
    cells[1] = 'Nursery';
    lines[39] = Papa.unparse([cells]);
    const path = writeFile(files, 'actuals-period-codes-fault.csv', lines.join('\r\n'));
    await upload(h.page, [path]);
    const c = card(h.page, 'actuals-period-codes-fault.csv');
    await c.getByTestId('form-chooser').waitFor();
    expect(await c.getByTestId('folded-errors').locator('summary').innerText()).toBe('228 rows cannot be read until you choose what the six-digit periods mean (above)');
    const errors = c.getByTestId('errors');
    expect(await errors.locator('caption').innerText()).toBe('1 error besides the rows waiting on the choice');
    const rows = await errors.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    await c.screenshot({ path: join(process.env.SCREENSHOT_DIR ?? files, 'import-form-chooser-fault.png') });
    expect(rows[0]).toMatch(/^actuals-period-codes-fault\.csv\t40\tB \(Block\)\tNursery\tnot one of the four DSG blocks\t/);
    await c.getByRole('button', { name: 'Remove from this list' }).click();
  });

  it('asks again for the same file uploaded afresh: the choice was that upload\'s only', async () => {
    const path = writeFile(files, 'actuals-period-codes-again.csv', actualsWithCodes());
    await upload(h.page, [path]);
    const c = card(h.page, 'actuals-period-codes-again.csv');
    await c.getByTestId('form-chooser').waitFor();
    expect(await c.getByTestId('form-choices').count()).toBe(0);
  });
});
