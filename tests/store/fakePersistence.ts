/**
 * A persistence held in memory for the store's tests: it keeps copies (as IndexedDB does, so the
 * store cannot share objects with it), records each call, and can be told to fail its next write
 * or every load.
 */
import type { ImportRecord } from '../../src/model/history';
import { DEFAULT_STATE } from '../../src/storage/schema';
import type { Persistence, StoredData } from '../../src/storage/persistence';

export interface FakePersistence extends Persistence {
  /** What is stored now. */
  held: StoredData;
  /** Every call made, by name, in order. */
  calls: string[];
  /** The next write rejects with this (then writes work again). */
  failNextWrite(error: Error): void;
  /** Every load rejects with this. */
  failLoads(error: Error): void;
}

export function fakePersistence(start: Partial<StoredData> = {}): FakePersistence {
  const held: StoredData = structuredClone({ state: DEFAULT_STATE, imports: [], mappings: [], ...start });
  let nextId = held.imports.reduce((m, r) => Math.max(m, r.id), 0) + 1;
  let writeError: Error | null = null;
  let loadError: Error | null = null;
  const calls: string[] = [];

  /** A write all or nothing: the body changes a copy, kept only if it finishes. */
  const write = async <T>(name: string, body: (d: StoredData) => T): Promise<T> => {
    calls.push(name);
    await Promise.resolve();
    if (writeError) {
      const e = writeError;
      writeError = null;
      throw e;
    }
    const draft = structuredClone(fake.held);
    const value = body(draft);
    fake.held = draft;
    return value;
  };

  const fake: FakePersistence = {
    held,
    calls,
    failNextWrite(error) {
      writeError = error;
    },
    failLoads(error) {
      loadError = error;
    },
    async load() {
      calls.push('load');
      if (loadError) throw loadError;
      return structuredClone(fake.held);
    },
    commitImport(record, state, replacing, mapping) {
      return write('commitImport', (d) => {
        if (mapping) d.mappings = [...d.mappings.filter((m) => m.header !== mapping.header), structuredClone(mapping)];
        if (replacing) d.imports = structuredClone(replacing);
        const id = Math.max(nextId, ...d.imports.map((r) => r.id + 1));
        nextId = id + 1;
        d.imports.push({ ...structuredClone(record), id } as ImportRecord);
        d.state = structuredClone(state);
        return id;
      });
    },
    setUndone(id, undoneAt) {
      return write('setUndone', (d) => {
        const rec = d.imports.find((r) => r.id === id);
        if (!rec) throw new Error(`import ${id} is not in the history`);
        if (undoneAt) rec.undoneAt = undoneAt;
        else delete rec.undoneAt;
      });
    },
    saveState(state) {
      return write('saveState', (d) => {
        d.state = structuredClone(state);
      });
    },
    replaceAll(data) {
      return write('replaceAll', (d) => {
        const copy = structuredClone(data);
        d.state = copy.state;
        d.imports = copy.imports;
        d.mappings = copy.mappings;
      });
    },
    async counts() {
      calls.push('counts');
      return { imports: fake.held.imports.length, mappings: fake.held.mappings.length, state: 1 };
    },
  };
  return fake;
}
