/**
 * Exports as finance systems write them (samples in tests/fixtures/exports, written from each
 * system's public documentation: see the README there), each read to the penny. The expected
 * figures are worked out by hand from the sample rows, in the comments beside them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ActualLine } from '../../src/model/dataset';
import { importBytes, type ImportOptions, type ImportResult } from '../../src/import/importFile';

function load(name: string, options: ImportOptions = {}): ImportResult {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/exports/${name}`, import.meta.url))));
  return importBytes(bytes, name, options);
}

/** The line's twelve in-month actuals, as pence. */
function actualsOf(r: ImportResult, line: string): (number | null)[] {
  const found = r.data.actuals.filter((a: ActualLine) => a.line === line);
  expect(found).toHaveLength(1);
  return found[0]!.actuals;
}

const P = (...given: [number, number][]) => {
  const out = new Array<number | null>(12).fill(null);
  for (const [period, pence] of given) out[period - 1] = pence;
  return out;
};

const messages = (r: ImportResult) => r.warnings.map((w) => w.message).join('\n');

describe('Unit4 ERP (Agresso) GL transactions: six-digit fiscal periods (202301) read from the transaction dates', () => {
  const r = load('unit4-gl-transactions.csv');
  it('is a ledger with no errors', () => {
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('ledger');
    expect(r.rowsImported).toBe(7);
  });
  it('reads 202301 as period 1 of 2023-24, because 03/04/2023 is posted to it, and says so', () => {
    expect(messages(r)).toMatch(/six-digit periods such as 202304 are year and fiscal period/);
    expect(r.data.actuals.every((a) => a.fy === 2023)).toBe(true);
  });
  it('sums the transactions to the penny', () => {
    // P1: 12,500.00 + 8,250.50 − 1,200.00 = 19,550.50; P2: 9,875.25
    expect(actualsOf(r, 'Independent special schools')).toEqual(P([1, 1955050], [2, 987525]));
    expect(actualsOf(r, 'Top up funding')).toEqual(P([1, 4500000], [2, 4500000]));
    expect(actualsOf(r, '3 and 4 year old entitlement')).toEqual(P([2, 31044218]));
  });
  it('asks, naming the option, where the file has no dates to say how 202301 reads', () => {
    const text = 'Cost centre,DSG block,Budget line,Period,Voucher no,Amount\nHN3002,High Needs,Independent special schools,202301,60012345,100.00\n';
    const asked = importBytes(new TextEncoder().encode(text), 'u4.csv');
    expect(asked.errors[0]).toMatchObject({ row: 2, column: 'D (Period)', value: '202301' });
    expect(asked.errors[0]!.message).toMatch(/may be year and month or year and fiscal period.*period-code option/);
    const told = importBytes(new TextEncoder().encode(text), 'u4.csv', { forms: { periodCode: 'fiscal', singleYear: 'start' } });
    expect(told.errors).toEqual([]);
    expect(told.data.actuals[0]).toMatchObject({ fy: 2023, actuals: P([1, 10000]) });
    const calendar = importBytes(new TextEncoder().encode(text), 'u4.csv', { forms: { periodCode: 'calendar' } });
    // 202301 as a calendar month is January 2023: period 10 of 2022-23.
    expect(calendar.data.actuals[0]).toMatchObject({ fy: 2022, actuals: P([10, 10000]) });
  });
});

describe('Oracle E-Business Suite GL account analysis: APR-23 periods, 02-APR-2023 dates, Dr and Cr columns, a Report Total', () => {
  const r = load('oracle-gl-account-analysis.csv');
  it('finds the header below the title lines and reads the net of debit and credit', () => {
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('ledger');
    expect(r.headerRow).toBe(4);
    expect(r.columns).toContainEqual({ column: 'J (Accounted Dr)', field: 'debit (actual = debit − credit)' });
    expect(r.columns).toContainEqual({ column: 'K (Accounted Cr)', field: 'credit (actual = debit − credit)' });
  });
  it('skips the Report Total row', () => {
    expect(r.skipped).toContainEqual({ row: 10, reason: 'a totals row ("Report Total"): not added in' });
  });
  it('nets Dr − Cr to the penny', () => {
    // APR-23: 4,200.00 + 1,050.75 − 300.00 (credit memo) = 4,950.75; MAY-23: 4,200.00
    expect(actualsOf(r, 'Speech and language therapy')).toEqual(P([1, 495075], [2, 420000]));
    expect(actualsOf(r, 'Admissions')).toEqual(P([2, 241667]));
    // The file's own Report Total: Dr 11,867.42 − Cr 300.00
    const total = r.data.actuals.flatMap((a) => a.actuals).reduce<number>((t, v) => t + (v ?? 0), 0);
    expect(total).toBe(1186742 - 30000);
  });
});

