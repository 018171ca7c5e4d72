/**
 * One file in, one ImportResult out, through the import's stages:
 *   sources/ (CSV text from bytes or a string; rows held as arrays, such as a spreadsheet's sheet)
 *   → detect.ts (header row and kind) → columns.ts (cells read as fields) → sinks/ (one per kind).
 * Each row goes straight from the source into the kind's validating aggregator, so a ledger is
 * never held as rows. Pure: no file system, DOM or storage, so the CLI and the browser's worker
 * run it unchanged.
 */
import { TOTAL_LIMIT_WORDS } from '../domain/exactRange';
import { quoteValue } from '../domain/quote';
import { analyseEhcp } from '../domain/ehcp';
import { emptyDataset, type Dataset } from '../model/dataset';
import { NotUtf8Error, decodeChunks, notUtf8Reading, sniffBytes, type Encoding } from './sources/decode';
import { describeColumns, detectHeader, type ColumnUse } from './detect';
import { KIND_LABELS, type Kind } from '../model/kinds';
import type { ColumnChoices, Field } from './kinds';
import { MAX_KEPT_PROBLEMS, columnLetter, columnName, type Problem, type RowContext, type SkippedRow } from './problems';
import { createSink } from './sinks';
import type { CostCentreSummary } from './costCentreMap';
import type { MapEntry } from '../model/costCentreMap';
import { usesCostCentreMap } from './costCentreStage';
import type { FormChoices } from './forms';
import type { FormQuestion, OpenQuestion } from './forms';
import { SPEND_OVER_500_WARNING, detectForms, looksLikeSpendOver500 } from './sourceForms';
import { PARSE_CHUNK_CHARS, csvSource, piecesOf } from './sources/csv';
import { arraySource, type ReadError, type TableSource } from './sources/table';

export { HEADER_SEARCH_ROWS, type ColumnUse, type Detection } from './detect';
export { HEAD_CHARS, PARSE_CHUNK_CHARS, detect, guessLineEnding, headOf } from './sources/csv';

/** The largest file accepted: 1 GB is well beyond a year's ledger (117 MB per million rows). */
export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;

export interface ImportOptions {
  /** The kind the user chose, overriding detection. */
  kind?: Kind;
  /** With `kind`: the user's column mapping, laid over the columns matched by their names. */
  columns?: ColumnChoices;
  maxBytes?: number;
  /** Called every so many rows with the share of the text parsed, 0 to 1. */
  onProgress?: (fraction: number, rows: number) => void;
  /** Polled during the parse; true stops it (the result then has cancelled: true and no data). */
  shouldCancel?: () => boolean;
  /** Characters parsed at a time (tests set it small to cut rows across chunks). */
  chunkChars?: number;
  /** The cost-centre map for rows that give a cost centre or account but no block or line. */
  costCentreMap?: readonly MapEntry[];
  /**
   * The finance system's forms where the file cannot say: number format (uk, european), six-digit
   * period codes (calendar, fiscal), single-number years (start, end), units (pounds, thousands,
   * millions). Each is otherwise detected from the file; where it cannot be, the cells are errors
   * that name the option.
   */
  forms?: FormChoices;
}

/** One sheet of a workbook, as the sheet chooser lists it. */
export interface SheetInfo {
  name: string;
  kind?: Kind;
  kindLabel?: string;
  hidden: boolean;
  empty: boolean;
}

