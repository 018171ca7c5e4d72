/**
 * One file in, one ImportResult out: decode, find the delimiter, the header row and the kind,
 * then parse the text a piece at a time with Papa Parse, each row going straight into the kind's
 * validating aggregator.
 * Pure: no file system, DOM or storage, so the CLI and the browser's worker run it unchanged.
 */
import { analyseEhcp } from '../domain/ehcp';
import Papa from 'papaparse';
import { emptyDataset, type Dataset } from '../domain/dataset';
import { NotUtf8Error, decodeChunks, notUtf8Reading, sniffBytes, type Encoding } from './decode';
import { FIELD_LABELS, KIND_LABELS, KIND_PRIORITY, applyChoices, describeRequired, mapColumns, satisfies, type ColumnChoices, type ColumnMap, type Field, type Kind } from './kinds';
import { columnName, type Problem, type SkippedRow } from './problems';
import { MAX_KEPT_PROBLEMS, createSink, type RowContext } from './rows';

/** Rows searched for the header, below any title lines. */
export const HEADER_SEARCH_ROWS = 20;
/** The largest file accepted: 1 GB is well beyond a year's ledger (117 MB per million rows). */
export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;

const DELIMITERS = [',', '\t', ';', '|'] as const;

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
}

/**
 * The text is parsed a quarter of a million characters (about 2,500 ledger rows) at a time: a
 * chunk's rows then die young, in the collector's cheap young generation. Chunks of millions of
 * characters outlive it and made a million-row import a quarter slower.
 */
export const PARSE_CHUNK_CHARS = 256 * 1024;

export interface ColumnUse {
  column: string;
  field: string;
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

export interface Detection {
  delimiter: string;
  /** 0-based index of the header record. */
  headerIndex: number;
  header: string[];
  map: ColumnMap;
}

/**
 * The top of the text, where the header is searched for. Papa's preview option still splits the
 * whole text into lines first (a million lines, for each delimiter tried), so it is given only the
 * first lines: four times as many as the rows searched, leaving room for values that run onto
 * several lines.
 */
export function headOf(text: string): string {
  let at = 0;
  for (let n = 0; n < 4 * (HEADER_SEARCH_ROWS + 1); n++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text;
    at = next + 1;
  }
  return text.substring(0, at);
}

function previewRows(text: string, delimiter: string): string[][] {
  const head = headOf(text);
  const rows = Papa.parse<string[]>(head, { delimiter, preview: HEADER_SEARCH_ROWS + 1, header: false }).data;
  // Rows so long, or so full of line breaks, that the head holds too few of them: read the whole text.
  if (head.length < text.length && rows.length < HEADER_SEARCH_ROWS + 1) {
    return Papa.parse<string[]>(text, { delimiter, preview: HEADER_SEARCH_ROWS + 1, header: false }).data;
  }
  return rows;
}

/** Finds the delimiter, header row and kind: the first row, within the first 20, that has a kind's required columns. */
export function detect(text: string, kind?: Kind, choices?: ColumnChoices): Detection | { error: string; accepted: string; widest: string[] } {
  const kinds = kind ? [kind] : KIND_PRIORITY;
  let best: (Detection & { score: number }) | undefined;
  let widest: string[] = [];
  for (const delimiter of DELIMITERS) {
    const rows = previewRows(text, delimiter);
    for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
      const row = rows[i]!;
      if (row.length > widest.length) widest = row;
      const found = kinds.map((k) => (choices && kind ? applyChoices(mapColumns(k, row), row, choices) : mapColumns(k, row))).find(satisfies);
      if (found) {
        const score = Object.keys(found.fields).length + found.months.length - i / 100;
        if (!best || score > best.score) best = { delimiter, headerIndex: i, header: row, map: found, score };
        break;
      }
    }
  }
  if (best) return best;
  const seen = widest.map((h) => h.trim()).filter(Boolean).slice(0, 15).join(', ');
  const wanted = kind
    ? `a ${KIND_LABELS[kind]} file needs columns for ${describeRequired(kind)}`
    : 'for example a budget file needs columns for ' + describeRequired('budget') + '; actuals need ' + describeRequired('actuals');
  return {
    error: kind
      ? `no row within the first ${HEADER_SEARCH_ROWS} has the columns of a ${KIND_LABELS[kind]} file (columns seen: ${seen || 'none'})`
      : `the kind of file could not be recognised: no row within the first ${HEADER_SEARCH_ROWS} has the columns of any kind (columns seen: ${seen || 'none'})`,
    accepted: wanted,
    widest,
  };
}

