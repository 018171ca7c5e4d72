/** Rebuilding the data from the import history; what a re-upload changes; undo restores. */
import { describe, expect, it } from 'vitest';
import { emptyDataset, type Dataset } from '../../src/domain/dataset';
import type { Pence } from '../../src/domain/money';
import type { ImportRecord } from '../../src/storage/schema';
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
