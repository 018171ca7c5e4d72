import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from '../../src/domain/csv';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['-136000.00', '-136000.00'],
    ['+5', '+5'],
    ['1.5E+06', '1.5E+06'],
    ['Early Years', 'Early Years'],
    ['', ''],
  ])('neutralises %j as %j', (input, output) => expect(neutraliseCell(input)).toBe(output));

  it('keeps numbers as numbers and reads back identically', () => {
    const rows = [
      ['Block', 'Variance', 'Commentary'],
      ['Early Years', '-136000.00', '=HYPERLINK("x")'],
      ['High Needs', 293717, 'Over, "quoted"\nacross lines'],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('\ufeff')).toBe(true);
    const back = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(back).toEqual([
      ['Block', 'Variance', 'Commentary'],
      ['Early Years', '-136000.00', `'=HYPERLINK("x")`],
      ['High Needs', '293717', 'Over, "quoted"\nacross lines'],
    ]);
  });
});
