/**
 * importTable: rows already held as arrays (a spreadsheet's sheet) go through the same detection,
 * column and sink stages as CSV text, with the same figures, problems and row numbers.
 */
import { describe, expect, test } from 'vitest';
import { importTable, importText, type ImportResult } from '../../src/import/importFile';

/** The same rows as CSV text, a cell with a comma or quote in quotes. */
function asCsv(rows: string[][]): string {
  const cell = (v: string) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Everything but what only a CSV has. */
function comparable(r: ImportResult) {
  return { ...r, delimiter: undefined };
}

describe('importTable', () => {
  test('a budget sheet with title lines, a blank row, a totals row and a bad row reads as the same CSV does', () => {
    const rows = [
      ['Budget 2023-24', '', '', ''],
      ['', '', '', ''],
      ['Financial Year', 'Block', 'Budget Line', 'Budget'],
      ['2023-24', 'High Needs', 'Top up funding - mainstream', '1,250,000.00'],
      ['2023-24', 'High Needs', 'Independent special schools', '£980,000.5'],
      [],
      ['2023-24', 'Schools', 'Growth fund', 'lots'],
      ['2023-24', 'Early Years', 'Inclusion fund', '-1234.56'],
      ['Total', '', '', '2228766.06'],
    ];
    const table = importTable(rows, 'budget.xlsx');
    const csv = importText(asCsv(rows.map((r) => (r.length === 0 ? [''] : r))), 'budget.xlsx');
    expect(table.kind).toBe('budget');
    expect(table.headerRow).toBe(3);
    expect(table.delimiter).toBeUndefined();
    expect(table.data.budgets.map((b) => [b.line, b.budget])).toEqual([
      ['Top up funding - mainstream', 125_000_000],
      ['Independent special schools', 98_000_050],
      ['Inclusion fund', -123_456],
    ]);
    // Row numbers are the sheet's: the bad amount is on row 7.
    expect(table.errors.map((e) => [e.row, e.column, e.value])).toEqual([[7, 'D (Budget)', 'lots']]);
    expect(table.skipped.map((s) => s.row)).toEqual([6, 9]);
    expect(comparable(table)).toEqual(comparable(csv));
  });

  test('a ledger given as arrays adds up as the same CSV does', () => {
    const rows = [['Financial Year', 'Period', 'Block', 'Budget Heading', 'Reference', 'Amount']];
    for (let i = 0; i < 40; i++) rows.push(['2023-24', String((i % 3) + 1), 'High Needs', i % 2 ? 'Top up' : 'Alternative provision', `INV${i}`, `${i}.${i % 10}5`]);
    const table = importTable(rows, 'ledger.xlsx');
    expect(table.kind).toBe('ledger');
    expect(table.rowsImported).toBe(40);
    expect(comparable(table)).toEqual(comparable(importText(asCsv(rows), 'ledger.xlsx')));
  });

  test('a sheet of empty cells is an empty file', () => {
    const r = importTable([[], ['', ' ']], 'empty.xlsx');
    expect(r.errors.map((e) => e.message)).toEqual(['the file is empty']);
  });
});
