/**
 * The cost-centre map in the browser (issue 10): a general-ledger extract with account strings
 * and no block or line columns, read through the budget's cost centres; two unmapped cost
 * centres mapped by hand and an income account excluded on the Import screen; the figures; the
 * mapping kept through a reload; the ledger uploaded again, "replace those periods" the default
 * and the figures unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from '../helpers';
import { appOnProfile, card, goto, importAll, upload, writeFile } from './importHelpers';

const h = appOnProfile();
const { files } = h;
let ledgerPath = '';
let budgetPath = '';

/** An Oracle-style account analysis: the accounting flexfield (entity.cost centre.account.project) in one column. */
const LEDGER = [
  'Account Analysis Report',
  'Period: APR-23 to JUN-23',
  'Source,Category,Journal Entry Name,GL Date,Period,Account,Account Description,Line Description,Amount',
  'Payables,Purchase Invoices,INV 100231,12-APR-2023,APR-23,10.HN3002.5610.0000,Top-up payments,Top-up summer term,125000.00',
  'Payables,Purchase Invoices,INV 100232,18-APR-2023,APR-23,10.HN3010.5620.0000,Independent school fees,Placement fees,88500.50',
  'Payables,Purchase Invoices,INV 100305,10-MAY-2023,MAY-23,10.HN3011.5620.0000,Independent school fees,Placement fees,11499.50',
  'Spreadsheet,Adjustment,JNL 5521,31-MAY-2023,MAY-23,10.HN3099.5610.0000,Top-up payments,Hospital education,15000.00',
  'Receivables,Grant,DSG 2023-24 M3,15-JUN-2023,JUN-23,10.DS0001.9100.0000,DSG grant income,DSG instalment,-3000000.00',
  'Payables,Purchase Invoices,INV 100420,02-JUN-2023,JUN-23,10.SC1001.5100.0000,Schools budget shares,ISB June,5400000.00',
].join('\r\n') + '\r\n';

beforeAll(() => {
  budgetPath = writeFile(files, 'budget-2023-24.csv', readFileSync(join(ROOT, 'tests/fixtures/costcentre/budget-cost-centres.csv')));
  ledgerPath = writeFile(files, 'gl-account-analysis-q1.csv', LEDGER);
});

/** The budget lines table as "line: actual to date" for every line. */
async function actualsByLine(page: Page): Promise<Record<string, string>> {
  await page.evaluate(() => {
    window.location.hash = '#/lines';
  });
  const table = page.getByTestId('lines-table');
  await table.waitFor();
  const out: Record<string, string> = {};
  for (const row of await table.locator('tbody tr').all()) {
    // The line's own name is the heading's first text; its block and tags follow in their own elements.
    const name = (await row.locator('th').evaluate((th) => th.firstChild?.textContent ?? '')).trim();
    out[name] = (await row.locator('td').nth(2).innerText()).trim();
  }
  out.total = (await table.locator('tfoot tr td').nth(2).innerText()).trim();
  return out;
}

function unmappedRow(c: Locator, code: string) {
  return c.getByTestId('unmapped-table').locator(`tr[data-code="${code}"]`);
}

const EXPECTED = {
  // By hand: 125,000.00; 88,500.50 + 11,499.50 (HN3011, mapped by hand to the same line) = 100,000.00;
  // 15,000.00 (HN3099, a new line); 5,400,000.00; the grant income of -3,000,000.00 excluded.
  'Top-up funding - mainstream': '£125,000',
  'Independent special schools': '£100,000',
  'Hospital education': '£15,000',
  'Individual schools budget': '£5,400,000',
  total: '£5,640,000',
};

