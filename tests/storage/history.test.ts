/** Rebuilding the data from the import history; what a re-upload changes; undo restores. */
import { describe, expect, it } from 'vitest';
import { emptyDataset, type Dataset } from '../../src/model/dataset';
import type { Pence } from '../../src/model/money';
import type { ImportRecord } from '../../src/model/history';
import { actualChanges, buildDataset, leftOutRows } from '../../src/store/history';

const p = (n: number) => n as Pence;
const months = (values: Record<number, number>) => Array.from({ length: 12 }, (_, i) => (values[i + 1] !== undefined ? p(values[i + 1]!) : null));

function actuals(file: string, id: number, values: Record<number, number>, extra: Partial<ImportRecord> = {}): ImportRecord {
  const data: Dataset = { ...emptyDataset(), actuals: [{ fy: 2022, block: 'High Needs', line: 'Top up', actuals: months(values), forecasts: Array(12).fill(null) }] };
  return {
    id, time: '', file, size: 0, sha256: '', kind: 'actuals', kindLabel: '', rowsRead: 1, rowsImported: 1, rowsRejected: 0, rowsSkipped: 0,
    warningCount: 0, leftOutRows: [], replaced: [], additive: false, data, ...extra,
  };
}

const example = () => ({ ...emptyDataset(), funding: [{ fy: 2022, block: 'Schools' as const, income: p(1) }] });

describe('the data rebuilt from the history', () => {
  it('is the example until the first import, then the imports merged in order', () => {
    expect(buildDataset('example', [], example)).toEqual(example());
    expect(buildDataset('user', [], example)).toEqual(emptyDataset());
    const first = actuals('p1-2.csv', 1, { 1: 100, 2: 200 });
    const second = actuals('p2-again.csv', 2, { 2: 250 });
    expect(buildDataset('user', [first, second], example).actuals[0]!.actuals).toEqual(months({ 1: 100, 2: 250 }));
  });

  it('restores what an import replaced when it is undone', () => {
    const first = actuals('p1-2.csv', 1, { 1: 100, 2: 200 });
    const second = actuals('p2-again.csv', 2, { 2: 250 }, { undoneAt: '2026-01-01' });
    expect(buildDataset('user', [first, second], example).actuals[0]!.actuals).toEqual(months({ 1: 100, 2: 200 }));
  });

  it('a ledger that replaces its periods drops what earlier ledgers held for them, in its blocks only; undo brings it back', () => {
    const a = actuals('ledger-ytd-p3.csv', 1, { 1: 10, 2: 20, 3: 30 }, { additive: true, kind: 'ledger' });
    const schools: ImportRecord = {
      ...actuals('schools-ledger.csv', 2, { 1: 7 }, { additive: true, kind: 'ledger' }),
      data: { ...emptyDataset(), actuals: [{ fy: 2022, block: 'Schools', line: 'ISB', actuals: months({ 1: 7 }), forecasts: Array(12).fill(null) }] },
    };
    // The P1 to P4 re-upload no longer has a line the first had for P2 ("Moved"), and changes P3.
    const moved: ImportRecord = { ...a, data: { ...a.data, actuals: [...a.data.actuals, { fy: 2022, block: 'High Needs', line: 'Moved', actuals: months({ 2: 99 }), forecasts: Array(12).fill(null) }] } };
    const b = actuals('ledger-ytd-p4.csv', 3, { 1: 10, 2: 20, 3: 35, 4: 40 }, {
      additive: false, kind: 'ledger', replaces: [1, 2, 3, 4].map((period) => ({ fy: 2022, period, block: 'High Needs' })),
    });
    const data = buildDataset('user', [moved, schools, b], example);
    const line = (name: string) => data.actuals.find((x) => x.line === name)!.actuals;
    expect(line('Top up')).toEqual(months({ 1: 10, 2: 20, 3: 35, 4: 40 }));
    expect(line('Moved')).toEqual(months({}));
    expect(line('ISB')).toEqual(months({ 1: 7 }));
    const undone = buildDataset('user', [moved, schools, { ...b, undoneAt: '2026-01-01' }], example);
    expect(undone.actuals.find((x) => x.line === 'Moved')!.actuals).toEqual(months({ 2: 99 }));
    expect(actualChanges(buildDataset('user', [moved, schools], example), data).map((c) => [c.line, c.period, c.old, c.new])).toEqual([
      ['Moved', 2, 99, null], ['Top up', 3, 30, 35],
    ]);
  });

  it('adds ledgers up', () => {
    const a = actuals('ledger-a.csv', 1, { 3: 10 }, { additive: true, kind: 'ledger' });
    const b = actuals('ledger-b.csv', 2, { 3: 5 }, { additive: true, kind: 'ledger' });
    expect(buildDataset('user', [a, b], example).actuals[0]!.actuals[2]).toBe(15);
  });
});

describe('what a re-upload changes', () => {
  it('lists each held figure that changes, with old and new, and not the periods added', () => {
    const before = buildDataset('user', [actuals('a.csv', 1, { 1: 100, 2: 200 })], example);
    const after = buildDataset('user', [actuals('a.csv', 1, { 1: 100, 2: 200 }), actuals('b.csv', 2, { 1: 100, 2: 250, 3: 300 })], example);
    expect(actualChanges(before, after)).toEqual([{ fy: 2022, block: 'High Needs', line: 'Top up', period: 2, old: 200, new: 250 }]);
  });

  it('lists the rows an import leaves out, once each, in order', () => {
    expect(leftOutRows([{ row: 9 }, { row: 3 }, { row: 9 }, {}])).toEqual([3, 9]);
  });
});
