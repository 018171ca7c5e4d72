/**
 * The Import screen's upload queue, with a fake worker and the workspace store on a persistence
 * held in memory: files are read one at a time, committed through the store's one commit path,
 * and what each waiting file would change follows the history.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { emptyDataset } from '../../src/model/dataset';
import type { MapEntry } from '../../src/model/costCentreMap';
import { importText } from '../../src/import/importFile';
import { createWorkspaceStore } from '../../src/store/workspace';
import { createUploadQueue, type RunImport } from '../../src/views/import/uploadQueue';
import { activeMapEntries } from '../../src/store/costCentres';
import { fakePersistence } from '../store/fakePersistence';
import { ROOT } from '../helpers';

// Counted, to see how often the queue works out the cost-centre map.
vi.mock('../../src/store/costCentres', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/store/costCentres')>();
  return { ...actual, activeMapEntries: vi.fn(actual.activeMapEntries) };
});
const mapCalls = () => vi.mocked(activeMapEntries).mock.calls.length;

const NOW = new Date('2026-12-01T10:00:00.000Z');
const HEADER = 'financial_year,period,block,line,actual\n';

/** Reads the file in this process, as the worker would, and says which files it was asked for. */
function fakeWorker() {
  const asked: string[] = [];
  /** The cost-centre map each file was read with. */
  const maps: MapEntry[][] = [];
  const run: RunImport = (file, name, _kind, _progress, _columns, map) => {
    asked.push(name);
    maps.push(map ?? []);
    const promise = (file as Blob).text().then((text) => ({ result: importText(text, name), sha256: `sha-${name}`, size: file.size }));
    return { promise, cancel: () => undefined };
  };
  return { run, asked, maps };
}

async function setUp() {
  const fake = fakePersistence({ state: { source: 'user', settings: { tolerance: '0.02' } } });
  const workspace = createWorkspaceStore({ persistence: fake, example: emptyDataset, clock: () => NOW });
  await workspace.getState().hydrate();
  const worker = fakeWorker();
  const queue = createUploadQueue(workspace, worker.run);
  return { fake, workspace, queue, worker };
}

const file = (name: string, rows: string) => new File([HEADER + rows], name, { type: 'text/csv' });