export interface ImportResult {
  file: string;
  kind?: Kind;
  kindLabel?: string;
  encoding?: Encoding;
  delimiter?: string;
  /** The header's row number as a spreadsheet shows it. */
  headerRow?: number;
  columns: ColumnUse[];
  /** The header row's cells; where no header was recognised, the widest row near the top (for mapping by hand). */
  header?: string[];
  /** The field each column of the header is read as (column index → field), for the mapping screen. */
  fieldOf?: Record<number, Field>;
  /** Columns the kind does not use: ignored, and listed so the user can see it. */
  extraColumns: string[];
  /** Data rows below the header, blank ones included. */
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  skipped: SkippedRow[];
  errors: Problem[];
  /** Every error, including any past those kept in `errors`. */
  errorCount: number;
  warnings: Problem[];
  cancelled?: boolean;
  /** What the cost-centre map did, for a file whose blocks and lines come from it. */
  costCentres?: CostCentreSummary;
  /** A cost centre map file's entries. */
  costCentreMap?: MapEntry[];
  /** A workbook's: the sheet read, and every sheet with the kind its header says (src/import/workbook.ts). */
  sheet?: string;
  sheets?: SheetInfo[];
  /**
   * The forms the file leaves open, as the column stage found them (which setting, its values,
   * the first cell, how many errors and rows wait on it), in the order first raised; each of
   * those errors carries its `question`. Absent where the file leaves none open.
   */
  openQuestions?: OpenQuestion[];
  /** A form the file leaves open (such as what 202304 means), with a preview under each reading (src/import/formChoices.ts). */
  formQuestion?: FormQuestion;
  /** The valid rows, aggregated. Held back by callers while errors stand, unless the user chooses. */
  data: Dataset;
}

function emptyResult(file: string): ImportResult {
  return {
    file, columns: [], extraColumns: [], rowsRead: 0, rowsImported: 0, rowsRejected: 0,
    skipped: [], errors: [], errorCount: 0, warnings: [], data: emptyDataset(),
  };
}

function fileError(result: ImportResult, message: string, accepted?: string): ImportResult {
  result.errors.push({ severity: 'error', file: result.file, message, ...(accepted ? { accepted } : {}) });
  result.errorCount++;
  return result;
}

export function importText(text: string, file: string, options: ImportOptions = {}): ImportResult {
  const chunkChars = Math.max(1, options.chunkChars ?? PARSE_CHUNK_CHARS);
  return importSource(csvSource(piecesOf(text, chunkChars), chunkChars), file, options);
}

/**
 * Rows already held as arrays of cells, such as a spreadsheet's sheet: row 0 is the sheet's
 * row 1, so row numbers in messages are the sheet's. Read as a CSV of the same cells would be.
 */
export function importTable(rows: string[][], file: string, options: ImportOptions = {}): ImportResult {
  return importSource(arraySource(rows), file, options);
}

/**
 * The import itself, on any table source: its first rows find the header and the kind; then
 * every row is read and aggregated as the source yields it.
 */
