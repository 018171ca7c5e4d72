/**
 * The IndexedDB store (through fake-indexeddb): versioned schema with a migration from each
 * earlier version, tested against a frozen copy of the old shape; writes are all or nothing.
 */
import 'fake-indexeddb/auto';
import { freshDbNames } from './freshDb';
import { describe, expect, it } from 'vitest';
import { emptyDataset } from '../../src/model/dataset';
import { WorkspaceDb, explainStorageError } from '../../src/storage/db';
import { SCHEMA_VERSION } from '../../src/storage/schema';
import type { ImportRecord } from '../../src/model/history';

const freshName = freshDbNames('test-db');

function record(file: string, extra: Partial<ImportRecord> = {}): Omit<ImportRecord, 'id'> {
  return {
    time: '2026-01-01T00:00:00.000Z', file, size: 10, sha256: 'ab', kind: 'budget', kindLabel: 'budget', rowsRead: 1, rowsImported: 1,
    rowsRejected: 0, rowsSkipped: 0, warningCount: 0, leftOutRows: [], replaced: [], additive: false, data: emptyDataset(), ...extra,
  };
}

/** A version 1 database exactly as version 1 wrote it, made with the raw IndexedDB API. */
async function makeVersion1(name: string, records: object[]) {
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('imports', { keyPath: 'id', autoIncrement: true });
      req.result.createObjectStore('state');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['imports', 'state'], 'readwrite');
    for (const r of records) tx.objectStore('imports').put(r);
    tx.objectStore('state').put({ source: 'user', settings: { tolerance: '0.05' } }, 'workspace');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Frozen copy of a version 1 import record: no rowsSkipped. */
const V1_RECORD = {
  id: 1, time: '2025-04-30T10:00:00.000Z', file: 'actuals-p1.csv', size: 1234, sha256: 'cafe', kind: 'actuals', kindLabel: 'actuals',
  rowsRead: 3, rowsImported: 3, rowsRejected: 0, warningCount: 0, leftOutRows: [], replaced: [], additive: false,
  data: { ...emptyDataset(), actuals: [{ fy: 2025, block: 'High Needs', line: 'Top up', actuals: [100, ...Array(11).fill(null)], forecasts: Array(12).fill(null) }] },
};

describe('the stored schema', () => {
  it('creates the current version in an empty browser, with the example as the source', async () => {
    const db = await WorkspaceDb.open(freshName());
    const loaded = await db.load();
    expect(loaded).toEqual({ state: { source: 'example', settings: { tolerance: '0.02' } }, imports: [], mappings: [] });
    db.close();
    expect(SCHEMA_VERSION).toBe(4);
  });

  it('migrates a version 1 database to the current version, keeping every record', async () => {
    const name = freshName();
    await makeVersion1(name, [V1_RECORD]);
    const db = await WorkspaceDb.open(name);
    const loaded = await db.load();
    expect(loaded.state).toEqual({ source: 'user', settings: { tolerance: '0.05' } });
    expect(loaded.imports).toEqual([{ ...V1_RECORD, rowsSkipped: 0, rowsExcluded: 0 }]);
    expect(loaded.mappings).toEqual([]);
    // The new store works.
    await db.saveMapping({ header: 'a|b', kind: 'budget', columns: { 0: 'year' } });
    expect((await db.load()).mappings).toHaveLength(1);
    db.close();
  });

  it('migrates a version 2 database to version 3: every record gains rowsExcluded (0: no map existed)', async () => {
    const name = freshName();
    await makeVersion1(name, [V1_RECORD]);
    // Open it as version 2, as that version of the app did, then close it.
    const v2 = await WorkspaceDb.open(name, 2);
    await v2.saveMapping({ header: 'a|b', kind: 'budget', columns: { 0: 'year' } });
    v2.close();
    const db = await WorkspaceDb.open(name);
    const loaded = await db.load();
    expect(loaded.imports).toEqual([{ ...V1_RECORD, rowsSkipped: 0, rowsExcluded: 0 }]);
    expect(loaded.mappings).toHaveLength(1);
    // A version 3 record keeps its cost-centre map and the periods it replaced.
    const map = [{ code: 'HN3002', treatment: 'spend' as const, block: 'High Needs' as const, line: 'Top-up', source: 'hand' as const }];
    await db.commitImport(record('Cost centres mapped by hand', { kind: 'manual-costcentres', rowsExcluded: 0, costCentreMap: map, replaces: [{ fy: 2025, period: 1, block: 'High Needs' }] }), loaded.state);
    expect((await db.load()).imports[1]).toMatchObject({ costCentreMap: map, replaces: [{ fy: 2025, period: 1, block: 'High Needs' }] });
    db.close();
  });

  it('refuses a database from a newer version with a clear message, changing nothing', async () => {
    const name = freshName();
    const newer = await WorkspaceDb.open(name, SCHEMA_VERSION);
    await newer.commitImport(record('kept.csv'), { source: 'user', settings: { tolerance: '0.02' } });
    newer.close();
    await expect(WorkspaceDb.open(name, SCHEMA_VERSION - 1)).rejects.toThrow(/newer version of the app/);
    const again = await WorkspaceDb.open(name);
    expect((await again.load()).imports.map((r) => r.file)).toEqual(['kept.csv']);
    again.close();
  });
});

describe('writes', () => {
  it('commits an import and its state together, and reads them back in order', async () => {
    const db = await WorkspaceDb.open(freshName());
    const a = await db.commitImport(record('a.csv'), { source: 'user', settings: { tolerance: '0.02' } });
    const b = await db.commitImport(record('b.csv'), { source: 'user', settings: { tolerance: '0.02' } });
    expect(b).toBeGreaterThan(a);
    await db.setUndone(a, '2026-01-02T00:00:00.000Z');
    const loaded = await db.load();
    expect(loaded.state.source).toBe('user');
    expect(loaded.imports.map((r) => [r.file, r.undoneAt])).toEqual([['a.csv', '2026-01-02T00:00:00.000Z'], ['b.csv', undefined]]);
    await db.setUndone(a, undefined);
    expect((await db.load()).imports[0]!.undoneAt).toBeUndefined();
    db.close();
  });

  it('leaves everything as it was when a write fails part-way', async () => {
    const db = await WorkspaceDb.open(freshName());
    await db.commitImport(record('first.csv'), { source: 'user', settings: { tolerance: '0.02' } });
    const before = await db.load();
    // The import record cannot be stored (a function does not clone): the transaction, which has
    // already cleared the history and written the state, must roll back entirely.
    const bad = record('bad.csv', { data: { ...emptyDataset(), oops: () => 1 } as never });
    await expect(db.commitImport(bad, { source: 'example', settings: { tolerance: '0.5' } }, [])).rejects.toThrow(/Nothing was changed/);
    expect(await db.load()).toEqual(before);
    await expect(
      db.replaceAll({ state: { source: 'example', settings: { tolerance: '0.5' } }, imports: [{ ...record('x.csv'), id: 9, data: (() => 1) as never }], mappings: [] }),
    ).rejects.toThrow(/Nothing was changed/);
    expect(await db.load()).toEqual(before);
    db.close();
  });

  it('explains a full disk in words and says nothing was lost', () => {
    const e = explainStorageError(Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }), 'this import');
    expect(e.message).toBe(
      'Your browser has no room left to store this import. Nothing was changed and nothing was lost: free some disk space, or undo or delete old imports, then try again.',
    );
  });
});