function describeColumns(det: Detection): { columns: ColumnUse[]; extra: string[] } {
  const columns: ColumnUse[] = Object.entries(det.map.fields).map(([field, col]) => ({
    column: columnName(det.header, col),
    field: FIELD_LABELS[field as Field] + (field === 'actual' && det.map.ytd ? ' (year to date)' : ''),
  }));
  for (const m of det.map.months) {
    columns.push({ column: columnName(det.header, m.col), field: det.map.kind === 'budget' ? `budget profile P${m.period}` : `actual P${m.period}` });
  }
  columns.sort((a, b) => a.column.localeCompare(b.column, 'en', { numeric: true }));
  return { columns, extra: det.map.extra.map((c) => columnName(det.header, c)) };
}

/** The line ending Papa.parse would guess (its ParserHandle.guessLineEndings): quoted text aside, \n, \r\n or \r. */
export function guessLineEnding(text: string): '\n' | '\r\n' | '\r' {
  const input = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  if (r.length === 1 || (n.length > 1 && n[0]!.length < r[0]!.length)) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

/** The text read for the header search and the line ending: the first million characters. */
export const HEAD_CHARS = 1024 * 1024;

/** Text that arrives a piece at a time, and how far through the file the pieces taken so far reach (0 to 1). */
interface TextPieces {
  pieces: Iterator<string>;
  fraction(): number;
}

/** One text, in pieces of `chunkChars`. */
function piecesOf(text: string, chunkChars: number): TextPieces {
  let at = 0;
  return {
    pieces: (function* () {
      for (; at < text.length; at += chunkChars) yield text.substring(at, at + chunkChars);
    })(),
    fraction: () => (text.length === 0 ? 1 : Math.min(1, at / text.length)),
  };
}

export function importText(text: string, file: string, options: ImportOptions = {}): ImportResult {
  return importPieces(piecesOf(text, Math.max(1, options.chunkChars ?? PARSE_CHUNK_CHARS)), file, options);
}

/**
 * The import itself, on text taken a piece at a time: the first million characters find the
 * header, the kind and the line ending; then every piece is parsed and its rows aggregated, so
 * neither the rows nor (from bytes) the whole text are ever held at once.
 */
function importPieces(source: TextPieces, file: string, options: ImportOptions): ImportResult {
  const result = emptyResult(file);
  const headParts: string[] = [];
  let headLength = 0;
  let ahead = source.pieces.next();
  while (!ahead.done && headLength < HEAD_CHARS) {
    headParts.push(ahead.value);
    headLength += ahead.value.length;
    ahead = source.pieces.next();
  }
  let head = headParts.join('');
  headParts.length = 0;
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  if (ahead.done && head.trim() === '') return fileError(result, 'the file is empty', 'a CSV file with a header row and data rows');
  const det = detect(head, options.kind, options.columns);
  if ('error' in det) {
    result.header = det.widest;
    return fileError(result, det.error, det.accepted);
  }
  const { columns, extra } = describeColumns(det);
  Object.assign(result, {
    kind: det.map.kind,
    kindLabel: KIND_LABELS[det.map.kind],
    delimiter: det.delimiter,
    headerRow: det.headerIndex + 1,
    columns,
    header: det.header,
    fieldOf: Object.fromEntries(Object.entries(det.map.fields).map(([f, c]) => [c, f as Field])),
    extraColumns: extra,
  });
  const ctx: RowContext = { file, header: det.header, errors: result.errors, warnings: result.warnings, skipped: result.skipped, errorCount: 0 };
  const sink = createSink(ctx, det.map);
  let index = -1;
  let cancelled = false;
  const pendingBlank: number[] = [];
  const handleRow = (row: string[], rowErrors: Papa.ParseError[] | undefined) => {
    index++;
    if (index <= det.headerIndex) return;
    const rowNumber = index + 1;
    // Blank lines are held back until a later row arrives, so trailing newlines go unremarked.
    if (rowErrors === undefined && row.length === 1 && row[0]!.trim() === '') {
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
          ...(col >= 0 ? { column: columnName(det.header, col), value: lines[0]!.trim() } : {}),
          message: e.code === 'MissingQuotes' ? `a quoted value is not closed (a " is missing)${runOn}` : `the row could not be read (${e.message})`,
          accepted: 'CSV with each quoted value closed',
        });
      }
      result.rowsRejected++;
      return;
    }
    const outcome = sink.row(row, rowNumber);
    if (outcome === 'imported') result.rowsImported++;
    else if (outcome === 'rejected') result.rowsRejected++;
  };
  // Papa's core Parser, called directly on a chunk of text at a time, as Papa's own
  // streamers do (a row cut by a chunk's end is carried into the next chunk), so the parser never
  // splits the whole file at once. Without a step callback it returns the chunk's rows as arrays:
  // step mode would wrap every row in a result object of its own, which costs a million-row
  // ledger about a fifth of its import time, and Papa.parse would wrap each row once more.
  const config = { delimiter: det.delimiter, newline: guessLineEnding(head), quoteChar: '"' } as Papa.ParseConfig;
  const chunkChars = Math.max(1, options.chunkChars ?? PARSE_CHUNK_CHARS);
  // The head in pieces of the usual size, then the pieces still to come.
  const pieces = (function* () {
    for (let at = 0; at < head.length; at += chunkChars) yield head.substring(at, at + chunkChars);
    for (; !ahead.done; ahead = source.pieces.next()) yield ahead.value;
  })();
  let next = pieces.next();
  let partial = '';
  // Where a piece ends inside a value (an unclosed quote runs on for megabytes), the next parse
  // waits for twice the text, so a runaway value is rescanned a few times rather than once a piece.
  let want = 0;
  while (!cancelled && !next.done) {
    let input = partial + next.value;
    next = pieces.next();
    while (input.length < want && !next.done) {
      input += next.value;
      next = pieces.next();
    }
    const last = next.done === true;
    const parsed = new Papa.Parser(config).parse(input, 0, !last) as Papa.ParseResult<string[]>;
    let errorsAt: Map<number, Papa.ParseError[]> | undefined;
    for (const e of parsed.errors) {
      errorsAt ??= new Map();
      const at = e.row ?? 0;
      const list = errorsAt.get(at);
      if (list) list.push(e);
      else errorsAt.set(at, [e]);
    }
    const rows = parsed.data;
    for (let i = 0; i < rows.length; i++) {
      handleRow(rows[i]!, errorsAt?.get(i));
      if ((index & 0x3fff) === 0) {
        options.onProgress?.(source.fraction(), result.rowsRead);
        if (options.shouldCancel?.()) {
          cancelled = true;
          break;
        }
      }
    }
    if (last) break;
    partial = input.substring(parsed.meta.cursor);
    want = parsed.meta.cursor === 0 ? 2 * input.length : 0;
  }
  if (cancelled) {
    result.cancelled = true;
    result.data = emptyDataset();
    return result;
  }
  result.data = sink.finish();
  result.errorCount = ctx.errorCount;
  // The EHCP view's reconciliation (src/domain/ehcp.ts) run on the file's own months, so the card's
  // warning count is the count the EHCP view will show for this file: one check, in one place.
  if (result.data.ehcp.length > 0) {
    for (const w of analyseEhcp(result.data.ehcp, []).flatMap((m) => m.warnings)) {
      result.warnings.push({ severity: 'warning', file, message: `reconciliation: ${w}` });
    }
  }
  // Rows that are all blank, totals or headings are no data either: say so rather than import nothing.
  if (result.rowsImported + result.rowsRejected === 0) fileError(result, 'the file has a header row but no data rows', 'a CSV file with data rows below its header');
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
    const result = importPieces({ pieces, fraction: () => (total === 0 ? 1 : Math.min(1, (read.bytes - sniffed.start) / total)) }, file, options);
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
