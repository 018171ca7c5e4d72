/** What the importer tells the user: every message names file, row, column, value and what is accepted. */
import type { MapEntry } from '../model/costCentreMap';
import { quoteValue } from '../domain/quote';
import type { FormQuestionKey, OpenQuestion } from './forms';

export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  /** The row number as a spreadsheet shows it (1 = the first line of the file). */
  row?: number;
  /** The column's header as the file has it, with its spreadsheet letter. */
  column?: string;
  value?: string;
  message: string;
  accepted?: string;
  /** The form the file leaves open that this error waits on: answered, the cell may read (forms.ts, OpenQuestion). */
  question?: FormQuestionKey;
}

export interface SkippedRow {
  row: number;
  reason: string;
}

/** Where the column stage and the sinks report problems and notes, for one file. */
export interface RowContext {
  file: string;
  header: string[];
  errors: Problem[];
  warnings: Problem[];
  skipped: SkippedRow[];
  /** Count of every error, even past the cap on those kept. */
  errorCount: number;
  /** Rows a sink took and then, at the end of the file, rejected (repeats in a file that is not a ledger). */
  lateRejected?: number;
  /** The kind the rows showed the file to be, where it differs from the kind its header was taken as. */
  readAs?: 'ledger';
  /** The user chose the kind: the file is read as that kind, whatever its rows look like. */
  kindChosen?: boolean;
  /** A cost centre map file's entries, once it is read (a map holds no figures of its own). */
  costCentreMap?: MapEntry[];
  /** The absolute amounts read so far, added up, and the row at which they passed MAX_TOTAL_PENCE. */
  moneyTotal?: number;
  totalPassedAt?: number;
  /** The forms the file leaves open, in the order first raised, with the last row counted for each. */
  openQuestions?: Map<FormQuestionKey, { question: OpenQuestion; lastRow: number }>;
}

/** Errors kept for the user; past this they are only counted. */
export const MAX_KEPT_PROBLEMS = 5000;

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnName(header: string[], index: number): string {
  const name = quoteValue((header[index] ?? '').trim());
  return name ? `${columnLetter(index)} (${name})` : columnLetter(index);
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.row !== undefined ? `row ${p.row}` : undefined, p.column !== undefined ? `column ${p.column}` : undefined]
    .filter(Boolean)
    .join(', ');
  const value = p.value !== undefined ? ` value "${quoteValue(p.value)}":` : '';
  const accepted = p.accepted ? ` Accepted: ${p.accepted}.` : '';
  return `${p.severity === 'error' ? 'Error' : 'Warning'}: ${where}:${value} ${p.message}.${accepted}`;
}

/** "rows 3, 5, 9 and 2 more": keeps long lists of rows readable. */
export function listRows(rows: number[], max = 20): string {
  const shown = rows.slice(0, max).join(', ');
  const more = rows.length > max ? ` and ${rows.length - max} more` : '';
  return `${rows.length === 1 ? 'row' : 'rows'} ${shown}${more}`;
}
