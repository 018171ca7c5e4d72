/**
 * What the workspace store needs of its storage: read everything, and each change as one
 * all-or-nothing write. The browser gives it IndexedDB (`indexedDbPersistence`), the snapshot
 * `noPersistence`, tests a fake. Every method rejects with words a user can act on; a rejected
 * write has stored nothing.
 */
import type { ImportRecord } from '../model/history';
import type { StoredMapping, StoredState } from './schema';

export interface StoredData {
  state: StoredState;
  imports: ImportRecord[];
  mappings: StoredMapping[];
}

export interface Persistence {
  /** Opens the storage if it is not open yet, and reads everything it holds (imports in id order). */
  load(): Promise<StoredData>;
  /**
   * Adds an import and sets the state, in one write; with `replacing`, the history is first
   * replaced by those records; with `mapping`, a column mapping is remembered. Returns the new id.
   */
  commitImport(record: Omit<ImportRecord, 'id'>, state: StoredState, replacing?: ImportRecord[], mapping?: StoredMapping): Promise<number>;
  /** Marks an import undone (or, with undoneAt undefined, counts it again). */
  setUndone(id: number, undoneAt: string | undefined): Promise<void>;
  saveState(state: StoredState): Promise<void>;
  /** Replaces everything (a workspace file, reset, delete) in one write. */
  replaceAll(data: StoredData, onProgress?: (fraction: number) => void): Promise<void>;
  /** How many records each part holds, read back. */
  counts(): Promise<{ imports: number; mappings: number; state: number }>;
}

const refuse = () => Promise.reject(new Error('A read-only snapshot keeps nothing in this browser.'));

/** For the read-only snapshot: nothing is read from the browser, and nothing is ever written to it. */
export const noPersistence: Persistence = {
  load: refuse,
  commitImport: refuse,
  setUndone: refuse,
  saveState: refuse,
  replaceAll: refuse,
  counts: refuse,
};
