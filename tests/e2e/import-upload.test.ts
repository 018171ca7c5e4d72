/**
 * Upload through the real file input in headless Chromium (issue 4, "Done when"): the example
 * files, messy files, bad files, a period re-upload with undo, a reload, a cancelled import.
 * One browser profile throughout, so each step sees what the earlier ones stored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../helpers';
import { openApp } from './browser';
import { appOnProfile, card, exampleFiles, figures, goto, historyRows, importAll, upload, writeFile } from './importHelpers';

const h = appOnProfile();
const { files } = h;
let stored: Record<string, string>;
let storedHistory: string[];

/** Asserts that the figures and the history are what they were before a step that must change nothing. */
async function unchanged() {
  expect(await figures(h.page)).toEqual(stored);
  expect(await historyRows(h.page)).toEqual(storedHistory);
}

describe('uploading files in the browser', () => {
  it('imports the example files and shows the SPEC section 7 figures as the user\'s own data', async () => {
    const paths = exampleFiles();
    const cards = await upload(h.page, paths);
    expect(await cards.count()).toBe(paths.length);
    expect(await card(h.page, 'actuals.csv').getByTestId('upload-kind').innerText()).toBe('actuals (one row per line and period)');
    expect(await card(h.page, 'agreement.csv').getByTestId('upload-kind').innerText()).toBe('Safety Valve agreement');
    expect(await card(h.page, 'budget.csv').getByTestId('upload-summary').innerText()).toContain('19 rows valid, 0 rows skipped, 0 errors');
    await importAll(h.page);
    const f = await figures(h.page);
    expect(await h.page.locator('.app-source').innerText()).toBe('Showing your data');
    expect(f.budget).toContain('£15,621,000');
    expect(f['forecast-outturn']).toContain('£15,652,717');
    expect(f.income).toContain('£12,921,000');
    expect(f['cumulative-gross']).toContain('£11,862,717');
    expect(f['cumulative-net']).toContain('£6,702,717');
    expect(f.status).toContain('Amber');
    const history = await historyRows(h.page);
    expect(history).toHaveLength(paths.length);
    expect(history.join('\n')).toMatch(/[0-9a-f]{12}…/); // the SHA-256
    stored = f;
    storedHistory = history;
  });

  it('keeps everything through a reload and a browser restart', async () => {
    await h.page.reload();
    expect(await h.page.locator('.app-source').innerText()).toBe('Showing your data');
    expect(await figures(h.page)).toEqual(stored);
    expect(await historyRows(h.page)).toEqual(storedHistory);
    // A second browser keeps the preview server (so the origin, port included) alive while this one restarts.
    const keeper = await openApp();
    await h.reopen();
    await keeper.close();
    expect(await h.page.locator('.app-source').innerText()).toBe('Showing your data');
    expect(await figures(h.page)).toEqual(stored);
    expect(await historyRows(h.page)).toEqual(storedHistory);
  });

  it('shows each bad file its error report, offers a CSV of it, and stores nothing', async () => {
    const bad = [
      writeFile(files, 'empty.csv', ''),
      writeFile(files, 'budget.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00])),
      writeFile(files, 'contacts.csv', 'Name,Address,Telephone\nJane Smith,1 High Street,01803 200000\n'),
      writeFile(files, 'actuals-bad.csv', 'Financial Year,Period,Block,Line,Actual\n2022-23,13,High Needs,Top up,100\n2022-23,1,Nursery,Top up,100\n2022-23,1,High Needs,Top up,1,23\n2022-23,2,High Needs,Top up,"12.3.4"\n'),
      writeFile(files, 'agreement-twice.csv', 'financial_year,deficit_profile,dfe_contribution\n2022-23,100,10\n2022-23,200,20\n'),
    ];
    await upload(h.page, bad);
    const text = (name: string) => card(h.page, name).innerText();
    expect(await text('empty.csv')).toContain('the file is empty');
    expect(await text('budget.xlsx')).toContain('not text');
    expect(await text('contacts.csv')).toContain('could not be recognised');
    expect(await text('contacts.csv')).toContain('Nothing from this file can be imported');
    // Every error names file, row, column, value and what is accepted.
    const errors = card(h.page, 'actuals-bad.csv').getByTestId('errors');
    const rows = await errors.locator('tbody tr').allInnerTexts();
    const period = rows.find((r) => r.includes('\t2\t'))!;
    expect(period).toMatch(/actuals-bad\.csv\t2\tB \(Period\)\t13\t.+\t.+/);
    expect(rows.some((r) => /\t3\tC \(Block\)\tNursery\t/.test(r))).toBe(true);
    expect(await card(h.page, 'agreement-twice.csv').innerText()).toMatch(/2022-23/);
    expect(await card(h.page, 'agreement-twice.csv').getByTestId('errors').count()).toBe(1);
    // The report downloads as CSV with the same rows.
    const [download] = await Promise.all([
      h.page.waitForEvent('download'),
      card(h.page, 'actuals-bad.csv').getByRole('button', { name: 'Download this report as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('actuals-bad-report.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('severity,file,row,column,value,problem,accepted');
    expect(csv).toMatch(/error,actuals-bad\.csv,2,B \(Period\),13,/);
    // Nothing of them is stored.
    await unchanged();
  });

  it('imports only the valid rows when the user chooses, saying which rows were left out', async () => {
    await goto(h.page, 'import');
    const c = card(h.page, 'actuals-bad.csv');
    // Row 4's unquoted 1,23 is two values under one heading: an error, never £1 read silently.
    expect(await c.getByTestId('errors').innerText()).toMatch(/\t4\tF\t23\t.*has 6 values but the header row \(row 1\) has 5 columns/);
    expect(await c.innerText()).toContain('Nothing from this file can be imported');
    // This file has no valid rows at all, so nothing can be imported from it.
    const partial = writeFile(files, 'actuals-partial.csv', 'Financial Year,Period,Block,Line,Actual\n2023-24,1,High Needs,Top up,100\n2023-24,1,Nursery,Top up,100\n');
    await upload(h.page, [partial]);
    const p = card(h.page, 'actuals-partial.csv');
    expect(await p.getByTestId('left-out').innerText()).toContain('leave out rows 3');
    await p.getByRole('button', { name: 'Import the 1 valid row, leaving out 1 row' }).click();
    await p.getByText('Imported.').waitFor();
    const history = await historyRows(h.page);
    expect(history).toHaveLength(storedHistory.length + 1);
    expect(history[0]).toContain('actuals-partial.csv');
    // Undo it, so the later steps compare against the example figures.
    await h.page.getByRole('button', { name: 'Undo actuals-partial.csv' }).click();
    await h.page.getByRole('button', { name: 'Redo actuals-partial.csv' }).waitFor();
    expect(await figures(h.page)).toEqual(stored);
    storedHistory = await historyRows(h.page);
  });

  it('shows what a period re-upload changes, replaces it on confirmation, and undoes it', async () => {
    const original = readFileSync(join(DATA_DIR, 'actuals.csv'), 'utf8').split(/\r?\n/);
    const header = original[0]!;
    const p12 = original.filter((l) => l.startsWith('2022-23,12,High Needs,EHCP in-year adjustments'));
    expect(p12).toHaveLength(1);
    const cells = p12[0]!.split(',');
    const oldValue = cells[cells.length - 1]!;
    cells[cells.length - 1] = (Number(oldValue) + 1000).toFixed(2);
    const path = writeFile(files, 'actuals-p12-revised.csv', `${header}\n${cells.join(',')}\n`);
    await upload(h.page, [path]);
    const c = card(h.page, 'actuals-p12-revised.csv');
    const diff = await c.getByTestId('changes').locator('tbody tr').allInnerTexts();
    expect(diff).toHaveLength(1);
    expect(diff[0]).toMatch(/^2022-23\t12\tHigh Needs\tEHCP in-year adjustments\t\(?£[\d,]+\.\d\d\)?\t\(?£[\d,]+\.\d\d\)?\t£1,000\.00$/);
    await c.getByRole('button', { name: 'Replace 1 figure and import' }).click();
    await c.getByText('Imported.').waitFor();
    const after = await figures(h.page);
    expect(after['forecast-outturn']).toContain('£15,653,717');
    const history = await historyRows(h.page);
    expect(history[0]).toContain('replaced 1 figure (2022-23 P12)');
    await h.page.getByRole('button', { name: 'Undo actuals-p12-revised.csv' }).click();
    await h.page.getByRole('button', { name: 'Redo actuals-p12-revised.csv' }).waitFor();
    expect(await figures(h.page)).toEqual(stored);
    storedHistory = await historyRows(h.page);
  });

  it('reads messy files: Windows-1252 with £, title and totals rows, wide months, a tab-separated ledger', async () => {
    const cp1252 = (s: string) => Uint8Array.from([...s].map((ch) => (ch === '£' ? 0xa3 : ch === '–' ? 0x96 : ch.charCodeAt(0))));
    const budget = writeFile(
      files,
      'budget-1252.csv',
      cp1252(
        'Torbay Council - Children\'s Services\r\nDSG Revised Budget 2023/24\r\n,,,\r\nFin Year,Funding Block,Budget Heading,Revised Budget £\r\n' +
          '2023/24,High Needs,Top up funding – mainstream,"£3,250,500.50"\r\n2023/24,HNB,Independent special school placements,"(£12,500.25)"\r\n' +
          'Total High Needs,,,"£3,238,000.25"\r\n2023/24,Schools,Growth fund,£12k\r\nGrand Total,,,"£3,250,000.25"\r\n',
      ),
    );
    const months = ['Apr-23', 'May-23', 'Jun-23', 'Jul-23', 'Aug-23', 'Sep-23', 'Oct-23', 'Nov-23', 'Dec-23', 'Jan-24', 'Feb-24', 'Mar-24'];
    const wide = writeFile(
      files,
      'actuals-wide.csv',
      `DSG Monitoring - Actuals by Month\nFinancial Year,Block,Service,${months.join(',')}\n2023-24,High Needs,Top up funding – mainstream,"1,000.00",-,"(500.00)",,,,,,,,,\n`,
    );
    const ledgerRows = ['Financial Year\tPeriod\tBlock\tBudget Heading\tDate\tReference\tSupplier\tAmount'];
    for (let i = 0; i < 200; i++) ledgerRows.push(`2023-24\tP${(i % 3) + 1}\tSchools\tGrowth fund\t01/0${4 + (i % 3)}/2023\tINV${i}\tSupplier ${i}\t10.01`);
    const ledger = writeFile(files, 'ledger.tsv', ledgerRows.join('\n') + '\n');
    await upload(h.page, [budget, wide, ledger]);
    const b = card(h.page, 'budget-1252.csv');
    const bText = await b.innerText();
    expect(bText).toContain('windows-1252');
    expect(await b.getByTestId('upload-summary').innerText()).toContain('3 rows valid, 2 rows skipped, 0 errors');
    await b.getByText('Columns matched').click();
    expect(await b.innerText()).toContain('D (Revised Budget £) → budget');
    expect(await h.page.locator('main').innerText()).not.toMatch(/Â£|�/);
    expect(await card(h.page, 'actuals-wide.csv').getByTestId('upload-kind').innerText()).toBe('actuals, wide (one column per month)');
    const l = card(h.page, 'ledger.tsv');
    expect(await l.getByTestId('upload-kind').innerText()).toBe('ledger (one row per transaction)');
    expect(await l.innerText()).toContain('tab separated');
    expect(await l.getByTestId('upload-summary').innerText()).toContain('200 rows valid');
    for (const name of ['budget-1252.csv', 'actuals-wide.csv', 'ledger.tsv']) {
      const c = card(h.page, name);
      await c.getByRole('button', { name: /^Import/ }).click();
      await c.getByText('Imported.').waitFor();
    }
    await goto(h.page, 'overview');
    await h.page.getByLabel('Financial year').selectOption({ label: '2023-24 (to period 3)' });
    const f = await figures(h.page);
    expect(f.budget).toContain('£3,250,000'); // 3,250,500.50 − 12,500.25 + 12,000, totals rows not added in
    expect(await h.page.locator('main').innerText()).not.toMatch(/Â£|�/);
    await h.page.getByLabel('Financial year').selectOption({ label: '2022-23 (to period 12)' });
    const before = storedHistory.length;
    storedHistory = await historyRows(h.page);
    expect(storedHistory).toHaveLength(before + 3);
  });

  it('lets the user change the detected kind', async () => {
    const path = writeFile(files, 'funding-as-budget.csv', 'Financial Year,Block,DSG Allocation\n2023-24,Schools,100\n');
    await upload(h.page, [path]);
    const c = card(h.page, 'funding-as-budget.csv');
    expect(await c.getByTestId('upload-kind').innerText()).toBe('DSG funding');
    await c.getByTestId('kind-select').selectOption('budget');
    await expect.poll(() => c.innerText()).toContain('no row within the first 20 has the columns of a budget file');
    await c.getByRole('button', { name: 'Remove from this list' }).click();
  });

  it('reads a UTF-8 file with one stray Windows-1252 £, keeping its other £ signs, and says so', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Financial Year,Period,Block,Line,Actual\n2023-24,1,HNB,Café top up,"£1,234.00"\n2023-24,2,HNB,Other,'),
      Buffer.from([0xa3]),
      Buffer.from('7.00\n'),
    ]);
    await upload(h.page, [writeFile(files, 'stray-byte.csv', bytes)]);
    const c = card(h.page, 'stray-byte.csv');
    expect(await c.getByTestId('upload-meta').innerText()).toContain('utf-8, with some Windows-1252 bytes');
    expect(await c.getByTestId('upload-summary').innerText()).toContain('2 rows valid, 0 rows skipped, 0 errors, 1 warning');
    await c.getByText('Warnings (1)').click();
    expect(await c.innerText()).toMatch(/the file is UTF-8, but 1 byte in it is not \(the first on line 3\)/);
    expect(await c.innerText()).not.toMatch(/Â£|�/);
    await c.getByRole('button', { name: 'Remove from this list' }).click();
  });

  it('cancels a large import part-way and changes nothing', async () => {
    stored = await figures(h.page);
    const lines = ['Financial Year,Period,Block,Budget Heading,Date,Reference,Supplier,Amount'];
    const row = '2022-23,P12,High Needs,EHCP in-year adjustments,31/03/2023,INV000123,A Supplier Ltd,1.00';
    for (let i = 0; i < 1_000_000; i++) lines.push(row);
    const big = writeFile(files, 'big-ledger.csv', lines.join('\n'));
    await goto(h.page, 'import');
    await h.page.getByTestId('file-input').setInputFiles([big]);
    const c = card(h.page, 'big-ledger.csv');
    // The worker's progress reaches the page while it reads: rows so far and a percentage.
    await c.getByText(/^Reading: [1-9][\d,]* rows, \d+%/).waitFor({ timeout: 20_000 });
    await c.getByRole('button', { name: 'Cancel' }).click();
    await c.getByText('Cancelled: nothing from this file was stored.').waitFor();
    expect(await c.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    await unchanged();
  });
});
