/** The map the browser reads files with (hand > file > budget), and the ledger re-upload helpers. */
import { describe, expect, it } from 'vitest';
import { emptyDataset, type Dataset } from '../../src/model/dataset';
import type { Pence } from '../../src/model/money';
import type { MapEntry } from '../../src/model/costCentreMap';
import type { ImportRecord } from '../../src/model/history';
import { activeMapEntries, editedHandEntries, fileEntries, handEntries } from '../../src/store/costCentres';
import { actualsTotal, describePeriods, heldPeriods, periodsOf } from '../../src/store/ledgerReupload';

const p = (n: number) => n as Pence;
const rec = (id: number, kind: ImportRecord['kind'], costCentreMap?: MapEntry[], extra: Partial<ImportRecord> = {}): ImportRecord => ({
  id, time: '', file: `f${id}`, size: 0, sha256: '', kind, kindLabel: '', rowsRead: 0, rowsImported: 0, rowsRejected: 0, rowsSkipped: 0,
  warningCount: 0, leftOutRows: [], replaced: [], additive: false, data: emptyDataset(), ...(costCentreMap ? { costCentreMap } : {}), ...extra,
});
const spend = (code: string, line: string, source: MapEntry['source']): MapEntry => ({ code, treatment: 'spend', block: 'High Needs', line, source });

describe('the map in force', () => {
  const budget: Dataset = { ...emptyDataset(), budgets: [{ fy: 2023, block: 'High Needs', line: 'Top-up', costCentre: 'HN1', budget: p(1) }, { fy: 2023, block: 'High Needs', line: 'Independent', costCentre: 'HN2', budget: p(1) }] };
  const imports = [
    rec(1, 'manual-costcentres', [spend('HN1', 'By hand, first', 'hand')]),
    rec(2, 'budget'),
    rec(3, 'manual-costcentres', [spend('HN1', 'By hand', 'hand'), spend('HN3', 'Alternative provision', 'hand')]),
    rec(4, 'actuals', [spend('HN2', 'From file A', 'file'), spend('HN1', 'From file', 'file')]),
    rec(5, 'actuals', [spend('HN2', 'From file B', 'file')]),
    rec(6, 'manual-costcentres', [], { undoneAt: '2026-01-01' }),
  ];
  it('takes the latest hand record not undone, later map files over earlier, and hand > file > budget', () => {
    expect(handEntries(imports).map((e) => e.line)).toEqual(['By hand', 'Alternative provision']);
    expect(fileEntries(imports).map((e) => [e.code, e.line])).toEqual([['HN2', 'From file B'], ['HN1', 'From file']]);
    const active = Object.fromEntries(activeMapEntries(imports, budget).map((e) => [e.code, `${e.source}: ${e.line}`]));
    expect(active).toEqual({ HN1: 'hand: By hand', HN3: 'hand: Alternative provision', HN2: 'file: From file B' });
    expect(activeMapEntries([], budget).map((e) => `${e.code} ${e.source}`)).toEqual(['HN1 budget', 'HN2 budget']);
  });
  it('edits the hand mappings by code: change, add, remove', () => {
    const next = editedHandEntries(handEntries(imports), [
      { code: 'HN1', entry: null },
      { code: 'HN9', entry: { code: 'HN9', treatment: 'exclude', source: 'hand' } },
      { code: 'HN3', entry: spend('HN3', 'Top-up', 'hand') },
    ]);
    expect(next.map((e) => `${e.code} ${e.line ?? e.treatment}`)).toEqual(['HN3 Top-up', 'HN9 exclude']);
  });
});

describe('a ledger re-upload', () => {
  const months = (v: Record<number, number>) => Array.from({ length: 12 }, (_, i) => (v[i + 1] !== undefined ? p(v[i + 1]!) : null));
  const held: Dataset = { ...emptyDataset(), actuals: [{ fy: 2023, block: 'High Needs', line: 'Top-up', actuals: months({ 1: 100, 2: 200, 3: 300 }), forecasts: months({}) }] };
  const again: Dataset = { ...emptyDataset(), actuals: [
    { fy: 2023, block: 'High Needs', line: 'Top-up', actuals: months({ 2: 250, 3: 300, 4: 4 }), forecasts: months({}) },
    { fy: 2023, block: 'Schools', line: 'ISB', actuals: months({ 2: -1_00 }), forecasts: months({}) },
  ] };
  it('finds the periods already held, by block, and names them', () => {
    expect(heldPeriods(held, periodsOf(again))).toEqual([{ fy: 2023, period: 2, block: 'High Needs' }, { fy: 2023, period: 3, block: 'High Needs' }]);
    expect(describePeriods([1, 2, 3, 5, 7, 8].map((period) => ({ fy: 2023, period })))).toBe('P1 to P3, P5, P7 to P8 of 2023-24');
    expect(describePeriods([{ fy: 2024, period: 1 }, { fy: 2023, period: 12 }])).toBe('P12 of 2023-24; P1 of 2024-25');
  });
  it('totals what a second import would double, exactly', () => {
    expect(actualsTotal(again)).toBe(250 + 300 + 4 - 100);
  });
});
