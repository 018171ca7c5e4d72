/** Messages between the page and the import worker: plain, structured-cloneable data only. */
import type { MapEntry } from '../model/costCentreMap';
import type { ImportResult } from '../import/importFile';
import type { ColumnChoices } from '../import/kinds';
import type { Kind } from '../model/kinds';

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
}

export type ImportReply =
  | { type: 'progress'; fraction: number; rows: number }
  | { type: 'done'; result: ImportResult; sha256: string; size: number }
  | { type: 'failed'; message: string };
