/**
 * Ledgers without block or line columns, their blocks and lines from a cost-centre map: an
 * Oracle-style account analysis (the accounting flexfield `10.HN3002.5610.0000` in one "Account"
 * column, period names such as APR-23, title lines above the header) and a Unit4-style
 * transaction listing (a cost-centre column, an account column, each with its "(T)" text
 * column, voucher numbers and transaction dates). The samples are written from the systems'
 * published column lists; the figures below are worked out by hand from them, to the penny.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesFromBudget, mergeEntries } from '../../src/import/costCentreMap';
import type { MapEntry } from '../../src/model/costCentreMap';
import { importBytes, type ImportResult } from '../../src/import/importFile';
import { ROOT } from '../helpers';

const DIR = join(ROOT, 'tests/fixtures/costcentre');
const read = (name: string, costCentreMap?: readonly MapEntry[]): ImportResult =>
  importBytes(new Uint8Array(readFileSync(join(DIR, name))), name, costCentreMap ? { costCentreMap } : {});

/** The map in force: the budget's cost centres, the map file's entries over them, hand mappings over both. */
function mapFrom(budgetFile: string, mapFile: string, hand: MapEntry[] = []): MapEntry[] {
  const budget = read(budgetFile);
  expect(budget.errors).toEqual([]);
  const file = read(mapFile);
  expect(file.kind).toBe('costCentreMap');
  expect(file.errors).toEqual([]);
  return mergeEntries({ hand, file: file.costCentreMap!, budget: entriesFromBudget(budget.data.budgets).entries }).entries;
}

/** Each line's actuals by period as "P1 125000.00" strings, so the expectations read as the hand working does. */
function lines(r: ImportResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of r.data.actuals) {
    const key = `${a.block} / ${a.line}${a.costCentre ? ` [${a.costCentre}]` : ''}`;
    out[key] = a.actuals.flatMap((v, i) => (v === null ? [] : [`P${i + 1} ${(v / 100).toFixed(2)}`]));
  }
  return out;
}

describe('an Oracle-style account analysis: account strings, no block or line columns', () => {
  it('maps by the cost-centre segment, excludes the grant income account, and lists the unmapped cost centre with its total', () => {
    const r = read('oracle-account-analysis.csv', mapFrom('budget-cost-centres.csv', 'map-oracle.csv'));
    expect(r.kind).toBe('ledger');
    expect(r.headerRow).toBe(4);
    expect(r.columns.map((c) => c.field)).toEqual(expect.arrayContaining(['account', 'period', 'actual']));
    expect(r.columns.map((c) => c.field)).not.toContain('budget line');
    // By hand: HN3002 125,000.00 (P1) and -2,500.25 (P2); HN3010 88,500.50 (P1); SC1001 5,400,000.00 (P3);
    // EY2001 612,345.67 + EY2002 1,000.01 = 613,345.68 (P3, through the prefix EY20*); HN3020 33,333.33 (P3).
    expect(lines(r)).toEqual({
      'High Needs / Top-up funding - mainstream [HN3002]': ['P1 125000.00', 'P2 -2500.25'],
      'High Needs / Independent special schools [HN3010]': ['P1 88500.50'],
      'Schools / Individual schools budget [SC1001]': ['P3 5400000.00'],
      'Early Years / 3 and 4 year old funding': ['P3 613345.68'],
      'High Needs / Alternative provision [HN3020]': ['P3 33333.33'],
    });
    // 10.HN3002.9100.0000: HN3002 is a budget cost centre, but 9100 is excluded in the map file, and an exclusion wins.
    expect(r.costCentres).toMatchObject({
      mappedRows: 7, excludedRows: 1, excludedTotal: -300000000,
      unmapped: [{ code: '10.HN3099.5610.0000', rows: [8], rowCount: 1, total: 1500000 }], unmappedRows: 1, unmappedTotal: 1500000,
    });
    expect(r.rowsImported).toBe(7);
    expect(r.rowsRejected).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      file: 'oracle-account-analysis.csv', row: 8, column: 'F (Account)', value: '10.HN3099.5610.0000',
      message: expect.stringContaining('"10.HN3099.5610.0000" is not in the cost-centre map'),
    });
    expect(r.errors[0]!.message).toContain('the code is on 1 row, totalling 15000.00');
    expect(r.warnings.map((w) => w.message).join('\n')).toContain('rows totalling 15000.00 are left out');
  });

  it('takes the cost centre mapped by hand (its segment, into a new line) and then has no error', () => {
    const hand: MapEntry[] = [{ code: 'HN3099', treatment: 'spend', block: 'High Needs', line: 'Hospital education', source: 'hand' }];
    const r = read('oracle-account-analysis.csv', mapFrom('budget-cost-centres.csv', 'map-oracle.csv', hand));
    expect(r.errors).toEqual([]);
    expect(lines(r)['High Needs / Hospital education']).toEqual(['P2 15000.00']);
    // 6,257,679.26 mapped before, plus 15,000.00.
    const total = r.data.actuals.flatMap((a) => a.actuals).reduce<number>((s, v) => s + (v ?? 0), 0);
    expect(total).toBe(627267926);
  });

  it('without a map, every code is an error with its total: nothing is dropped silently', () => {
    const r = read('oracle-account-analysis.csv');
    expect(r.kind).toBe('ledger');
    expect(r.rowsImported).toBe(0);
    expect(r.costCentres!.unmappedRows).toBe(9);
    expect(r.costCentres!.unmappedTotal).toBe(12500000 + 8850050 - 250025 + 1500000 + 540000000 - 300000000 + 61234567 + 100001 + 3333333);
    expect(r.errorCount).toBe(9);
  });
});