describe('SAP FBL3N line items: semicolons, European decimals, a trailing minus, Fiscal Year 2023 read from the posting dates', () => {
  const r = load('sap-fbl3n-line-items.csv');
  it('is a semicolon ledger read in the European form, and says so', () => {
    expect(r.errors).toEqual([]);
    expect(r.delimiter).toBe(';');
    expect(messages(r)).toMatch(/European form/);
    expect(messages(r)).toMatch(/2023 is 2023-24/);
  });
  it('reads 22.589,63 and 1.250,00- exactly', () => {
    // P1: 22,589.63 − 1,250.00 = 21,339.63; P2: 18,000.00
    expect(actualsOf(r, 'Independent special schools')).toEqual(P([1, 2133963], [2, 1800000]));
    expect(actualsOf(r, 'Top up funding')).toEqual(P([2, 4500000]));
    expect(actualsOf(r, '3 and 4 year old entitlement')).toEqual(P([2, 98765]));
    expect(r.data.actuals.every((a) => a.fy === 2023)).toBe(true);
  });
});

describe('SAP KSB1 cost-centre line items: 001/2024 fiscal period and year, UK amounts with a trailing minus', () => {
  const r = load('sap-ksb1-cost-centre-line-items.csv');
  it('reads 001/2024 as period 1 of 2024-25, because 03.04.2024 is posted to it', () => {
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('ledger');
    expect(messages(r)).toMatch(/2023 is 2023-24/);
    expect(r.data.actuals.every((a) => a.fy === 2024)).toBe(true);
  });
  it('sums to the penny, the trailing minus a credit', () => {
    // P1: 12,500.00 − 1,234.56 = 11,265.44; P2: 9,999.99; P10 (January 2025): 301,000.00
    expect(actualsOf(r, 'Independent special schools')).toEqual(P([1, 1126544], [2, 999999]));
    expect(actualsOf(r, '3 and 4 year old entitlement')).toEqual(P([10, 30100000]));
  });
});

describe('Dynamics 365 Finance voucher transactions: 2023-04-03 00:00:00 dates as the period', () => {
  const r = load('dynamics365-voucher-transactions.csv');
  it('reads each voucher line into its month', () => {
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('ledger');
    // April: 12,500.00 + 3,333.33 − 450.00 = 15,383.33; May: 25,000.00 + 1,234.56 = 26,234.56
    expect(actualsOf(r, 'Independent special schools')).toEqual(P([1, 1538333]));
    expect(actualsOf(r, 'Growth fund')).toEqual(P([2, 2623456]));
  });
});

describe("a council's budget-monitoring workbook saved as CSV: title lines, £000, two header rows, block headings", () => {
  const r = load('council-budget-monitoring.csv');
  it('joins the two header rows and takes the year, period and units from the title lines', () => {
    expect(r.errors).toEqual([]);
    expect(r.headerRow).toBe(6);
    expect(r.header).toEqual(['Service', 'Annual Budget', 'Actual to Date', 'Forecast Outturn', 'Variance']);
    const w = messages(r);
    expect(w).toMatch(/every row is taken as 2023-24, from the title line "Dedicated Schools Grant - Budget Monitoring 2023\/24"/);
    expect(w).toMatch(/every row is taken as period 6, from the title line "Period 6 \(September 2023\)"/);
    expect(w).toMatch(/B \(Annual Budget\) in £000 \(from the title line "All figures £000"\)/);
  });
  it('gives each row the block of the heading above it, and skips the totals', () => {
    expect(r.skipped.filter((s) => /block heading/.test(s.reason)).map((s) => s.row)).toEqual([7, 11, 15]);
    expect(r.skipped.filter((s) => /totals row/.test(s.reason)).map((s) => s.row)).toEqual([10, 14, 17, 18]);
  });
  it('scales £000 exactly: the budget lines', () => {
    expect(r.data.budgets.map((b) => [b.fy, b.block, b.line, b.budget])).toEqual([
      [2023, 'Schools', 'Growth fund', 125000000], // 1,250.0 × £1,000
      [2023, 'Schools', 'Falling rolls fund', 30000000],
      [2023, 'High Needs', 'Top up funding - mainstream', 608950000], // 6,089.5 × £1,000 = £6,089,500.00
      [2023, 'High Needs', 'Independent special schools', 450000000],
      [2023, 'Early Years', '3 and 4 year old entitlement', 1200000000],
    ]);
  });
  it('and the actuals to date and forecast outturn at period 6', () => {
    // 3,210.25 in £000 is £3,210,250.00: the third decimal is whole pounds, not rounded away
    expect(actualsOf(r, 'Top up funding - mainstream')).toEqual(P([6, 321025000]));
    expect(actualsOf(r, 'Growth fund')).toEqual(P([6, 61240000]));
    const forecasts = r.data.actuals.map((a) => a.forecasts[5]);
    expect(forecasts).toEqual([123000000, 30000000, 672050000, 560000000, 1195000000]);
  });
});

