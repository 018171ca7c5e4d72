/**
 * An Excel budget through the Import screen: the sheet taken is named, the user switches to
 * another sheet (the file is read again), imports, and sees that sheet's figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../helpers';
import { appOnProfile, card, figures, importAll, upload, writeFile } from './importHelpers';

const h = appOnProfile();
const { files } = h;

/** The example budget's rows, numbers as numbers; the draft has £100,000 more on one High Needs line. */
function budgetRows(extra: number): (string | number)[][] {
  const rows = Papa.parse<string[]>(readFileSync(join(DATA_DIR, 'budget.csv'), 'utf8'), { skipEmptyLines: true }).data;
  let bumped = false;
  return rows.map((r, i) => {
    if (i === 0) return r;
    const amount = Number(r[3]);
    if (!bumped && r[1] === 'High Needs') {
      bumped = true;
      return [r[0]!, r[1], r[2]!, amount + extra];
    }
    return [r[0]!, r[1]!, r[2]!, amount];
  });
}

function workbook(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['DSG budget 2022-23'], ['Prepared by the finance team']]), 'Notes');
  const draft = XLSX.utils.aoa_to_sheet([['Draft: not approved'], [], ...budgetRows(100_000)]);
  XLSX.utils.book_append_sheet(wb, draft, 'Draft budget');
  const approved = XLSX.utils.aoa_to_sheet(budgetRows(0));
  for (let r = 2; r <= 20; r++) {
    const c = approved[`D${r}`];
    if (c) c.z = '"£"#,##0.00';
  }
  XLSX.utils.book_append_sheet(wb, approved, 'Approved budget');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('importing an Excel workbook', () => {
  it('names the sheet taken, reads another when the user chooses it, and imports its figures', async () => {
    const book = writeFile(files, 'DSG budget 2022-23.xlsx', workbook());
    const others = ['actuals.csv', 'funding.csv', 'agreement.csv'].map((f) => join(DATA_DIR, f));
    await upload(h.page, [book, ...others]);
    const c = card(h.page, 'DSG budget 2022-23.xlsx');
    // The first sheet of a known kind: the draft, its header on row 3 below a title and a blank row.
    await expect.poll(() => c.getByTestId('upload-sheet').innerText()).toContain('Read from sheet “Draft budget”');
    expect(await c.getByTestId('upload-sheet').innerText()).toContain('Notes (not a kind this app reads)');
    expect(await c.getByTestId('upload-meta').innerText()).toContain('header on row 3');
    expect(await c.getByTestId('upload-meta').innerText()).not.toContain('separated');
    expect(await c.getByTestId('upload-kind').innerText()).toBe('budget');
    const select = c.getByLabel('Sheet');
    expect(await select.locator('option').allInnerTexts()).toEqual([
      'Notes (not a kind this app reads)', 'Draft budget (budget)', 'Approved budget (budget)',
    ]);
    await select.selectOption('Approved budget');
    await expect.poll(() => c.getByTestId('upload-sheet').innerText(), { timeout: 30_000 }).toContain('Read from sheet “Approved budget”');
    await c.getByTestId('upload-summary').waitFor();
    expect(await c.getByTestId('upload-summary').innerText()).toContain('19 rows valid, 0 rows skipped, 0 errors');
    expect(await c.getByTestId('upload-meta').innerText()).toContain('header on row 1');
    // A look at the card (SCREENSHOT_DIR keeps it).
    await h.page.screenshot({ path: join(process.env.SCREENSHOT_DIR ?? files, 'import-spreadsheet.png'), fullPage: true });
    await importAll(h.page);
    const f = await figures(h.page);
    // SPEC section 7: the approved budget, not the draft's £15,721,000.
    expect(f.budget).toContain('£15,621,000');
    expect(f['forecast-outturn']).toContain('£15,652,717');
    expect(f['cumulative-gross']).toContain('£11,862,717');
    expect(f.status).toContain('Amber');
  });

  it('flags the same sheet of the workbook as imported before, but not another sheet of it', async () => {
    const book = writeFile(files, 'DSG budget 2022-23.xlsx', workbook());
    await upload(h.page, [book]);
    const c = card(h.page, 'DSG budget 2022-23.xlsx');
    // The draft sheet, read first, was never imported: the bytes alone are not the figures.
    await expect.poll(() => c.getByTestId('upload-sheet').innerText()).toContain('Read from sheet “Draft budget”');
    expect(await c.innerText()).not.toContain('This same file was imported');
    await c.getByLabel('Sheet').selectOption('Approved budget');
    await expect.poll(() => c.getByTestId('upload-sheet').innerText(), { timeout: 30_000 }).toContain('Read from sheet “Approved budget”');
    await expect.poll(() => c.innerText()).toContain('This same file was imported on');
  });

  it('refuses an old .xls with what to do, and the screen stays usable', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a']]), 'S');
    const xls = writeFile(files, 'old.xls', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }) as ArrayBuffer));
    await upload(h.page, [xls]);
    const c = card(h.page, 'old.xls');
    const text = await c.innerText();
    expect(text).toContain('old-style Excel 97-2003 workbook (.xls)');
    expect(text).toContain('saved as .xlsx');
    expect(await h.page.getByTestId('file-input').getAttribute('accept')).toContain('.xlsx');
    expect(await h.page.getByTestId('file-input').getAttribute('accept')).toContain('.ods');
  });
});
