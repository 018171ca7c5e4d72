/** The browser's persistence: IndexedDB (db.ts), opened when the store first hydrates and again after a failed open. */
import { StorageError, WorkspaceDb } from './db';
import type { Persistence } from './persistence';

export function indexedDbPersistence(open: () => Promise<WorkspaceDb> = () => WorkspaceDb.open()): Persistence & { close(): void } {
  let db: WorkspaceDb | null = null;
  const opened = () => {
    if (!db) throw new StorageError('The browser’s storage is not open.');
    return db;
  };
  return {
    async load() {
      try {
        db ??= await open();
        return await db.load();
      } catch (e) {
        db = null;
        throw e;
      }
    },
    commitImport: async (record, state, replacing, mapping) => opened().commitImport(record, state, replacing, mapping),
    setUndone: async (id, undoneAt) => opened().setUndone(id, undoneAt),
    saveState: async (state) => opened().saveState(state),
    replaceAll: async (data, onProgress) => opened().replaceAll(data, onProgress),
    counts: async () => opened().counts(),
    close() {
      db?.close();
      db = null;
    },
  };
}
