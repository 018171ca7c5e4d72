/**
 * Schema version 3: the DfE's tables kept as their own history records (kind 'national'), the
 * LA code and comparators in the settings; a version 2 database and workspace file still open.
 */
import 'fake-indexeddb/auto';
import { freshDbNames } from './freshDb';
import { describe, expect, it } from 'vitest';
import { emptyDataset } from '../../src/model/dataset';
import { WorkspaceDb } from '../../src/storage/db';
import { type ImportRecord } from '../../src/model/history';
import { checkDatasetShape, readWorkspaceFile, toWorkspaceFile } from '../../src/storage/workspaceFile';
import type { NationalImport } from '../../src/model/national';

const freshName = freshDbNames('national-db');

/** Frozen copy of a version 2 import record and state. */
const V2_RECORD = {
  id: 1, time: '2025-04-30T10:00:00.000Z', file: 'budget.csv', size: 99, sha256: 'beef', kind: 'budget', kindLabel: 'budget',
  rowsRead: 1, rowsImported: 1, rowsRejected: 0, rowsSkipped: 0, warningCount: 0, leftOutRows: [], replaced: [], additive: false,
  data: emptyDataset(),
};
const V2_STATE = { source: 'user', settings: { tolerance: '0.03' } };

async function makeVersion2(name: string) {
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 2);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('imports', { keyPath: 'id', autoIncrement: true });
      req.result.createObjectStore('state');
      req.result.createObjectStore('mappings', { keyPath: 'header' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['imports', 'state', 'mappings'], 'readwrite');
    tx.objectStore('imports').put(V2_RECORD);
    tx.objectStore('state').put(V2_STATE, 'workspace');
    tx.objectStore('mappings').put({ header: 'a|b', kind: 'budget', columns: { 0: 'year' } });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

const NATIONAL: NationalImport = {
  tables: [
    {
      id: 'newplans', file: 'newplans.csv', periodType: 'calendar', columns: ['new_ehc_plans'],
      rows: [{ period: '2024', level: 'la', la: '880', laNew: 'E06000027', name: 'Torbay', region: 'South West', values: ['205'] }],
    },
  ],
  ignored: [{ file: 'assessments.csv', reason: 'a DfE table that no metric here uses' }],
  warnings: [],
};

const nationalRecord = (): Omit<ImportRecord, 'id'> => ({
  time: '2026-01-01T00:00:00.000Z', file: 'ehcp_2025.zip', size: 10, sha256: 'ab', kind: 'national', kindLabel: 'DfE national tables',
  rowsRead: 1, rowsImported: 1, rowsRejected: 0, rowsSkipped: 0, warningCount: 0, leftOutRows: [], replaced: [], additive: false,
  data: emptyDataset(), national: NATIONAL,
});

describe('schema version 4 (national records)', () => {
  it('migrates a version 2 database, keeping every record, state and mapping; then holds a national record', async () => {
    const name = freshName();
    await makeVersion2(name);
    const db = await WorkspaceDb.open(name);
    const loaded = await db.load();
    // Version 3 gave every record its count of rows excluded by a cost-centre map.
    expect(loaded.imports).toEqual([{ ...V2_RECORD, rowsExcluded: 0 }]);
    expect(loaded.state).toEqual(V2_STATE);
    expect(loaded.mappings).toHaveLength(1);
    await db.commitImport(nationalRecord(), { source: 'user', settings: { tolerance: '0.03', laCode: '880', comparators: ['879', '878'] } });
    const again = await db.load();
    expect(again.imports[1]!.national).toEqual(NATIONAL);
    expect(again.state.settings).toEqual({ tolerance: '0.03', laCode: '880', comparators: ['879', '878'] });
    db.close();
  });

  it('a workspace file carries the national record and the LA settings there and back', () => {
    const file = toWorkspaceFile({ state: { source: 'user', settings: { tolerance: '0.02', laCode: '880', comparators: ['879'] } }, imports: [{ ...nationalRecord(), id: 1 }], mappings: [] });
    const read = readWorkspaceFile(JSON.stringify(file));
    expect(read.ok).toBe(true);
    expect(read.ok && read.value.imports[0]!.national).toEqual(NATIONAL);
    expect(read.ok && read.value.state.settings.laCode).toBe('880');
  });

  it("keeps the years whose income is the allocation, and refuses a list that is not years", () => {
    const file = toWorkspaceFile({ state: { source: 'user', settings: { tolerance: '0.02', laCode: '880', allocationYears: [2023] } }, imports: [{ ...nationalRecord(), id: 1 }], mappings: [] });
    const read = readWorkspaceFile(JSON.stringify(file));
    expect(read.ok && read.value.state.settings.allocationYears).toEqual([2023]);
    for (const bad of [['2023'], [2023, 2023], [1999], 2023]) {
      const f = { ...file, state: { source: 'user', settings: { tolerance: '0.02', allocationYears: bad } } };
      expect(readWorkspaceFile(JSON.stringify(f))).toMatchObject({ ok: false, errors: [expect.stringContaining('state.settings.allocationYears')] });
    }
  });

  it("a snapshot's data may carry the allocation used as a year's income, naming its file, and nothing else there", () => {
    const funding = (fromAllocation: unknown) => ({ ...emptyDataset(), funding: [{ fy: 2023, block: 'High Needs', income: 2027027400, fromAllocation }] });
    expect(checkDatasetShape(funding('dsg.ods'))).toEqual([]);
    expect(checkDatasetShape(funding(12))).toEqual([expect.stringContaining('dataset.funding[0].fromAllocation')]);
  });

  it('refuses a bad LA code, a national record in a version 2 file, and a table row that is not text, naming where', () => {
    const good = toWorkspaceFile({ state: { source: 'user', settings: { tolerance: '0.02' } }, imports: [{ ...nationalRecord(), id: 1 }], mappings: [] });
    const badCode = { ...good, state: { source: 'user', settings: { tolerance: '0.02', laCode: 'E06000027' } } };
    expect(readWorkspaceFile(JSON.stringify(badCode))).toMatchObject({ ok: false, errors: [expect.stringContaining('state.settings.laCode')] });
    expect(readWorkspaceFile(JSON.stringify({ ...good, version: 2 }))).toMatchObject({ ok: false, errors: [expect.stringContaining('imports[0].kind')] });
    const badRow = structuredClone(good);
    (badRow.imports[0]!.national!.tables[0]!.rows[0]! as unknown as { values: unknown[] }).values = [205];
    expect(readWorkspaceFile(JSON.stringify(badRow))).toMatchObject({ ok: false, errors: [expect.stringContaining('imports[0].national.tables[0].rows[0]')] });
  });
});
