/**
 * The workspace store on its own, with a persistence held in memory and a fixed clock: what it
 * hydrates to (stored data, nothing stored, storage that fails), the one commit path (written
 * before it is shown; a refused or failed write changes nothing), and undo and redo.
 */
import { describe, expect, it } from 'vitest';
import { emptyDataset, type Dataset } from '../../src/model/dataset';
import type { ImportRecord } from '../../src/model/history';
import type { Pence } from '../../src/model/money';
import { DEFAULT_SETTINGS } from '../../src/model/settings';
import type { StoredState } from '../../src/storage/schema';
import { createWorkspaceStore } from '../../src/store/workspace';
import { fakePersistence, type FakePersistence } from './fakePersistence';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const clock = () => NOW;
const p = (n: number) => n as Pence;
const months = (values: Record<number, number>) => Array.from({ length: 12 }, (_, i) => (values[i + 1] !== undefined ? p(values[i + 1]!) : null));

/** The example: one line's budget, so it is told apart from anything imported. */
const EXAMPLE: Dataset = { ...emptyDataset(), budgets: [{ fy: 2022, block: 'High Needs', line: 'Example line', budget: p(100_00) }] };
const example = () => EXAMPLE;

function actualsRecord(file: string, values: Record<number, number>): Omit<ImportRecord, 'id' | 'time'> {
  return {
    file, size: 10, sha256: `sha-${file}`, kind: 'actuals', kindLabel: 'actuals', rowsRead: 1, rowsImported: 1, rowsRejected: 0, rowsSkipped: 0,
    warningCount: 0, leftOutRows: [], replaced: [], additive: false,
    data: { ...emptyDataset(), actuals: [{ fy: 2022, block: 'High Needs', line: 'Top up', actuals: months(values), forecasts: Array(12).fill(null) }] },
  };
}

const stored = (imports: Omit<ImportRecord, 'id' | 'time'>[]): ImportRecord[] => imports.map((r, i) => ({ ...r, id: i + 1, time: '2026-11-01T09:00:00.000Z' }));
const USER: StoredState = { source: 'user', settings: { tolerance: '0.05' } };

async function hydrated(fake: FakePersistence) {
  const store = createWorkspaceStore({ persistence: fake, example, clock });
  await store.getState().hydrate();
  return store;
}

const topUp = (d: Dataset) => d.actuals.find((a) => a.line === 'Top up')?.actuals;

