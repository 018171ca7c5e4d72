/** The progress report's grids in a workspace file (and so a snapshot): kept as written, checked whole. */
import { describe, expect, it } from 'vitest';
import { readWorkspaceFile, toWorkspaceFile, checkDatasetShape } from '../../src/storage/workspaceFile';
import type { ImportRecord } from '../../src/model/history';
import { importText } from '../../src/import/importFile';
import { emptyDataset } from '../../src/model/dataset';

const state = { source: 'user' as const, settings: { tolerance: '0.02' } };
const GRID = 'New EHCPs issued\n,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,Year Total\n2023,16,10,-,-,-,-,-,-,-,-,-,-,26\n';

function gridRecord(): ImportRecord {
  const r = importText(GRID, 'issued.csv');
  expect(r.errors).toEqual([]);
  return {
    id: 1, time: '2026-01-01T00:00:00.000Z', file: 'issued.csv', size: GRID.length, sha256: 'ab'.repeat(32), kind: r.kind!, kindLabel: r.kindLabel!,
    rowsRead: r.rowsRead, rowsImported: r.rowsImported, rowsRejected: r.rowsRejected, rowsSkipped: r.skipped.length,
    warningCount: r.warnings.length, leftOutRows: [], replaced: [], additive: false, data: r.data, rowsExcluded: 0,
  };
}

describe('progress report grids in the workspace file', () => {
  it('reads back exactly what it wrote', () => {
    const file = toWorkspaceFile({ state, imports: [gridRecord()], mappings: [] }, new Date('2026-02-03T04:05:06Z'));
    const read = readWorkspaceFile(JSON.stringify(file));
    expect(read).toEqual({ ok: true, value: file, notes: [] });
    expect((read as { value: typeof file }).value.imports[0]!.data.progressGrids).toEqual([
      { measure: 'newPlans', month: '2023-01', count: 16 },
      { measure: 'newPlans', month: '2023-02', count: 10 },
    ]);
  });

  it('refuses a figure of an unknown measure, a month out of range or a count that is not whole', () => {
    const rec = gridRecord();
    (rec.data as unknown as Record<string, unknown>).progressGrids = [
      { measure: 'tribunals', month: '2023-01', count: 1 },
      { measure: 'newPlans', month: '2023-13', count: 1 },
      { measure: 'plansEnded', month: '2023-01', count: 1.5 },
      'sixteen',
    ];
    const read = readWorkspaceFile(JSON.stringify(toWorkspaceFile({ state, imports: [rec], mappings: [] })));
    expect(read.ok).toBe(false);
    expect((read as { errors: string[] }).errors).toEqual([
      'imports[0].data.progressGrids[0].measure: "tribunals" is not one of newPlans, plansEnded',
      'imports[0].data.progressGrids[1].month: "2023-13" is not a month such as "2023-01"',
      'imports[0].data.progressGrids[2].count: 1.5 is not a whole number of 0 or more',
      'imports[0].data.progressGrids[3]: "sixteen" is not a progress report grid figure (measure, month, count)',
    ]);
  });

  it('a snapshot\'s dataset is checked the same way', () => {
    expect(checkDatasetShape({ ...emptyDataset(), progressGrids: [{ measure: 'newPlans', month: '2023-01', count: -1 }] }, 'data')).toEqual([
      'data.progressGrids[0].count: -1 is not a whole number of 0 or more',
    ]);
  });
});

describe('cessations by age group in the workspace file', () => {
  it('reads back what it wrote, and refuses a bad band, month or count', () => {
    const r = importText('AGE GROUPS (2022 / February 2023),Made Inactive,Ceasing in Prog Total\nAge 16-19,28,19\n', 'ages.csv');
    expect(r.errors).toEqual([]);
    const rec = { ...gridRecord(), data: r.data, kind: r.kind!, kindLabel: r.kindLabel! };
    const file = toWorkspaceFile({ state, imports: [rec], mappings: [] }, new Date('2026-02-03T04:05:06Z'));
    expect(readWorkspaceFile(JSON.stringify(file))).toEqual({ ok: true, value: file, notes: [] });
    expect(checkDatasetShape({ ...emptyDataset(), ageCessations: [{ asAt: '2023-2', period: 'x', ageBand: '5 to 11', madeInactive: 1, ceasingInProgress: -2 }] }, 'data')).toEqual([
      'data.ageCessations[0].asAt: "2023-2" is not a month such as "2023-02"',
      'data.ageCessations[0].ageBand: "5 to 11" is not one of under 5, 5 to 10, 11 to 15, 16 to 19, 20 to 25',
      'data.ageCessations[0].ceasingInProgress: -2 is not a whole number of 0 or more',
    ]);
  });
});
