/**
 * The speed paths of line identity and merging (issue 12): the quick lineKey for plain names is
 * the full folding's answer, and merging takes a part's lines without copying them yet never
 * changes a part's data when a later part adds to or replaces its figures.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyDataset, lineKey, type ActualLine, type Dataset } from '../../src/model/dataset';
import { mergeDatasets } from '../../src/domain/merge';
import type { Pence } from '../../src/model/money';

/** lineKey as it was written before its quick path: the rule itself. */
const folded = (name: string) =>
  name.toLowerCase().replace(/[‘’`´]/g, "'").replace(/[–—−]/g, '-').replace(/\s+/g, ' ').trim();

describe('lineKey', () => {
  it.each([
    ['Top-up, spring term', 'top-up, spring term'],
    ['  Top-up,  spring\tterm ', 'top-up, spring term'],
    ['St Mary`s', "st mary's"],
    ['St Mary’s – SEN', "st mary's - sen"],
    ['Growth fund ', 'growth fund'],
    [' Growth fund', 'growth fund'],
    ['', ''],
  ])('%j is keyed %j', (name, key) => {
    expect(lineKey(name)).toBe(key);
  });

  it('gives the full folding for any name', () => {
    const chars = fc.constantFrom('a', 'B', ' ', '  ', '\t', '\n', '`', '´', '‘', '’', '–', '—', '−', '-', "'", ',', 'É', '\u00a0', '1');
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((xs) => xs.join('')), (name) => lineKey(name) === folded(name)), { numRuns: 2000 });
  });
});

const periods = (xs: Record<number, number>): (Pence | null)[] => Array.from({ length: 12 }, (_, p) => (xs[p + 1] ?? null) as Pence | null);
const part = (actuals: ActualLine[]): Dataset => ({ ...emptyDataset(), actuals });

describe('mergeDatasets', () => {
  it('adds a later ledger into a line without changing the first part', () => {
    const first: ActualLine = { fy: 2024, block: 'High Needs', line: 'Top-up', actuals: periods({ 1: 100 }), forecasts: periods({}) };
    const second: ActualLine = { fy: 2024, block: 'High Needs', line: 'top-up', actuals: periods({ 1: 50, 2: 7 }), forecasts: periods({ 2: 900 }) };
    const before = structuredClone(first);
    const { data } = mergeDatasets([
      { file: 'a.csv', additive: true, data: part([first]) },
      { file: 'b.csv', additive: true, data: part([second]) },
    ]);
    expect(data.actuals).toHaveLength(1);
    expect(data.actuals[0]!.actuals.slice(0, 3)).toEqual([150, 7, null]);
    expect(data.actuals[0]!.forecasts[1]).toBe(900);
    expect(first).toEqual(before);
    expect(data.actuals[0]).not.toBe(first);
  });

  it('replaces a period from a later file without changing the earlier file or a third', () => {
    const a: ActualLine = { fy: 2024, block: 'Schools', line: 'Growth fund', actuals: periods({ 3: 10 }), forecasts: periods({}) };
    const b: ActualLine = { fy: 2024, block: 'Schools', line: 'Growth fund', actuals: periods({ 3: 20 }), forecasts: periods({}), commentary: 'late' };
    const c: ActualLine = { fy: 2024, block: 'Schools', line: 'Growth fund', actuals: periods({ 4: 5 }), forecasts: periods({}) };
    const copies = [a, b, c].map((x) => structuredClone(x));
    const { data, warnings } = mergeDatasets([
      { file: 'a.csv', data: part([a]) },
      { file: 'b.csv', data: part([b]) },
      { file: 'c.csv', data: part([c]) },
    ]);
    expect(data.actuals[0]!.actuals.slice(2, 4)).toEqual([20, 5]);
    expect(data.actuals[0]!.commentary).toBe('late');
    expect(warnings).toEqual(['b.csv: actuals for "Growth fund" (2024-25, P3) replace those loaded before']);
    expect([a, b, c]).toEqual(copies);
  });

  it('takes a line given once as it is', () => {
    const a: ActualLine = { fy: 2024, block: 'Schools', line: 'Growth fund', actuals: periods({ 3: 10 }), forecasts: periods({}) };
    expect(mergeDatasets([{ file: 'a.csv', data: part([a]) }]).data.actuals[0]).toEqual(a);
  });
});
