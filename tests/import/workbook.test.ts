/** A workbook's sheets through the import core: which sheet is read, how it is named, and its figures to the penny. */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Sheet } from '../../src/import/sources/spreadsheet';
import { describeSheets, importSheets, importWorkbook, sheetRows } from '../../src/import/workbook';

const header = ['financial_year', 'block', 'line', 'budget'];

function sheet(name: string, rows: string[][], extra: Partial<Sheet> = {}): Sheet {
  return { name, rows, firstRow: 1, hidden: false, ...extra };
}

const notes = sheet('Notes', [['Prepared by the finance team'], [], ['All figures in pounds']]);
const budget = sheet('Budget', [header, ['2022-23', 'High Needs', 'Top-up funding', '1234.56'], ['2022-23', 'Schools', 'Growth fund', '0.3']]);
const oldBudget = sheet('Old budget', [header, ['2022-23', 'High Needs', 'Top-up funding', '999']], { hidden: true });
const funding = sheet('Funding', [['financial_year', 'block', 'dsg_income'], ['2022-23', 'High Needs', '5259000']]);

describe('which sheet is read', () => {
  it('lists every sheet with its kind', () => {
    expect(describeSheets([notes, oldBudget, budget, sheet('Empty', [])])).toEqual([
      { name: 'Notes', hidden: false, empty: false },
      { name: 'Old budget', kind: 'budget', kindLabel: 'budget', hidden: true, empty: false },
      { name: 'Budget', kind: 'budget', kindLabel: 'budget', hidden: false, empty: false },
      { name: 'Empty', hidden: false, empty: true },
    ]);
  });

  it('takes the first visible sheet of a known kind, and says so', () => {
    const r = importSheets([notes, oldBudget, budget, funding], 'book.xlsx');
    expect(r.sheet).toBe('Budget');
    expect(r.file).toBe('book.xlsx');
    expect(r.kind).toBe('budget');
    expect(r.sheets?.map((s) => [s.name, s.kind ?? null])).toEqual([['Notes', null], ['Old budget', 'budget'], ['Budget', 'budget'], ['Funding', 'funding']]);
    expect(r.data.budgets.map((b) => [b.line, b.budget])).toEqual([['Top-up funding', 123456], ['Growth fund', 30]]);
    expect(r.errors).toEqual([]);
    expect(r.delimiter).toBeUndefined();
  });

  it('takes the sheet named, hidden or not', () => {
    expect(importSheets([notes, oldBudget, budget, funding], 'book.xlsx', { sheet: 'Funding' })).toMatchObject({ sheet: 'Funding', kind: 'funding' });
    const old = importSheets([notes, oldBudget, budget], 'book.xlsx', { sheet: 'Old budget' });
    expect(old.data.budgets.map((b) => b.budget)).toEqual([99900]);
  });

  it('with a kind chosen by hand, takes the first visible sheet with its columns', () => {
    expect(importSheets([notes, budget, funding], 'book.xlsx', { kind: 'funding' })).toMatchObject({ sheet: 'Funding', kind: 'funding' });
  });

  it('refuses a sheet name not in the workbook, naming those that are', () => {
    const r = importSheets([notes, oldBudget, budget], 'book.xlsx', { sheet: 'Budgets' });
    expect(r.errors).toEqual([{
      severity: 'error', file: 'book.xlsx', message: 'the workbook has no sheet named "Budgets"',
      accepted: 'one of its sheets: "Notes", "Old budget" (budget, hidden), "Budget" (budget)',
    }]);
    expect(r.data.budgets).toEqual([]);
  });

  it('with no sheet of a known kind, says so for the workbook and offers the first sheet’s columns for mapping by hand', () => {
    const table = sheet('Table 1', [['Code', 'Name', 'Value'], ['880', 'Torbay', '1']]);
    const r = importSheets([sheet('Cover', [['Title']]), table], 'book.xlsx');
    expect(r.kind).toBeUndefined();
    expect(r.sheet).toBe('Cover');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/^no sheet of the workbook has the columns of a known kind \(its sheets: "Cover", "Table 1"\); in sheet "Cover", the kind of file could not be recognised/);
  });
});

describe('row numbers and places are the sheet’s', () => {
  it('counts rows from the sheet’s row 1 when its cells start lower down, and names file and sheet in every problem', () => {
    const low = sheet('Budget 2022-23', [['DSG budget'], [], header, ['2022-23', 'High Needs', 'Top-up funding', '12x.50'], ['2022-23', 'Schools', 'Growth fund', '100']], { firstRow: 4 });
    expect(sheetRows(low)).toHaveLength(8);
    const r = importSheets([low], 'book.xlsx');
    expect(r.headerRow).toBe(6);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'book.xlsx, sheet "Budget 2022-23"', row: 7, column: 'D (budget)', value: '12x.50' });
    expect(r.data.budgets.map((b) => b.budget)).toEqual([10000]);
  });

  it('keeps a cell’s commas, quotes and line breaks in the cell (the line break read as a space, as in a CSV)', () => {
    const r = importSheets([sheet('B', [header, ['2022-23', 'Early Years', 'Early Years 2, 3 & 4 yr old "PVI" payments\nline two', '6089000']])], 'b.xlsx');
    expect(r.rowsImported).toBe(1);
    expect(r.data.budgets.map((b) => b.line)).toEqual(['Early Years 2, 3 & 4 yr old "PVI" payments line two']);
    expect(r.errors).toEqual([]);
  });
});

describe('importWorkbook', () => {
  it('reads the bytes, then the sheet; a file it cannot read is an error in the result', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([header, ['2022-23', 'High Needs', 'Top-up funding', 1234.56]]), 'Budget');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = await importWorkbook(bytes, 'b.xlsx');
    expect(r).toMatchObject({ sheet: 'Budget', kind: 'budget', rowsImported: 1, errorCount: 0 });
    expect(r.data.budgets[0]!.budget).toBe(123456);
    const bad = await importWorkbook(bytes.subarray(0, 100), 'b.xlsx');
    expect(bad.errors).toEqual([expect.objectContaining({ file: 'b.xlsx', message: expect.stringMatching(/damaged or incomplete/) })]);
    expect(bad.data.budgets).toEqual([]);
  });
});
