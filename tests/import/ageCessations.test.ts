/** The progress report's cessations by age group (issue 14 point 5), as the Torbay paper prints it. */
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import/importFile';
import { agePeriod } from '../../src/import/sinks/ageCessations';
import { mergeDatasets } from '../../src/domain/merge';

const HEAD = 'AGE GROUPS (2022 / February 2023),Made Inactive,Ceasing in Prog Total';
const BODY = ['Age 0-4,0,0', 'Age 5-10,4,8', 'Age 11-15,5,24', 'Age 16-19,28,19', 'Age 20-25,15,3'];
const TOTAL = 'Total number of EHCPs by Age Group,52,54';
const table = (...lines: string[]) => lines.join('\n');

describe('cessations by age group: accepted forms', () => {
  it('reads the paper\'s table, its period from the heading, its total checked and not added in', () => {
    const r = importText(table(HEAD, ...BODY, TOTAL), 'ages.csv');
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('ageCessations');
    expect(r.skipped.map((s) => s.row)).toEqual([7]);
    expect(r.data.ageCessations).toEqual([
      { asAt: '2023-02', period: '2022 / February 2023', ageBand: 'under 5', madeInactive: 0, ceasingInProgress: 0 },
      { asAt: '2023-02', period: '2022 / February 2023', ageBand: '5 to 10', madeInactive: 4, ceasingInProgress: 8 },
      { asAt: '2023-02', period: '2022 / February 2023', ageBand: '11 to 15', madeInactive: 5, ceasingInProgress: 24 },
      { asAt: '2023-02', period: '2022 / February 2023', ageBand: '16 to 19', madeInactive: 28, ceasingInProgress: 19 },
      { asAt: '2023-02', period: '2022 / February 2023', ageBand: '20 to 25', madeInactive: 15, ceasingInProgress: 3 },
    ]);
  });

  it('takes the period from a title line when the heading has none', () => {
    const r = importText(table('Cessations by age group, as at March 2023', 'Age group,Made inactive,Ceasing in progress', ...BODY), 'ages.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.ageCessations![0]).toMatchObject({ asAt: '2023-03', period: 'Cessations by age group as at March 2023' });
  });

  it.each([
    ['AGE GROUPS (2022 / February 2023)', '2023-02'],
    ['Age groups (Sept 2023)', '2023-09'],
    ['April 2022 to March 2023', '2023-03'],
  ])('"%s" is as at %s', (text, asAt) => expect(agePeriod(text)?.asAt).toBe(asAt));
});

describe('cessations by age group: rejected forms', () => {
  it.each([
    ['Total number of EHCPs by Age Group,53,54', 'B (Made Inactive)', '53', 'the total made inactive is not the sum of the age groups (0 + 4 + 5 + 28 + 15 = 52)'],
    ['Total number of EHCPs by Age Group,52,50', 'C (Ceasing in Prog Total)', '50', 'the total ceasing in progress is not the sum of the age groups (0 + 8 + 24 + 19 + 3 = 54)'],
  ])('a total that disagrees: %s', (total, column, value, message) => {
    const r = importText(table(HEAD, ...BODY, total), 'ages.csv');
    expect(r.errors).toEqual([expect.objectContaining({ row: 7, column, value, message })]);
  });

  it('no period in the heading or the title lines', () => {
    const r = importText(table('Age group,Made inactive,Ceasing in progress', ...BODY), 'ages.csv');
    expect(r.errors).toEqual([expect.objectContaining({ row: 2, message: 'the table does not say which period it covers' })]);
  });

  it.each([
    ['Age 5-11,4,8', 'A (AGE GROUPS (2022 / February 2023))', 'Age 5-11', 'not an age group the progress report uses'],
    ['Age 5-10,four,8', 'B (Made Inactive)', 'four', 'not a whole number of plans or requests'],
    ['Age 5-10,,8', 'B (Made Inactive)', '', 'the number made inactive is empty (write 0 if there were none)'],
  ])('a bad row: %s', (row, column, value, message) => {
    const r = importText(table(HEAD, 'Age 0-4,0,0', row), 'ages.csv');
    expect(r.errors[0]).toMatchObject({ row: 3, column, value, message });
  });

  it('the same age group twice', () => {
    const r = importText(table(HEAD, 'Age 0-4,0,0', '0-4,1,1'), 'ages.csv');
    expect(r.errors[0]).toMatchObject({ row: 3, message: 'the age group appears twice (first in row 2)' });
  });
});

describe('merging', () => {
  it('a later table for the same period replaces it whole; another period is kept beside it', () => {
    const feb = importText(table(HEAD, ...BODY), 'feb.csv').data;
    const feb2 = importText(table(HEAD, 'Age 16-19,30,20'), 'feb2.csv').data;
    const mar = importText(table('AGE GROUPS (March 2023),Made Inactive,Ceasing in Prog Total', 'Age 16-19,31,18'), 'mar.csv').data;
    const { data, warnings } = mergeDatasets([{ file: 'feb.csv', data: feb }, { file: 'mar.csv', data: mar }, { file: 'feb2.csv', data: feb2 }]);
    expect(data.ageCessations!.map((a) => [a.asAt, a.ageBand, a.madeInactive])).toEqual([['2023-02', '16 to 19', 30], ['2023-03', '16 to 19', 31]]);
    expect(warnings).toEqual(['feb2.csv: the cessations by age group as at 2023-02 replace those loaded before']);
  });
});
