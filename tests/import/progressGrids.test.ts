/** The progress report's year-by-month grids (issue 14 point 5), laid out as the Torbay paper prints them. */
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import/importFile';
import { mergeDatasets } from '../../src/domain/merge';
import { compareGrids, gridYears } from '../../src/domain/progressGrids';
import { emptyDataset } from '../../src/model/dataset';

const HEADER = ',Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,Year Total';
const grid = (title: string, ...rows: string[]) => [title, '', HEADER, ...rows].join('\n');

describe('progress report grids: accepted forms', () => {
  it('reads plans issued under an empty first header cell, "-" months left out, from the title line', () => {
    // Torbay's April 2023 forum paper, "New EHCPs issued": 2022 adds up to 204, 2023 to 16 + 10 = 26.
    const r = importText(grid('New EHCPs issued', '2022,5,13,19,20,23,22,23,14,20,17,14,14,204', '2023,16,10,-,-,-,-,-,-,-,-,-,-,26'), 'issued.csv');
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('ehcpGrid');
    const figures = r.data.progressGrids!;
    expect(figures).toHaveLength(14);
    expect(figures.every((f) => f.measure === 'newPlans')).toBe(true);
    expect(figures.slice(-2)).toEqual([{ measure: 'newPlans', month: '2023-01', count: 16 }, { measure: 'newPlans', month: '2023-02', count: 10 }]);
    expect(figures.find((f) => f.month === '2022-12')).toEqual({ measure: 'newPlans', month: '2022-12', count: 14 });
    expect(r.data.ehcp).toEqual([]);
  });

  it.each([
    ["EHCPs 'made inactive' (ceased/moved away)", 'plansEnded'],
    ['Plans made inactive', 'plansEnded'],
    ['New plans issued by month', 'newPlans'],
  ])('title "%s" is %s', (title, measure) => {
    const r = importText(grid(title, '2023,37,15,-,-,-,-,-,-,-,-,-,-,52'), 'g.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.progressGrids!.map((f) => [f.measure, f.month, f.count])).toEqual([[measure, '2023-01', 37], [measure, '2023-02', 15]]);
  });

  it('reads a "Year" heading in the first column and full month names', () => {
    const r = importText(['New EHCPs issued', 'Year,January,February,March,April,May,June,July,August,September,October,November,December,Total', '2023,1,2,3,4,5,6,7,8,9,10,11,12,78'].join('\n'), 'g.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.progressGrids!.map((f) => f.count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('progress report grids: rejected forms', () => {
  const one = (title: string, row: string) => importText(grid(title, row), 'g.csv');

  it('a Year Total that disagrees with its months: an error naming the row and both figures', () => {
    const r = one('New EHCPs issued', '2023,16,10,-,-,-,-,-,-,-,-,-,-,27');
    expect(r.data.progressGrids ?? []).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 4, column: 'N (Year Total)', value: '27' });
    expect(r.errors[0]!.message).toContain('16 + 10 = 26');
  });

  it('a month that is neither a count nor "-"', () => {
    const r = one('New EHCPs issued', '2023,16,ten,-,-,-,-,-,-,-,-,-,-,26');
    expect(r.errors[0]).toMatchObject({ row: 4, column: 'C (Feb)', value: 'ten' });
  });

  it.each([['1899'], ['20233'], ['2023-13']])('a year out of range: %s', (year) => {
    const r = importText(grid('New EHCPs issued', '2022,1,-,-,-,-,-,-,-,-,-,-,-,1', `${year},16,10,-,-,-,-,-,-,-,-,-,-,26`), 'g.csv');
    expect(r.rowsRejected).toBe(1);
    expect(r.errors[0]).toMatchObject({ row: 5, column: 'A', value: year, message: 'not a calendar year' });
  });

  it('the same year twice', () => {
    const r = importText(grid('New EHCPs issued', '2023,1,-,-,-,-,-,-,-,-,-,-,-,1', '2023,2,-,-,-,-,-,-,-,-,-,-,-,2'), 'g.csv');
    expect(r.errors[0]).toMatchObject({ row: 5, message: expect.stringContaining('first in row 4') });
  });

  it('an empty Year Total', () => {
    expect(one('New EHCPs issued', '2023,1,-,-,-,-,-,-,-,-,-,-,-,').errors[0]).toMatchObject({ row: 4, message: 'the Year Total is empty' });
  });

  it.each([
    ['Requests for statutory assessment (RSA) received.', 'Requests'],
    ['Tribunals registered', 'Tribunals'],
    ['EHCPs ceasing in progress', 'ceasing in progress'],
  ])('a title line naming another measure: "%s"', (title, word) => {
    const r = one(title, '2023,30,34,-,-,-,-,-,-,-,-,-,-,64');
    expect(r.data.progressGrids ?? []).toEqual([]);
    expect(r.errors[0]).toMatchObject({ row: 1, value: title });
    expect(r.errors[0]!.message).toContain(`"${word}"`);
  });

  it('a month with two columns', () => {
    const r = importText(['New EHCPs issued', `${HEADER},Jan`, '2023,1,-,-,-,-,-,-,-,-,-,-,-,1,5'].join('\n'), 'g.csv');
    expect(r.errors[0]!.message).toBe('the month Jan has two columns (O (Jan) and another)');
  });

  it('no title line saying what the grid counts', () => {
    const r = importText([HEADER, '2023,1,-,-,-,-,-,-,-,-,-,-,-,1'].join('\n'), 'g.csv');
    expect(r.errors[0]!.message).toBe('no title line above the grid says what it counts');
    expect(r.data.progressGrids ?? []).toEqual([]);
  });
});

describe('merging a grid with the EHCP file', () => {
  it('keeps the EHCP file\'s months whole, and sets both figures and their difference side by side', () => {
    const ehcp = importText(['Month,EHCPs start of month,New plans issued,Ceased plans,Moved out,Made inactive/deceased,EHCPs out subtotal', '2023-01,1612,16,32,3,2,37', '2023-02,1593,10,11,4,0,15'].join('\n'), 'ehcp.csv');
    expect(ehcp.errors).toEqual([]);
    const g = importText(grid("EHCPs 'made inactive' (ceased/moved away)", '2023,37,14,-,-,-,-,-,-,-,-,-,-,51'), 'g.csv');
    const { data } = mergeDatasets([{ file: 'ehcp.csv', data: ehcp.data }, { file: 'g.csv', data: g.data }]);
    expect(data.ehcp[0]).toMatchObject({ month: '2023-01', plansAtStart: 1612, newPlans: 16, ceased: 32, plansEnded: 37 });
    // Feb: the grid says 14, the EHCP file 11 + 4 + 0 = 15.
    expect(compareGrids(data.progressGrids!, data.ehcp)).toEqual([
      { measure: 'plansEnded', month: '2023-01', grid: 37, ehcp: 37, difference: 0 },
      { measure: 'plansEnded', month: '2023-02', grid: 14, ehcp: 15, difference: -1 },
    ]);
    expect(gridYears(data.progressGrids!)).toEqual([{ measure: 'plansEnded', year: 2023, months: [37, 14, null, null, null, null, null, null, null, null, null, null], total: 51 }]);
    expect(mergeDatasets([{ file: 'x', data: emptyDataset() }]).data.progressGrids).toBeUndefined();
  });
});