describe('a budget-v-actual report: original, revised and YTD budget, YTD actual, commitments, forecast, variance', () => {
  const r = load('budget-v-actual.csv');
  it('gives both the budget (the revised one) and the actuals to date at the title period', () => {
    expect(r.errors).toEqual([]);
    expect(r.kindLabel).toBe('budget-v-actual report (the budget, and the actuals to period 6)');
    expect(r.data.budgets.map((b) => [b.line, b.costCentre, b.budget])).toEqual([
      ['Independent special schools', 'HN3002', 475000000],
      ['Top up funding', 'HN3010', 608950000],
      ['Admissions', 'CS2001', 29000000],
    ]);
    expect(actualsOf(r, 'Independent special schools')).toEqual(P([6, 280123456]));
    expect(actualsOf(r, 'Admissions')).toEqual(P([6, 13987654]));
    expect(r.data.actuals.map((a) => a.forecasts[5])).toEqual([565000000, 608950000, 28500000]);
  });
  it('takes the year and period from the title line "Financial Year: 2023/24    Period: 6"', () => {
    expect(messages(r)).toMatch(/every row is taken as 2023-24, from the title line "Financial Year: 2023\/24 Period: 6"/);
    expect(messages(r)).toMatch(/every row is taken as period 6/);
  });
  it('never adds in the commitments, YTD budget or variance, and says so', () => {
    expect(messages(r)).toMatch(/not read: Original Budget, YTD Budget, Commitments, Variance/);
    expect(r.columns.map((c) => c.field)).toContain('actual (year to date)');
  });
});

describe('"spending over £500" transparency files', () => {
  it('are recognised and warned as incomplete', () => {
    const r = load('spending-over-500.csv');
    expect(messages(r)).toMatch(/"spending over £500" transparency file: it leaves out every item under £500 and all payroll/);
  });
  it('by their title too, when they are read as a ledger', () => {
    const text = 'Expenditure over £500 - April 2023\nDate,Block,Line,Transaction Number,Amount\n03/04/2023,HN,Top up,4471,600.00\n';
    const r = importBytes(new TextEncoder().encode(text), 'april.csv');
    expect(r.kind).toBe('ledger');
    expect(messages(r)).toMatch(/spending over £500/);
  });
});

describe('whole pounds with a European thousands point (22.590) are never read as pence', () => {
  it('reads 22.590 as £22,590 where the file shows it is European (1.250.000, 589,63)', () => {
    const r = load('sap-european-whole-pounds.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.budgets.map((b) => b.budget)).toEqual([2259000, 125000000, 58963]);
  });
  it('refuses 22.590 where nothing in the file says which, naming the option; the option then reads it', () => {
    const text = 'Financial Year;Block;Budget line;Budget\n2023-24;High Needs;Top up funding;22.590\n';
    const r = importBytes(new TextEncoder().encode(text), 'b.csv');
    expect(r.data.budgets).toEqual([]);
    expect(r.errors[0]).toMatchObject({ row: 2, column: 'D (Budget)', value: '22.590' });
    expect(r.errors[0]!.message).toMatch(/whole pounds with a thousands point \(European, £22,590\) or pounds and pence \(UK\)/);
    expect(r.errors[0]!.accepted).toMatch(/number-format option/);
    expect(importBytes(new TextEncoder().encode(text), 'b.csv', { forms: { numberFormat: 'european' } }).data.budgets[0]!.budget).toBe(2259000);
    expect(importBytes(new TextEncoder().encode(text), 'b.csv', { forms: { numberFormat: 'uk' } }).data.budgets[0]!.budget).toBe(2259);
  });
  it('reads it as UK where the file is UK style (1,234.56 before it)', () => {
    const text = 'Financial Year,Block,Budget line,Budget\n2023-24,High Needs,Top up,"1,234.56"\n2023-24,High Needs,Outreach,22.590\n';
    const r = importBytes(new TextEncoder().encode(text), 'b.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.budgets.map((b) => b.budget)).toEqual([123456, 2259]);
  });
  it('refuses a file that mixes the forms, naming the row that set the form', () => {
    const text = 'Financial Year;Block;Budget line;Budget\n2023-24;High Needs;Top up;1.234,56\n2023-24;High Needs;Outreach;1,234.56\n';
    const r = importBytes(new TextEncoder().encode(text), 'b.csv');
    expect(r.errors[0]).toMatchObject({ row: 3, value: '1,234.56' });
    expect(r.errors[0]!.message).toMatch(/UK form.*European style/);
  });
});
