/**
 * The source stage's contract: a table source offers its first rows for the header search, then
 * every row as an array of cells, top to bottom, so a CSV text and a spreadsheet's sheet feed
 * the same detection, column and sink stages.
 */
import { HEADER_SEARCH_ROWS, type HeaderCandidate } from '../detect';

/** A row the source could not read (for a CSV, Papa Parse's error, such as a quote not closed). */
export interface ReadError {
  code: string;
  message: string;
}

/**
 * Rows of cells, in batches: row i of all the batches together (counting from 0) is the
 * spreadsheet's row i + 1, the header and any title lines above it included. `take` is given
 * each batch with the errors of its rows (by index in the batch), and returns false to stop.
 */
export type TakeRows = (rows: string[][], errorsAt: Map<number, ReadError[]> | undefined) => boolean;

export interface TableSource {
  /** Nothing at all in it (an empty or all-white-space file, or a sheet of empty cells). */
  readonly empty: boolean;
  /** The first rows, each way the source may be read (a CSV: once per delimiter). */
  headerCandidates(): Iterable<HeaderCandidate>;
  /** Every row from the top, a batch at a time, split as the detected candidate was (`delimiter`). */
  read(delimiter: string | undefined, take: TakeRows): void;
  /** How far through the source the rows given so far reach, 0 to 1. */
  fraction(): number;
}

/**
 * Rows already held as arrays, such as a spreadsheet's sheet: row 0 is the sheet's row 1.
 * A row of no cells is blank, as a row of one empty cell is.
 */
export function arraySource(rows: string[][]): TableSource {
  let taken = 0;
  return {
    empty: rows.every((row) => row.every((cell) => (cell ?? '').trim() === '')),
    headerCandidates: () => [{ rows: rows.slice(0, HEADER_SEARCH_ROWS + 1) }],
    read(_delimiter, take) {
      taken = rows.length;
      take(rows, undefined);
    },
    fraction: () => (rows.length === 0 ? 1 : taken / rows.length),
  };
}