describe('the upload queue', () => {
  it('reads each file, then commits it through the store: stored, shown, and marked imported', async () => {
    const { fake, workspace, queue, worker } = await setUp();
    queue.getState().addFiles([file('p1.csv', '2022-23,1,High Needs,Top up,500\n'), file('p2.csv', '2022-23,1,High Needs,Top up,650\n')]);
    await vi.waitFor(() => expect(queue.getState().uploads.map((u) => u.status)).toEqual(['read', 'read']));
    expect(worker.asked).toEqual(['p1.csv', 'p2.csv']);
    // Nothing is held yet, so neither would change a figure.
    expect(queue.getState().uploads.map((u) => u.changes.length)).toEqual([0, 0]);

    await queue.getState().commitUpload(1);
    expect(queue.getState().uploads[0]).toMatchObject({ status: 'imported', message: undefined });
    expect(fake.held.imports.map((r) => [r.id, r.file, r.time, r.kind])).toEqual([[1, 'p1.csv', NOW.toISOString(), 'actuals']]);
    expect(workspace.getState().imports).toEqual(fake.held.imports);
    // The second file, still waiting, now lists the figure it would change.
    expect(queue.getState().uploads[1]!.changes).toEqual([{ fy: 2022, block: 'High Needs', line: 'Top up', period: 1, old: 50000, new: 65000 }]);
  });

  it('a failed write leaves the file waiting, with the reason, and nothing stored', async () => {
    const { fake, workspace, queue } = await setUp();
    queue.getState().addFiles([file('p1.csv', '2022-23,1,High Needs,Top up,500\n')]);
    await vi.waitFor(() => expect(queue.getState().uploads[0]!.status).toBe('read'));
    fake.failNextWrite(new Error('Your browser has no room left to store this import.'));
    await queue.getState().commitUpload(1);
    expect(queue.getState().uploads[0]).toMatchObject({ status: 'read', message: 'Your browser has no room left to store this import.' });
    expect(fake.held.imports).toEqual([]);
    expect(workspace.getState().imports).toEqual([]);
  });

  it('a file mapped by hand is committed with its mapping, remembered for the next file with that header', async () => {
    const { fake, workspace, queue } = await setUp();
    queue.getState().addFiles([file('p1.csv', '2022-23,1,High Needs,Top up,500\n')]);
    await vi.waitFor(() => expect(queue.getState().uploads[0]!.status).toBe('read'));
    queue.getState().setUploadColumns(1, 'actuals', {});
    await vi.waitFor(() => expect(queue.getState().uploads[0]!.status).toBe('read'));
    await queue.getState().commitUpload(1);
    const mapping = { header: 'financial year|period|block|line|actual', kind: 'actuals', columns: {} };
    expect(fake.held.mappings).toEqual([mapping]);
    expect(workspace.getState().mappings).toEqual([mapping]);
  });

  it('a changed cost-centre map reads the waiting ledger again; a change to anything else does not, and the map is worked out once per change', async () => {
    const { workspace, queue, worker } = await setUp();
    const gl = new File([readFileSync(join(ROOT, 'tests/fixtures/costcentre/oracle-account-analysis.csv'))], 'gl.csv', { type: 'text/csv' });
    queue.getState().addFiles([gl, file('p1.csv', '2022-23,1,High Needs,Top up,500\n')]);
    await vi.waitFor(() => expect(queue.getState().uploads.map((u) => u.status)).toEqual(['read', 'read']));
    // Read without a map: every cost centre unmapped, so the ledger uses the map.
    expect(queue.getState().uploads[0]!.result?.costCentres?.unmappedRows).toBe(9);
    expect(worker.asked).toEqual(['gl.csv', 'p1.csv']);

    // Something else: a setting (the workspace changes, the history does not), then an actuals file
    // committed (the history and the data change, the map does not).
    let changes = 0;
    let historyChanges = 0;
    workspace.subscribe((now, before) => {
      changes++;
      if (now.imports !== before.imports || now.dataset.budgets !== before.dataset.budgets) historyChanges++;
    });
    const callsBefore = mapCalls();
    expect(await workspace.getState().setSettings({ ...workspace.getState().settings, tolerance: '0.03' })).toBeNull();
    expect(mapCalls()).toBe(callsBefore);
    await queue.getState().commitUpload(2);
    expect(workspace.getState().imports.map((r) => r.file)).toEqual(['p1.csv']);
    expect(changes).toBeGreaterThan(historyChanges);
    expect(historyChanges).toBeGreaterThan(0);
    // Once for each change of the history, not for the old state and the new at every change.
    expect(mapCalls() - callsBefore).toBe(historyChanges);
    expect(queue.getState().uploads[0]!.status).toBe('read');
    expect(worker.asked).toEqual(['gl.csv', 'p1.csv']);

    // The map: the unmapped cost centre mapped by hand reads the waiting ledger again.
    expect(await workspace.getState().saveHandMap([{ code: 'HN3099', treatment: 'spend', block: 'High Needs', line: 'Hospital education', source: 'hand' }])).toBeNull();
    await vi.waitFor(() => expect(worker.asked).toEqual(['gl.csv', 'p1.csv', 'gl.csv']));
    await vi.waitFor(() => expect(queue.getState().uploads[0]!.status).toBe('read'));
    // The worker was given the map in force, with the hand mapping.
    expect(worker.maps[0]).toEqual([]);
    expect(worker.maps[2]).toEqual([expect.objectContaining({ code: 'HN3099', source: 'hand' })]);
  });
});
