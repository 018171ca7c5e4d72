/** The progress report's tribunals and mediations by calendar year (issue 14 point 5), as the Torbay paper prints them. */
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import/importFile';
import { mergeDatasets } from '../../src/domain/merge';
import { checkDatasetShape } from '../../src/storage/workspaceFile';
import { emptyDataset } from '../../src/model/dataset';

const HEAD = 'Registered cases by calendar year,2018,2019,2020,2021,2022,2023';
const table = (...lines: string[]) => ['Tribunals and Appeals', HEAD, ...lines].join('\n');

describe('tribunals and mediations: accepted forms', () => {
  it('reads the paper\'s table, a count per type and year', () => {
    const r = importText(table('Tribunals,6,9,7,9,17,4', 'Mediations,2,0,6,2,19,3'), 'cases.csv');
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('tribunals');
    expect(r.data.cases!.filter((c) => c.year === 2022)).toEqual([{ caseType: 'mediations', year: 2022, count: 19 }, { caseType: 'tribunals', year: 2022, count: 17 }]);
    expect(r.data.cases).toHaveLength(12);
  });

  it('a year left "-" or empty is not given; "SEND Tribunal appeals" are tribunals', () => {
    const r = importText(table('SEND Tribunal appeals,6,9,7,9,17,-', 'Mediations,2,0,6,2,19,'), 'cases.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.cases!.some((c) => c.year === 2023)).toBe(false);
    expect(r.data.cases!.filter((c) => c.caseType === 'tribunals')).toHaveLength(5);
  });
});

describe('tribunals and mediations: rejected forms', () => {
  it.each([
    ['Tribunals,6,9,7,nine,17,4', 3, 'E (2021)', 'nine', 'not a whole number of plans or requests'],
    ['Mediations,2,0,6,2,19,3\nMediations,1,1,1,1,1,1', 4, 'A (Registered cases by calendar year)', 'Mediations', 'mediations appear twice (first in row 3)'],
  ])('%s', (rows, row, column, value, message) => {
    const r = importText(table(...rows.split('\n')), 'cases.csv');
    expect(r.errors[0]).toMatchObject({ row, column, value, message });
  });

  it('a row that is neither', () => {
    const r = importText(table('Tribunals,6,9,7,9,17,4', 'Complaints,1,1,1,1,1,1'), 'cases.csv');
    expect(r.errors[0]).toMatchObject({ row: 4, value: 'Complaints', message: 'neither tribunals nor mediations' });
  });

  it('a year with two columns', () => {
    const r = importText(['Registered cases,2022,2022', 'Tribunals,1,2'].join('\n'), 'cases.csv');
    expect(r.errors[0]!.message).toBe('the year 2022 has two columns (C (2022) and another)');
  });
});

describe('merging and the workspace file', () => {
  it('a later figure for the same type and year replaces the earlier, with a warning', () => {
    const a = importText(table('Tribunals,6,9,7,9,17,4'), 'a.csv').data;
    const b = importText(['Registered cases by calendar year,2023', 'Tribunals,5'].join('\n'), 'b.csv').data;
    const { data, warnings } = mergeDatasets([{ file: 'a.csv', data: a }, { file: 'b.csv', data: b }]);
    expect(data.cases!.find((c) => c.year === 2023)).toEqual({ caseType: 'tribunals', year: 2023, count: 5 });
    expect(warnings).toEqual(['b.csv: tribunals in 2023 (5) replace the 4 loaded before']);
  });

  it('refuses a bad type, year or count', () => {
    expect(checkDatasetShape({ ...emptyDataset(), cases: [{ caseType: 'appeals', year: 1999, count: 1.5 }] }, 'data')).toEqual([
      'data.cases[0].caseType: "appeals" is not one of tribunals, mediations',
      'data.cases[0].year: 1999 is not a calendar year from 2000 to 2099',
      'data.cases[0].count: 1.5 is not a whole number of 0 or more',
    ]);
  });
});