describe('a general-ledger extract through the cost-centre map', () => {
  it('lists the unmapped codes with their totals, maps two by hand, excludes the income account, and shows the right figures', async () => {
    await upload(h.page, [budgetPath]);
    await importAll(h.page);
    await upload(h.page, [ledgerPath]);
    const c = card(h.page, 'gl-account-analysis-q1.csv');
    expect(await c.getByTestId('upload-kind').innerText()).toBe('ledger (one row per transaction)');
    const panel = c.getByTestId('unmapped-cost-centres');
    await panel.waitFor();
    expect(await panel.getByRole('heading').innerText()).toBe('Unmapped cost centres (3)');
    expect(await panel.innerText()).toContain('3 rows totalling (£2,973,500.50)');
    expect(await unmappedRow(c, '10.DS0001.9100.0000').getByTestId('unmapped-total').innerText()).toBe('(£3,000,000.00)');
    expect(await unmappedRow(c, '10.HN3099.5610.0000').getByTestId('unmapped-total').innerText()).toBe('£15,000.00');
    expect(await unmappedRow(c, '10.HN3011.5620.0000').getByTestId('unmapped-total').innerText()).toBe('£11,499.50');

    // HN3011 to a line of the budget; HN3099 to a new line typed in; the grant income account 9100 excluded.
    const hn3011 = unmappedRow(c, '10.HN3011.5620.0000');
    await hn3011.getByLabel('Part of 10.HN3011.5620.0000 to map').selectOption('HN3011');
    await hn3011.getByLabel('Block for 10.HN3011.5620.0000').selectOption('High Needs');
    await hn3011.getByLabel('Budget line for 10.HN3011.5620.0000').fill('Independent special schools');
    const hn3099 = unmappedRow(c, '10.HN3099.5610.0000');
    await hn3099.getByLabel('Part of 10.HN3099.5610.0000 to map').selectOption('HN3099');
    await hn3099.getByLabel('Block for 10.HN3099.5610.0000').selectOption('High Needs');
    await hn3099.getByLabel('Budget line for 10.HN3099.5610.0000').fill('Hospital education');
    const income = unmappedRow(c, '10.DS0001.9100.0000');
    await income.getByLabel('Part of 10.DS0001.9100.0000 to map').selectOption('9100');
    await income.getByLabel(/Exclude/).check();
    await c.getByRole('button', { name: 'Save these mappings and read the file again' }).click();

    // The file is read again with the mappings: no errors, the excluded row counted and totalled.
    await expect.poll(() => c.getByTestId('cost-centre-summary').innerText().catch(() => ''), { timeout: 30_000 }).toContain('excluded');
    expect(await c.getByTestId('upload-summary').innerText()).toContain('5 rows valid, 0 rows skipped, 0 errors');
    expect(await c.getByTestId('cost-centre-summary').innerText()).toBe(
      'Cost-centre map: 5 rows given a block and line from it; 1 row excluded, totalling (£3,000,000.00).',
    );
    expect(await c.getByTestId('unmapped-cost-centres').count()).toBe(0);
    await c.getByRole('button', { name: 'Import 5 rows' }).click();
    await c.getByText('Imported.').waitFor();
    expect(await actualsByLine(h.page)).toEqual(expect.objectContaining(EXPECTED));
  });

  it('keeps the mappings through a reload, listed for editing, and in the import history', async () => {
    await h.page.reload();
    await goto(h.page, 'import');
    const table = h.page.getByTestId('hand-mappings-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).toEqual(['9100', 'HN3011', 'HN3099']);
    expect(await table.getByLabel('Budget line for HN3099').inputValue()).toBe('Hospital education');
    expect(await table.getByLabel('Block for HN3011').inputValue()).toBe('High Needs');
    expect(await h.page.getByTestId('history').innerText()).toContain('Cost centres mapped by hand');
    expect(await actualsByLine(h.page)).toEqual(expect.objectContaining(EXPECTED));
  });

  it('offers "replace those periods" by default for the same ledger uploaded again, and the figures stay as they were', async () => {
    await upload(h.page, [ledgerPath]);
    const c = card(h.page, 'gl-account-analysis-q1.csv');
    const mode = c.getByTestId('ledger-mode');
    await mode.waitFor();
    expect(await mode.getByRole('radio', { name: /Replace those periods/ }).isChecked()).toBe(true);
    expect(await mode.getByRole('radio', { name: /Add to them/ }).isChecked()).toBe(false);
    expect(await c.getByTestId('same-bytes').innerText()).toContain('replacing those periods with it changes no figure');
    // Adding the same bytes again would double them: the button waits for a confirmation naming the total.
    await mode.getByRole('radio', { name: /Add to them/ }).check();
    const add = c.getByRole('button', { name: 'Add to P1 to P3 of 2023-24 and import' });
    expect(await add.isDisabled()).toBe(true);
    expect(await c.getByTestId('double-confirm').innerText()).toContain('counts its £5,640,000.00 of transactions a second time');
    await mode.getByRole('radio', { name: /Replace those periods/ }).check();
    const replace = c.getByRole('button', { name: 'Replace P1 to P3 of 2023-24 and import' });
    expect(await replace.isDisabled()).toBe(false);
    await replace.click();
    await c.getByText('Imported.').waitFor();
    expect(await actualsByLine(h.page)).toEqual(expect.objectContaining(EXPECTED));
  });
});