describe('a Unit4-style transaction listing: cost-centre and account columns, no block', () => {
  it('maps cost centres exactly, by prefix and by a combination with the account; excludes the grant income', () => {
    const r = read('unit4-gl-transactions.csv', mapFrom('budget-unit4.csv', 'map-unit4.csv'));
    expect(r.kind).toBe('ledger');
    // By hand: H302 45,000.00 (P1), 45,000.00 - 1,000.01 = 43,999.99 (P2); H310 30,250.10 (P1);
    // E201 12,000.50 + E202 999.49 = 12,999.99 (P2, prefix E2*); H399 7,500.00 (P2, the map file).
    expect(lines(r)).toEqual({
      'High Needs / Top-up funding - mainstream [H302]': ['P1 45000.00', 'P2 43999.99'],
      'High Needs / Independent special schools [H310]': ['P1 30250.10'],
      'Early Years / 2 year old funding': ['P2 12999.99'],
      'High Needs / Hospital education': ['P2 7500.00'],
    });
    // H302 with account 9100 (DSG grant) is excluded by the map file's combination row.
    expect(r.costCentres).toMatchObject({
      excludedRows: 1, excludedTotal: -50000000, excluded: [{ code: 'H302 + 9100', rows: [5], total: -50000000 }],
      unmapped: [{ code: 'X999', rows: [10], rowCount: 1, total: 25000 }],
    });
    expect(r.errors).toEqual([expect.objectContaining({ row: 10, column: 'E (Cost centre)', value: 'X999' })]);
    expect(r.rowsImported).toBe(7);
  });
});

describe('income, ambiguity and rows without a code', () => {
  const map: MapEntry[] = [
    { code: 'HN3002', treatment: 'spend', block: 'High Needs', line: 'Top-up', source: 'file' },
    { code: '8200', treatment: 'income', block: 'High Needs', line: 'Top-up', source: 'file' },
    { code: '5610', treatment: 'spend', block: 'Schools', line: 'ISB', source: 'file' },
  ];
  const text = [
    'Journal,Period,Account,Amount',
    'J1,APR-23,10.HN3002.5700.0000,1000.00', // spend on Top-up
    'J2,APR-23,10.HN9000.8200.0000,-250.50', // income netted against Top-up
    'J3,APR-23,10.HN3002.5610.0000,99.99', // HN3002 and 5610 name two lines: ambiguous
    'J4,APR-23,,5.00', // no account at all
  ].join('\n');
  const r = importBytes(new TextEncoder().encode(text), 'small-ledger.csv', { costCentreMap: map });
  it('nets income against its line, counted apart', () => {
    expect(lines(r)).toEqual({ 'High Needs / Top-up': ['P1 749.50'] });
    expect(r.costCentres).toMatchObject({ mappedRows: 2, incomeRows: 1, incomeTotal: -25050 });
  });
  it('rejects an ambiguous string with its reason; a row with only a period and a sum is a subtotal, skipped with a note as in any ledger', () => {
    expect(r.errors.map((e) => [e.row, e.value, e.message])).toEqual([
      [4, '10.HN3002.5610.0000', 'the cost-centre map gives two budget lines for it: HN3002 → High Needs / Top-up; 5610 → Schools / ISB'],
    ]);
    expect(r.rowsRejected).toBe(1);
    expect(r.skipped).toEqual([{ row: 5, reason: 'a subtotal row (a label, "J4", and only sums): not added in' }]);
  });
});

describe('a cost centre map file', () => {
  it('reads codes, prefixes, combinations and treatments', () => {
    const r = read('map-unit4.csv');
    expect(r.kind).toBe('costCentreMap');
    expect(r.costCentreMap).toEqual([
      { code: 'H302', account: '9100', treatment: 'exclude', source: 'file' },
      { code: 'E2*', treatment: 'spend', block: 'Early Years', line: '2 year old funding', source: 'file' },
      { code: 'H399', treatment: 'spend', block: 'High Needs', line: 'Hospital education', source: 'file' },
    ]);
  });

  it('names each bad row, and a code given two lines', () => {
    const text = 'Cost centre,Block,Budget line,Treatment\nH1,High Needs,Top-up,\nH1,Schools,ISB,\nH*2,High Needs,x,\nH3,Adult care,x,\nH4,,,move\n';
    const r = importBytes(new TextEncoder().encode(text), 'bad-map.csv');
    expect(r.kind).toBe('costCentreMap');
    expect(r.errors.map((e) => [e.row, e.column, e.message.slice(0, 40)])).toEqual([
      [3, 'A (Cost centre)', 'the map gives H1 twice with different ta'],
      [4, 'A (Cost centre)', 'not a code (a * may only end a prefix)'],
      [5, 'B (Block)', 'not one of the four DSG blocks'],
      [6, 'D (Treatment)', 'not a treatment'],
    ]);
  });

  it('is never taken for a budget: a file with money in it is not a map', () => {
    const r = importBytes(new TextEncoder().encode('Cost centre,Block,Budget line,Budget\nH1,High Needs,Top-up,100\n'), 'budget-no-year.csv');
    expect(r.kind).toBeUndefined();
  });
});
