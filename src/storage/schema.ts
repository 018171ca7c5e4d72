/**
 * What the browser keeps in IndexedDB, and the versions of that shape.
 *
 * Everything is plain data (numbers, strings, arrays): integer pence, never Decimal objects, so it
 * clones into IndexedDB, through postMessage and into a workspace file unchanged. The records'
 * shapes are the model's (src/model: ImportRecord in history.ts, the Dataset, Settings): a change
 * of shape there is a change of this schema.
 */
import type { Settings } from '../model/settings';
import type { Kind } from '../model/kinds';

/**
 * The stored schema's version. Raise it by one for every change of shape, and add a step to
 * MIGRATIONS in db.ts that turns the previous version into this one, with a test against a frozen
 * copy of the old shape (tests/storage/migrations.test.ts).
 *
 * 1: `imports` (one record per import, with its data) and `state` (source and settings).
 * 2: `mappings` (column mappings remembered per header) added; import records gain `rowsSkipped`.
 * 3: import records gain `rowsExcluded` (rows a cost-centre map excluded) and, where they have them,
 *    `costCentreMap` (a map file's entries, or the hand mappings: kind `manual-costcentres`) and
 *    `replaces` (the periods a ledger re-upload replaced).
 */
export const SCHEMA_VERSION = 3;

export const DB_NAME = 'dsg-monitor';

export interface StoredState {
  /** 'example' until the user's first import (or after "reset to the example data"). */
  source: 'example' | 'user';
  settings: Settings;
}

/** A column mapping the user chose, remembered for files with the same header. */
export interface StoredMapping {
  /** The header's normalised cells joined with '|'. */
  header: string;
  kind: Kind;
  /** Column index → field name. */
  columns: Record<number, string>;
}

export const DEFAULT_STATE: StoredState = { source: 'example', settings: { tolerance: '0.02' } };