function importSource(source: TableSource, file: string, options: ImportOptions): ImportResult {
  const result = emptyResult(file);
  if (source.empty) return fileError(result, 'the file is empty', 'a CSV file with a header row and data rows');
  const det = detectHeader(source.headerCandidates(), options.kind, options.columns);
  if ('error' in det) {
    result.header = det.widest;
    fileError(result, det.error, det.accepted);
    if (looksLikeSpendOver500(file, {}, det.widest)) result.warnings.push({ severity: 'warning', file, message: SPEND_OVER_500_WARNING });
    return result;
  }
  // The file's own forms, detected once from its title lines, header and first rows.
  const detected = detectForms(det, options.forms, file);
  det.map = detected.map;
  for (const w of detected.warnings) result.warnings.push({ ...w, file });
  if (usesCostCentreMap(det.map, detected.forms.blockHeadings) && det.map.fields.block === undefined && det.map.fields.line !== undefined) {
    // Without a block column the map gives the line too: a "description" column is the transaction's, not the budget line.
    const { line, ...fields } = det.map.fields;
    det.map = { ...det.map, fields, extra: [...det.map.extra, line].sort((a, b) => a - b) };
  }
  const { columns, extra } = describeColumns(det);
  const bva = detected.forms.budgetVsActual;
  if (bva) {
    // A budget-v-actual report's actual and forecast columns are read too, by its actuals reader.
    for (const [field, label] of [['actual', 'actual (year to date)'], ['forecast', 'forecast outturn']] as const) {
      const col = bva.fields[field];
      if (col === undefined) continue;
      const name = columnName(det.header, col);
      columns.push({ column: name, field: field === 'actual' && !bva.ytd ? 'actual' : label });
      const at = extra.indexOf(name);
      if (at >= 0) extra.splice(at, 1);
    }
  }
  Object.assign(result, {
    kind: det.map.kind,
    kindLabel: detected.kindLabel ?? KIND_LABELS[det.map.kind],
    ...(det.delimiter !== undefined ? { delimiter: det.delimiter } : {}),
    headerRow: det.headerIndex + 1,
    columns,
    header: det.header,
    fieldOf: Object.fromEntries(Object.entries(det.map.fields).map(([f, c]) => [c, f as Field])),
    extraColumns: extra,
  });
  const ctx: RowContext = {
    file, header: det.header, errors: result.errors, warnings: result.warnings, skipped: result.skipped, errorCount: 0,
    ...(options.kind ? { kindChosen: true } : {}),
  };
  const width = det.header.length;
  const sink = createSink(ctx, det.map, detected.forms, options.costCentreMap);
  let index = -1;
  let cancelled = false;
  const pendingBlank: number[] = [];
  // A value with no heading above it cannot be read as anything: the row is an error, never cut short silently.
  const beyondHeader = (row: string[], width: number, rowNumber: number): boolean => {
    let col = width;
    while (col < row.length && (row[col] ?? '').trim() === '') col++;
    if (col >= row.length) return false;
    ctx.errorCount++;
    result.rowsRejected++;
    if (ctx.errors.length < MAX_KEPT_PROBLEMS) ctx.errors.push({
      severity: 'error', file, row: rowNumber, column: columnLetter(col), value: (row[col] ?? '').trim(),
      message: `the row has ${row.length} values but the header row (row ${det.headerIndex + 1}) has ${width} columns, so this value has no heading and the row was not read`,
      accepted: 'a heading for every column, and no value to the right of the last heading',
    });
    return true;
  };
  const handleRow = (row: string[], rowErrors: ReadError[] | undefined) => {
    index++;
    if (index <= det.headerIndex) return;
    const rowNumber = index + 1;
    // Blank lines are held back until a later row arrives, so trailing newlines go unremarked.
    if (rowErrors === undefined && (row.length === 0 || (row.length === 1 && (row[0] ?? '').trim() === ''))) {
      pendingBlank.push(rowNumber);
      return;
    }
    if (pendingBlank.length > 0) {
      for (const blank of pendingBlank) {
        result.rowsRead++;
        sink.row([''], blank);
      }
      pendingBlank.length = 0;
    }
    result.rowsRead++;
    if (rowErrors !== undefined) {
      for (const [i, e] of rowErrors.entries()) {
        // Papa may report one malformed quote more than once: say it once.
        if (rowErrors.findIndex((o) => o.code === e.code) !== i) continue;
        ctx.errorCount++;
        // A quoting error is in the row's last value read: an unclosed quote runs on to the end of the file.
        const col = row.length - 1;
        const lines = (row[col] ?? '').split(/\r\n|\n|\r/);
        const runOn = lines.length > 1 && lines.slice(1).some((l) => l.trim() !== '')
          ? `, so everything after it, to the end of the file, was read as this one value and not imported` : '';
        if (ctx.errors.length < MAX_KEPT_PROBLEMS) ctx.errors.push({
          severity: 'error', file, row: rowNumber,
          ...(col >= 0 ? { column: columnName(det.header, col), value: quoteValue(lines[0]!.trim()) } : {}),
          message: e.code === 'MissingQuotes' ? `a quoted value is not closed (a " is missing)${runOn}` : `the row could not be read (${e.message})`,
          accepted: 'CSV with each quoted value closed',
        });
      }
      result.rowsRejected++;
      return;
    }
    if (row.length > width && beyondHeader(row, width, rowNumber)) return;
    const outcome = sink.row(row, rowNumber);
    if (outcome === 'imported') result.rowsImported++;
    else if (outcome === 'rejected') result.rowsRejected++;
  };
  source.read(det.delimiter, (rows, errorsAt) => {
    for (let i = 0; i < rows.length; i++) {
      handleRow(rows[i]!, errorsAt?.get(i));
      if ((index & 0x3fff) === 0) {
        options.onProgress?.(source.fraction(), result.rowsRead);
        if (options.shouldCancel?.()) {
          cancelled = true;
          return false;
        }
      }
    }
    return true;
  });
  if (cancelled) {
    result.cancelled = true;
    result.data = emptyDataset();
    return result;
  }
  result.data = sink.finish();
  if (sink.costCentres) result.costCentres = sink.costCentres.finish();
  if (ctx.costCentreMap) result.costCentreMap = ctx.costCentreMap;
  if (ctx.totalPassedAt !== undefined) {
    // Figures whose totals cannot be exact are refused whole, never half-imported.
    result.data = emptyDataset();
    result.rowsRejected += result.rowsImported;
    result.rowsImported = 0;
    ctx.errorCount++;
    result.errors.unshift({
      severity: 'error', file, row: ctx.totalPassedAt,
      message: `the amounts from the first data row to this one add up to more than £10 trillion (ignoring signs), too much for their totals to be held exactly to the penny, so nothing from the file is imported`,
      accepted: TOTAL_LIMIT_WORDS,
    });
  }
  result.errorCount = ctx.errorCount;
  if (ctx.openQuestions) result.openQuestions = [...ctx.openQuestions.values()].map((q) => q.question);
  if (ctx.lateRejected) {
    result.rowsImported -= ctx.lateRejected;
    result.rowsRejected += ctx.lateRejected;
  }
  if (ctx.readAs) Object.assign(result, { kind: ctx.readAs, kindLabel: KIND_LABELS[ctx.readAs] });
  // The EHCP view's reconciliation (src/domain/ehcp.ts) run on the file's own months, so the card's
  // warning count is the count the EHCP view will show for this file: one check, in one place.
  if (result.data.ehcp.length > 0) {
    for (const w of analyseEhcp(result.data.ehcp, []).flatMap((m) => m.warnings)) {
      result.warnings.push({ severity: 'warning', file, message: `reconciliation: ${w}` });
    }
  }
  // Rows that are all blank, totals or headings are no data either: say so rather than import nothing.
  if (result.rowsImported + result.rowsRejected + (result.costCentres?.excludedRows ?? 0) === 0) fileError(result, 'the file has a header row but no data rows', 'a CSV file with data rows below its header');
  options.onProgress?.(1, result.rowsRead);
  return result;
}

