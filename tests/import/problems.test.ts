import { describe, expect, it, test } from 'vitest';
import { columnLetter, columnName, formatProblem, listRows } from '../../src/import/problems';

describe('spreadsheet column letters', () => {
  test.each([
    [0, 'A'],
    [2, 'C'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  it('names a column by letter and header', () => {
    expect(columnName(['Year', ' block ', ''], 1)).toBe('B (block)');
    expect(columnName(['Year', 'Block', ''], 2)).toBe('C');
    expect(columnName(['Year'], 5)).toBe('F');
  });
});

describe('formatProblem', () => {
  it('names the file, row, column, value and what is accepted', () => {
    expect(
      formatProblem({
        severity: 'error', file: 'budget.csv', row: 7, column: 'C (block)', value: 'Higher Needs',
        message: 'not one of the four DSG blocks', accepted: 'Schools, Central School Services, High Needs or Early Years',
      }),
    ).toBe(
      'Error: budget.csv, row 7, column C (block): value "Higher Needs": not one of the four DSG blocks. Accepted: Schools, Central School Services, High Needs or Early Years.',
    );
  });

  it('shows an empty value as ""', () => {
    expect(formatProblem({ severity: 'error', file: 'b.csv', row: 2, column: 'D (budget)', value: '', message: 'the budget is empty' })).toBe(
      'Error: b.csv, row 2, column D (budget): value "": the budget is empty.',
    );
  });

  it('formats a file-level warning', () => {
    expect(formatProblem({ severity: 'warning', file: 'f.csv', message: 'rounded' })).toBe('Warning: f.csv: rounded.');
  });
});

describe('listRows', () => {
  test.each([
    [[4], 'row 4'],
    [[3, 5, 9], 'rows 3, 5, 9'],
    [Array.from({ length: 25 }, (_, i) => i + 2), `rows ${Array.from({ length: 20 }, (_, i) => i + 2).join(', ')} and 5 more`],
  ])('%o → %s', (rows, text) => {
    expect(listRows(rows)).toBe(text);
  });
});