describe('hydrating the store', () => {
  it('from a persistence holding data: its settings, history and mappings, and the data rebuilt from them', async () => {
    const mapping = { header: 'a|b', kind: 'actuals' as const, columns: {} };
    const fake = fakePersistence({ state: USER, imports: stored([actualsRecord('p1.csv', { 1: 500 })]), mappings: [mapping] });
    const store = createWorkspaceStore({ persistence: fake, example, clock });
    expect(store.getState().hydrated).toBe(false);
    await store.getState().hydrate();
    const s = store.getState();
    expect(s).toMatchObject({ hydrated: true, storageError: null, unreadable: null, source: 'user', settings: { tolerance: '0.05' }, mappings: [mapping] });
    expect(s.imports.map((r) => r.file)).toEqual(['p1.csv']);
    expect(topUp(s.dataset)).toEqual(months({ 1: 500 }));
    expect(s.dataset.budgets).toEqual([]);
  });

  it('from an empty persistence: the example, with nothing in the history', async () => {
    const store = await hydrated(fakePersistence());
    expect(store.getState()).toMatchObject({ hydrated: true, storageError: null, source: 'example', imports: [], mappings: [], settings: DEFAULT_SETTINGS });
    expect(store.getState().dataset).toEqual(EXAMPLE);
  });

  it('from a failing persistence: the example, read-only, with the reason, and nothing is written', async () => {
    const fake = fakePersistence();
    fake.failLoads(new Error('The browser does not allow this site to store data.'));
    const store = await hydrated(fake);
    const s = store.getState();
    expect(s.hydrated).toBe(true);
    expect(s.storageError).toBe(
      'The browser does not allow this site to store data. The app shows the example data and works read-only: nothing can be imported, changed or kept in this browser.',
    );
    expect(s.dataset).toEqual(EXAMPLE);
    expect(await s.saveEdit('manual-commentary', 'commentary', { narratives: [] }, 0)).toBe(`Nothing was stored: ${s.storageError}`);
    expect(await s.setSettings({ tolerance: '0.1' })).toMatch(/^Nothing was stored/);
    expect(fake.calls).toEqual(['load']);
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('from stored data that does not pass the check: kept as read, for export, never discarded', async () => {
    const fake = fakePersistence({ state: USER, imports: [{ id: 1 } as ImportRecord] });
    const store = await hydrated(fake);
    const s = store.getState();
    expect(s.unreadable?.reason).toMatch(/^it does not pass the check/);
    expect(s.unreadable?.data.imports).toEqual([{ id: 1 }]);
    expect(fake.calls).toEqual(['load']);
  });
});

describe('the commit path', () => {
  it('writes the record (its id from the persistence, its time from the clock) before showing it', async () => {
    const fake = fakePersistence({ state: USER, imports: stored([actualsRecord('p1.csv', { 1: 500 })]) });
    const store = await hydrated(fake);
    const outcome = await store.getState().commit(actualsRecord('p2.csv', { 2: 700 }), 'replace');
    expect(outcome).toEqual({ ok: true });
    // What is shown is what is stored: a store hydrating afresh from the persistence sees the same.
    expect(fake.calls).toEqual(['load', 'commitImport']);
    expect(fake.held.imports.map((r) => [r.id, r.file, r.time])).toEqual([
      [1, 'p1.csv', '2026-11-01T09:00:00.000Z'],
      [2, 'p2.csv', NOW.toISOString()],
    ]);
    expect(store.getState().imports).toEqual(fake.held.imports);
    expect(topUp(store.getState().dataset)).toEqual(months({ 1: 500, 2: 700 }));
    const again = await hydrated(fake);
    expect(again.getState().dataset).toEqual(store.getState().dataset);
  });

  it('a hand edit over the example starts the user’s workspace from the example’s data', async () => {
    const fake = fakePersistence();
    const store = await hydrated(fake);
    const narratives = [{ fy: 2022, text: 'On track.' }] as unknown as Dataset['narratives'];
    expect(await store.getState().saveEdit('manual-commentary', 'commentary', { narratives }, 1)).toBeNull();
    const s = store.getState();
    expect(s.source).toBe('user');
    expect(s.imports.map((r) => [r.id, r.file, r.kind])).toEqual([
      [1, 'Example data (Torbay 2022-23)', 'budget'],
      [2, 'Commentary entered by hand', 'manual-commentary'],
    ]);
    expect(s.dataset.budgets).toEqual(EXAMPLE.budgets);
    expect(s.dataset.narratives).toEqual(narratives);
    expect(fake.held.state.source).toBe('user');
    expect(fake.held.imports).toEqual(s.imports);
  });

  it('an upload over the example replaces it, keeping the cost centres mapped by hand and remembering its column mapping', async () => {
    const fake = fakePersistence();
    const store = await hydrated(fake);
    expect(await store.getState().saveHandMap([{ code: 'HN1', block: 'High Needs', line: 'Top up', treatment: 'spend', source: 'hand' }])).toBeNull();
    expect(store.getState().source).toBe('example');
    const mapping = { header: 'line|p1', kind: 'actuals' as const, columns: { 0: 'line' } };
    expect(await store.getState().commit(actualsRecord('p1.csv', { 1: 500 }), 'replace', mapping)).toEqual({ ok: true });
    const s = store.getState();
    expect(s.source).toBe('user');
    expect(s.imports.map((r) => r.kind)).toEqual(['manual-costcentres', 'actuals']);
    expect(s.dataset.budgets).toEqual([]);
    expect(s.mappings).toEqual([mapping]);
    expect(fake.held.mappings).toEqual([mapping]);
    expect(fake.held.imports).toEqual(s.imports);
  });

  it('a failed write leaves the state exactly as it was, and says why', async () => {
    const fake = fakePersistence({ state: USER, imports: stored([actualsRecord('p1.csv', { 1: 500 })]) });
    const store = await hydrated(fake);
    const before = store.getState();
    const heldBefore = structuredClone(fake.held);
    fake.failNextWrite(new Error('Your browser has no room left to store this import.'));
    expect(await store.getState().commit(actualsRecord('p2.csv', { 1: 900 }), 'replace')).toEqual({
      ok: false, why: 'write', message: 'Your browser has no room left to store this import.',
    });
    const after = store.getState();
    for (const k of ['dataset', 'imports', 'mappings', 'settings', 'source'] as const) expect(after[k]).toBe(before[k]);
    expect(fake.held).toEqual(heldBefore);
    fake.failNextWrite(new Error('disk full'));
    expect(await store.getState().setSettings({ tolerance: '0.1' })).toBe('disk full');
    expect(store.getState().settings).toBe(before.settings);
  });

  it('a record the rebuild refuses is never written', async () => {
    const fake = fakePersistence({ state: USER });
    const store = await hydrated(fake);
    const before = store.getState();
    const huge = actualsRecord('huge.csv', { 1: 2 ** 52, 2: 2 ** 52, 3: 2 ** 52 });
    const outcome = await store.getState().commit(huge, 'replace');
    expect(outcome).toMatchObject({ ok: false, why: 'refused' });
    expect(!outcome.ok && outcome.message).toMatch(/too large/);
    expect(fake.calls).toEqual(['load']);
    expect(store.getState().dataset).toBe(before.dataset);
  });
});

describe('undo and redo', () => {
  it('undo restores what an import replaced, stamped with the clock; redo brings it back; both written', async () => {
    const fake = fakePersistence({ state: USER, imports: stored([actualsRecord('p1.csv', { 1: 500, 2: 600 })]) });
    const store = await hydrated(fake);
    await store.getState().commit(actualsRecord('p2-again.csv', { 2: 650 }), 'replace');
    expect(topUp(store.getState().dataset)).toEqual(months({ 1: 500, 2: 650 }));

    expect(await store.getState().undoImport(2)).toBeNull();
    expect(topUp(store.getState().dataset)).toEqual(months({ 1: 500, 2: 600 }));
    expect(fake.held.imports[1]!.undoneAt).toBe(NOW.toISOString());
    expect(store.getState().imports[1]!.undoneAt).toBe(NOW.toISOString());

    expect(await store.getState().redoImport(2)).toBeNull();
    expect(topUp(store.getState().dataset)).toEqual(months({ 1: 500, 2: 650 }));
    expect(fake.held.imports[1]!.undoneAt).toBeUndefined();
    expect(fake.calls).toEqual(['load', 'commitImport', 'setUndone', 'setUndone']);
  });

  it('an undo whose write fails changes nothing', async () => {
    const fake = fakePersistence({ state: USER, imports: stored([actualsRecord('p1.csv', { 1: 500 }), actualsRecord('p1-again.csv', { 1: 550 })]) });
    const store = await hydrated(fake);
    const before = store.getState();
    fake.failNextWrite(new Error('The browser’s storage failed.'));
    expect(await store.getState().undoImport(2)).toBe('The browser’s storage failed.');
    expect(store.getState().dataset).toBe(before.dataset);
    expect(store.getState().imports).toBe(before.imports);
    expect(fake.held.imports[1]!.undoneAt).toBeUndefined();
  });
});

describe('what other tabs are told', () => {
  it('is called after each write that succeeded, never after one that failed', async () => {
    const fake = fakePersistence({ state: USER });
    let told = 0;
    const store = createWorkspaceStore({ persistence: fake, example, clock, onStored: () => told++ });
    await store.getState().hydrate();
    await store.getState().commit(actualsRecord('p1.csv', { 1: 1 }), 'replace');
    fake.failNextWrite(new Error('no'));
    await store.getState().commit(actualsRecord('p2.csv', { 1: 2 }), 'replace');
    await store.getState().undoImport(1);
    expect(told).toBe(2);
  });
});

describe('deleting everything', () => {
  it('says what the persistence held, read back, and leaves it empty', async () => {
    const fake = fakePersistence({ state: USER, imports: stored([actualsRecord('p1.csv', { 1: 500 })]), mappings: [{ header: 'x', kind: 'actuals', columns: {} }] });
    const store = await hydrated(fake);
    const { error, text } = await store.getState().deleteAll();
    expect(error).toBe(false);
    expect(text).toMatch(/^Deleted from this browser: 1 history entry \(imports and edits\) and 1 column mapping;/);
    expect(fake.held).toEqual({ state: { source: 'user', settings: DEFAULT_SETTINGS }, imports: [], mappings: [] });
    expect(store.getState().dataset).toEqual(emptyDataset());
  });
});

describe('a store given its initial state (the snapshot)', () => {
  it('starts hydrated on that data and never reads the example', async () => {
    let exampleRead = false;
    const data = { ...emptyDataset(), funding: [{ fy: 2023, block: 'Schools' as const, income: p(1) }] };
    const store = createWorkspaceStore({
      persistence: fakePersistence(), example: () => ((exampleRead = true), EXAMPLE), clock,
      initial: { dataset: data, settings: { tolerance: '0.03' }, selectedFy: 2023, selectedPeriod: 4, role: 'forum', source: 'user', hydrated: true },
    });
    expect(store.getState()).toMatchObject({ dataset: data, settings: { tolerance: '0.03' }, selectedFy: 2023, selectedPeriod: 4, role: 'forum', source: 'user', hydrated: true });
    expect(exampleRead).toBe(false);
  });
});