export function importBytes(bytes: Uint8Array, file: string, options: ImportOptions = {}): ImportResult {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) {
    return fileError(emptyResult(file), `the file is ${bytes.length.toLocaleString('en-GB')} bytes, over the limit of ${max.toLocaleString('en-GB')}`, 'a smaller file (split the ledger by period)');
  }
  const sniffed = sniffBytes(bytes);
  if (!sniffed.ok) return fileError(emptyResult(file), sniffed.reason, 'a CSV file saved as text (UTF-8, UTF-16 or Windows-1252)');
  const step = Math.max(4, options.chunkChars ?? PARSE_CHUNK_CHARS);
  const total = bytes.length - sniffed.start;
  const read = { bytes: sniffed.start };
  const run = (encoding: Encoding, pieces: Generator<string>): ImportResult => {
    const text = { pieces, fraction: () => (total === 0 ? 1 : Math.min(1, (read.bytes - sniffed.start) / total)) };
    const result = importSource(csvSource(text, Math.max(1, options.chunkChars ?? PARSE_CHUNK_CHARS)), file, options);
    result.encoding = encoding;
    return result;
  };
  try {
    return run(sniffed.encoding, decodeChunks(bytes, sniffed.encoding, sniffed.start, step, read));
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
  }
  // Not UTF-8 throughout: start again as Windows-1252, or as UTF-8 with a few stray bytes, saying so.
  const other = notUtf8Reading(bytes, sniffed.start, step, read);
  const result = run(other.encoding, other.pieces);
  const { census } = other;
  if (other.encoding === 'utf-8, with some Windows-1252 bytes') {
    result.warnings.unshift({
      severity: 'warning', file,
      message: `the file is UTF-8, but ${census.invalid === 1 ? '1 byte in it is' : `${census.invalid.toLocaleString('en-GB')} bytes in it are`} not (the first on line ${census.firstInvalidLine.toLocaleString('en-GB')}): read as Windows-1252 characters, such as £; check those values`,
      accepted: 'a file saved in one encoding: UTF-8, or Windows-1252 ("CSV" in Excel)',
    });
  }
  return result;
}
