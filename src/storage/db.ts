/**
 * The browser's store: IndexedDB through `idb`. Every change is one transaction, so a failed,
 * cancelled or interrupted write (a full disk, a closed tab) leaves what was stored as it was.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, DEFAULT_STATE, SCHEMA_VERSION, type ImportRecord, type StoredMapping, type StoredState } from './schema';

type Stores = 'imports' | 'state' | 'mappings';
type UpgradeTx = IDBPTransaction<unknown, Stores[], 'versionchange'>;

/**
 * One step per version: MIGRATIONS[n] turns a version n-1 database into version n (MIGRATIONS[1]
 * creates it). Steps run in order from the stored version, inside the upgrade transaction, so an
 * interrupted upgrade leaves the old version intact.
 */
export const MIGRATIONS: Record<number, (db: IDBPDatabase, tx: UpgradeTx) => Promise<void> | void> = {
  1(db) {
    db.createObjectStore('imports', { keyPath: 'id', autoIncrement: true });
    db.createObjectStore('state');
  },
  async 2(db, tx) {
    db.createObjectStore('mappings', { keyPath: 'header' });
    // Version 1 records had no count of skipped rows (blank, totals): it was not recorded, so 0.
    const store = tx.objectStore('imports');
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
      const rec = cursor.value as Omit<ImportRecord, 'rowsSkipped'> & { rowsSkipped?: number };
      if (rec.rowsSkipped === undefined) await cursor.update({ ...rec, rowsSkipped: 0 });
    }
  },
  3() {
    // Version 3 adds records of kind 'national' and two optional settings (laCode, comparators):
    // every version 2 record and state is already valid version 3 data, so nothing is rewritten.
  },
};

/** Raised with a message a user can act on; `lost` is always false: nothing stored was changed. */
export class StorageError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Turns IndexedDB's errors into plain words. */
export function explainStorageError(e: unknown, what: string): StorageError {
  const name = (e as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(String((e as Error)?.message ?? ''))) {
    return new StorageError(
      `Your browser has no room left to store ${what}. Nothing was changed and nothing was lost: free some disk space, or undo or delete old imports, then try again.`,
      e,
    );
  }
  if (name === 'VersionError') {
    return new StorageError('This data was saved by a newer version of the app. Reload the page to get the newer version; nothing was changed.', e);
  }
  return new StorageError(`Could not store ${what} (${name || 'error'}: ${(e as Error)?.message ?? String(e)}). Nothing was changed.`, e);
}

export interface Loaded {
  state: StoredState;
  imports: ImportRecord[];
  mappings: StoredMapping[];
}

export class WorkspaceDb {
  private constructor(private readonly db: IDBPDatabase) {}

  static async open(name = DB_NAME, version = SCHEMA_VERSION): Promise<WorkspaceDb> {
    try {
      const db = await openDB(name, version, {
        async upgrade(database, oldVersion, newVersion, transaction) {
          for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) {
            const step = MIGRATIONS[v];
            if (!step) throw new Error(`no migration to schema version ${v}`);
            await step(database, transaction as unknown as UpgradeTx);
          }
        },
        blocking() {
          // Another tab wants a newer schema: let it have the database.
          db.close();
        },
      });
      return new WorkspaceDb(db);
    } catch (e) {
      throw explainStorageError(e, 'your data');
    }
  }

  close(): void {
    this.db.close();
  }

  async load(): Promise<Loaded> {
    const tx = this.db.transaction(['imports', 'state', 'mappings'], 'readonly');
    const [state, imports, mappings] = await Promise.all([
      tx.objectStore('state').get('workspace') as Promise<StoredState | undefined>,
      tx.objectStore('imports').getAll() as Promise<ImportRecord[]>,
      tx.objectStore('mappings').getAll() as Promise<StoredMapping[]>,
      tx.done,
    ]);
    return { state: state ?? DEFAULT_STATE, imports: imports.sort((a, b) => a.id - b.id), mappings };
  }

  /**
   * Adds an import and sets the state, in one transaction; with `replacing`, the history is first
   * replaced by those records (the user's first import over the example); with `mapping`, the
   * column mapping the user made for it is remembered. Returns the import's id.
   */
  async commitImport(record: Omit<ImportRecord, 'id'>, state: StoredState, replacing?: ImportRecord[], mapping?: StoredMapping): Promise<number> {
    return this.write('this import', async (tx) => {
      if (mapping) await tx.objectStore('mappings').put(mapping);
      if (replacing) {
        await tx.objectStore('imports').clear();
        for (const r of replacing) await tx.objectStore('imports').put(r);
      }
      const id = (await tx.objectStore('imports').add(record)) as number;
      await tx.objectStore('state').put(state, 'workspace');
      return id;
    });
  }

  /** Marks an import undone (or, with undoneAt undefined, counts it again). */
  async setUndone(id: number, undoneAt: string | undefined): Promise<void> {
    await this.write('the undo', async (tx) => {
      const store = tx.objectStore('imports');
      const rec = (await store.get(id)) as ImportRecord | undefined;
      if (!rec) throw new StorageError(`import ${id} is not in the history`);
      const next = { ...rec };
      if (undoneAt) next.undoneAt = undoneAt;
      else delete next.undoneAt;
      await store.put(next);
    });
  }

  async saveState(state: StoredState): Promise<void> {
    await this.write('the settings', async (tx) => {
      await tx.objectStore('state').put(state, 'workspace');
    });
  }

  async saveMapping(mapping: StoredMapping): Promise<void> {
    await this.write('the column mapping', async (tx) => {
      await tx.objectStore('mappings').put(mapping);
    });
  }

  /** Replaces everything (a workspace file, reset, delete) in one transaction. */
  async replaceAll(data: { state: StoredState; imports: ImportRecord[]; mappings: StoredMapping[] }): Promise<void> {
    await this.write('the workspace', async (tx) => {
      await Promise.all([tx.objectStore('imports').clear(), tx.objectStore('mappings').clear()]);
      for (const rec of data.imports) await tx.objectStore('imports').put(rec);
      for (const m of data.mappings) await tx.objectStore('mappings').put(m);
      await tx.objectStore('state').put(data.state, 'workspace');
    });
  }

  private async write<T>(what: string, body: (tx: IDBPTransaction<unknown, Stores[], 'readwrite'>) => Promise<T>): Promise<T> {
    let tx: IDBPTransaction<unknown, Stores[], 'readwrite'> | undefined;
    try {
      tx = this.db.transaction(['imports', 'state', 'mappings'], 'readwrite');
      const value = await body(tx);
      await tx.done;
      return value;
    } catch (e) {
      try {
        tx?.abort();
      } catch {
        // Already finished or aborted: IndexedDB has rolled it back.
      }
      // Wait for the abort to settle so that no caller reads half a transaction.
      await tx?.done.catch(() => undefined);
      throw e instanceof StorageError ? e : explainStorageError(e, what);
    }
  }
}
