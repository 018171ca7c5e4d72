/**
 * LineMap finds a line as `lineId` keys it (year, block, name as lineKey compares it, cost
 * centre) without building that key: a table of the cases, and a property test against a Map
 * keyed by lineId.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineMap } from '../../src/domain/lineMap';
import { lineId } from '../../src/model/dataset';

const line = (fy: number, block: string, name: string, costCentre?: string) => ({ fy, block, line: name, ...(costCentre !== undefined ? { costCentre } : {}) });

describe('LineMap', () => {
  const m = new LineMap<string>();
  m.getOrSet(line(2024, 'High Needs', 'Top-up, spring term', 'HN100'), 'a');
  m.getOrSet(line(2024, 'High Needs', 'Top-up, spring term'), 'b');
  m.getOrSet(line(2023, 'High Needs', 'Top-up, spring term', 'HN100'), 'c');
  it.each([
    ['the same line', line(2024, 'High Needs', 'Top-up, spring term', 'HN100'), 'a'],
    ['the name written otherwise (case, spaces, dash)', line(2024, 'High Needs', '  TOP-UP,   spring  term ', 'HN100'), 'a'],
    ['no cost centre', line(2024, 'High Needs', 'top-up, spring term'), 'b'],
    ['an empty cost centre is none', line(2024, 'High Needs', 'Top-up, spring term', ''), 'b'],
    ['the cost centre in another year', line(2023, 'High Needs', 'Top-up, spring term', 'HN100'), 'c'],
    ['another block', line(2024, 'Schools', 'Top-up, spring term', 'HN100'), undefined],
    ['another cost centre', line(2024, 'High Needs', 'Top-up, spring term', 'HN101'), undefined],
    ['a cost centre in another case', line(2024, 'High Needs', 'Top-up, spring term', 'hn100'), undefined],
    ['another name on the cost centre', line(2024, 'High Needs', 'Top-up, summer term', 'HN100'), undefined],
    ['another year', line(2022, 'High Needs', 'Top-up, spring term'), undefined],
  ])('%s', (_, l, want) => {
    expect(m.get(l)).toBe(want);
    expect(m.find(l.fy, l.block, l.line, l.costCentre ?? '')).toBe(want);
  });

  it('getOrSet keeps the first value; delete forgets only that line', () => {
    const n = new LineMap<number>();
    expect(n.getOrSet(line(2024, 'Schools', 'Growth fund', 'SB1'), 1)).toBeUndefined();
    expect(n.getOrSet(line(2024, 'Schools', 'growth  fund', 'SB1'), 2)).toBe(1);
    n.addNew(2024, 'Schools', 'Falling rolls fund', 'SB1', 3);
    expect(n.get(line(2024, 'Schools', 'Growth fund', 'SB1'))).toBe(1);
    n.delete(line(2024, 'Schools', 'GROWTH FUND', 'SB1'));
    expect(n.get(line(2024, 'Schools', 'Growth fund', 'SB1'))).toBeUndefined();
    expect(n.get(line(2024, 'Schools', 'Falling rolls fund', 'SB1'))).toBe(3);
    n.addNew(2024, 'Schools', 'Falling rolls fund', '', 5);
    n.delete(line(2024, 'Schools', 'falling rolls fund'));
    expect(n.get(line(2024, 'Schools', 'Falling rolls fund'))).toBeUndefined();
    expect(n.get(line(2024, 'Schools', 'Falling rolls fund', 'SB1'))).toBe(3);
  });

  it('agrees with a Map keyed by lineId, whatever is set and asked', () => {
    const names = fc.constantFrom('Growth fund', 'growth  fund', 'GROWTH FUND', 'Top-up – spring', 'Top-up - spring', 'Admissions');
    const l = fc.record({ fy: fc.constantFrom(2023, 2024), block: fc.constantFrom('Schools', 'High Needs'), line: names, costCentre: fc.constantFrom(undefined, '', 'SB1', 'SB2', 'sb1') });
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('getOrSet', 'delete', 'get'), l), { maxLength: 40 }), (ops) => {
      const ours = new LineMap<number>();
      const theirs = new Map<string, number>();
      ops.forEach(([op, x], i) => {
        const id = lineId(x);
        if (op === 'getOrSet') {
          expect(ours.getOrSet(x, i)).toBe(theirs.get(id));
          if (!theirs.has(id)) theirs.set(id, i);
        } else if (op === 'delete') {
          ours.delete(x);
          theirs.delete(id);
        } else expect(ours.get(x)).toBe(theirs.get(id));
      });
    }));
  });
});
