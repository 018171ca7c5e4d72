/**
 * The browser's store: IndexedDB through `idb`. Every change is one transaction, so a failed,
 * cancelled or interrupted write (a full disk, a closed tab) leaves what was stored as it was.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, DEFAULT_STATE, SCHEMA_VERSION, type StoredMapping, type StoredState } from './schema';
import type { ImportRecord } from '../model/history';

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
  async 3(_db, tx) {
    // Before version 3 no cost-centre map existed, so no import excluded a row.
    const store = tx.objectStore('imports');
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
      const rec = cursor.value as Omit<ImportRecord, 'rowsExcluded'> & { rowsExcluded?: number };
      if (rec.rowsExcluded === undefined) await cursor.update({ ...rec, rowsExcluded: 0 });
    }
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
  // The causes a browser gives when it will not store anything, in words that say which it is.
  if (name === 'SecurityError') {
    return new StorageError(`The browser does not allow this site to store data (SecurityError: site data is turned off in its settings, or this is a private window that refuses storage), so ${what} could not be stored.`, e);
  }
  if (name === 'InvalidStateError') {
    return new StorageError(`The browser's storage is not available here (InvalidStateError: some private windows refuse it), so ${what} could not be stored.`, e);
  }
  if (name === 'UnknownError') {
    return new StorageError(`The browser's storage failed (UnknownError: its files may be damaged or the disk full), so ${what} could not be stored. Nothing was changed.`, e);
  }
  if (name === 'NoIndexedDB') {
    return new StorageError(`This browser offers no storage to this page (IndexedDB is missing or turned off), so ${what} cannot be kept.`, e);
  }
  if (name === 'Blocked' || name === 'Timeout') {
    return new StorageError(`${(e as Error).message}, so ${what} could not be read or stored.`, e);
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

  static async open(name = DB_NAME, version = SCHEMA_VERSION, timeoutMs = 15_000): Promise<WorkspaceDb> {
    const failure = (n: string, m: string) => Object.assign(new Error(m), { name: n });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      if (typeof indexedDB === 'undefined' || indexedDB === null) throw failure('NoIndexedDB', 'no IndexedDB');
      let blockedBy: (() => void) | undefined;
      const stuck = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(failure('Timeout', `The browser did not open its storage within ${Math.round(timeoutMs / 1000)} seconds`)), timeoutMs);
        blockedBy = () => reject(failure('Blocked', 'Another tab holds an older version of this app open and blocks its storage: close that tab and reload this one'));
      });
      const opening = openDB(name, version, {
        blocked() {
          blockedBy?.();
        },
        async upgrade(database, oldVersion, newVersion, transaction) {
          for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) {
            const step = MIGRATIONS[v];
            if (!step) throw new Error(`no migration to schema version ${v}`);
            await step(database, transaction as unknown as UpgradeTx);
          }
        },
        blocking() {
          // Another tab wants a newer schema: let it have the database.
          void opening.then((d) => d.close());
        },
      });
      const db = await Promise.race([opening, stuck]);
      return new WorkspaceDb(db);
    } catch (e) {
      throw explainStorageError(e, 'your data');
    } finally {
      clearTimeout(timer);
    }
  }

  /** How many records each store holds: what a reset or delete reports it did, read back. */
  async counts(): Promise<{ imports: number; mappings: number; state: number }> {
    const tx = this.db.transaction(['imports', 'state', 'mappings'], 'readonly');
    const [imports, mappings, state] = await Promise.all([tx.objectStore('imports').count(), tx.objectStore('mappings').count(), tx.objectStore('state').count(), tx.done]);
    return { imports, mappings, state };
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
  async replaceAll(data: { state: StoredState; imports: ImportRecord[]; mappings: StoredMapping[] }, onProgress?: (fraction: number) => void): Promise<void> {
    await this.write('the workspace', async (tx) => {
      await Promise.all([tx.objectStore('imports').clear(), tx.objectStore('mappings').clear()]);
      // Requests are queued without waiting for each (a round trip per record makes 150,000 slow);
      // the transaction still commits all or nothing.
      const n = data.imports.length;
      let done = 0;
      const puts: Promise<unknown>[] = [];
      for (const rec of data.imports) {
        puts.push(
          tx.objectStore('imports').put(rec).then(() => {
            done++;
            if (onProgress && done % 2000 === 0) onProgress(done / n);
          }),
        );
      }
      for (const m of data.mappings) puts.push(tx.objectStore('mappings').put(m));
      puts.push(tx.objectStore('state').put(data.state, 'workspace'));
      await Promise.all(puts);
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
