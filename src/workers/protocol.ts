/** Messages between the page and the import worker: plain, structured-cloneable data only. */
import type { MapEntry } from '../model/costCentreMap';
import type { FormChoices } from '../import/forms';
import type { ImportResult } from '../import/importFile';
import type { ColumnChoices } from '../import/kinds';
import type { Kind } from '../model/kinds';
import type { NationalImport } from '../model/national';

export interface ImportRequest {
  file: Blob;
  name: string;
  kind?: Kind;
  columns?: ColumnChoices;
  /** The cost-centre map (hand > file > budget, merged) for rows without a block or line. */
  costCentreMap?: MapEntry[];
  maxBytes?: number;
  /** A workbook's sheet to read, by name (otherwise the first of a known kind). */
  sheet?: string;
  /** The forms the user chose for this file where it cannot say (what 202304 means, and the like). */
  forms?: FormChoices;
}

export type ImportReply =
  | { type: 'progress'; fraction: number; rows: number }
  | { type: 'done'; result: ImportResult; sha256: string; size: number }
  /** A DfE file (release zip, its tables, the allocations workbook): read by src/national. */
  | { type: 'national'; national: NationalImport; sha256: string; size: number }
  | { type: 'failed'; message: string };
