/**
 * What the browser keeps in IndexedDB, and the versions of that shape.
 *
 * Everything is plain data (numbers, strings, arrays): integer pence, never Decimal objects, so it
 * clones into IndexedDB, through postMessage and into a workspace file unchanged.
 */
import type { Settings } from '../domain/calculate';
import type { Dataset } from '../domain/dataset';
import type { MapEntry } from '../import/costCentreMap';
import type { Kind } from '../import/kinds';
import type { NationalImport } from '../national/types';

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
 * 4: import records of kind 'national' hold the DfE's tables (`national`), apart from the
 *    council's data; settings may hold `laCode` and `comparators`.
 */
export const SCHEMA_VERSION = 4;

export const DB_NAME = 'dsg-monitor';

/** One cell an import changed: a period's actual for a line that already had one. */
export interface CellChange {
  fy: number;
  block: string;
  line: string;
  period: number;
  old: number;
  new: number | null;
}

/** Edits made by hand, each kept as a history record like an import, so it can be undone. */
export const MANUAL_KINDS = ['manual-agreement', 'manual-conditions', 'manual-contributions', 'manual-commentary', 'manual-scenarios', 'manual-costcentres'] as const;
export type ManualKind = (typeof MANUAL_KINDS)[number];

/** The DfE's published tables (src/national): their own history entries, apart from the council's data. */
export const NATIONAL_KIND = 'national';

/** The kind of an import: a file's kind, figures entered by hand, or the DfE's tables. */
export type ImportKind = Kind | ManualKind | typeof NATIONAL_KIND;

/** A period of a financial year, in one block. */
export interface PeriodOfBlock {
  fy: number;
  period: number;
  block: string;
}

/** One import, kept with its data so that it can be undone (and the data rebuilt without it). */
export interface ImportRecord {
  id: number;
  /** ISO 8601 time of the import. */
  time: string;
  file: string;
  /** Bytes. */
  size: number;
  /** Hex SHA-256 of the file's bytes ('' for figures entered by hand). */
  sha256: string;
  kind: ImportKind;
  kindLabel: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  rowsSkipped: number;
  /**
   * Rows a cost-centre map excluded (balance sheet, recharges, grant income): counted apart.
   * Version 3 stores it on every record; optional so that records built before it still type-check.
   */
  rowsExcluded?: number;
  warningCount: number;
  /** The rows with errors were left out at the user's choice. */
  leftOutRows: number[];
  /** Period figures this import replaced (shown before it was committed). */
  replaced: CellChange[];
  /** Ledger transactions add to what is held rather than replacing it. */
  additive: boolean;
  data: Dataset;
  /** A cost centre map file's entries, or (kind manual-costcentres) every mapping made by hand. */
  costCentreMap?: MapEntry[];
  /**
   * A ledger imported to "replace those periods": what earlier ledger imports held for these
   * periods and blocks no longer counts (rebuilt from the history, so undo restores it).
   */
  replaces?: PeriodOfBlock[];
  /** For kind 'national': the DfE tables the file held (its `data` is then empty). */
  national?: NationalImport;
  /** Set when the import has been undone: its data no longer counts. */
  undoneAt?: string;
}

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
