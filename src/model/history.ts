/**
 * The import history: one record per import or hand edit, kept with its data so it can be undone
 * and the data rebuilt without it. Plain data: this is what IndexedDB and workspace files hold,
 * so a change of shape here raises SCHEMA_VERSION in `storage/schema.ts`.
 */
import type { MapEntry } from './costCentreMap';
import type { Dataset } from './dataset';
import type { Kind } from './kinds';
import type { NationalImport } from './national';
import type { Pence } from './money';

/** One cell an import changed: a period's actual for a line that already had one. */
export interface CellChange {
  fy: number;
  block: string;
  line: string;
  period: number;
  old: Pence;
  new: Pence | null;
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
  /** A workbook's sheet the import read: with sha256, what "imported before" is checked on. */
  sheet?: string;
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
