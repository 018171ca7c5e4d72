/**
 * The CSV source: text (decoded a piece at a time by decode.ts from bytes, or given whole) in,
 * rows out. The first million characters give the delimiter candidates for the header search and
 * the line ending; then the text is parsed a piece at a time with Papa Parse's core parser, so
 * neither the rows nor (from bytes) the whole text are ever held at once.
 */
import Papa from 'papaparse';
import { HEADER_SEARCH_ROWS, detectHeader, type Detection, type DetectionFailure, type HeaderCandidate } from '../detect';
import type { ColumnChoices } from '../kinds';
import type { Kind } from '../../model/kinds';
import { fastRows } from './fastCsv';
import type { ReadError, TableSource, TakeRows } from './table';

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * The text is parsed 64K characters (about 600 ledger rows) at a time: a chunk's rows then die
 * young, in the collector's cheap young generation, and its cells are still in the processor's
 * cache when the sinks read them. Chunks of millions of characters outlive the young generation
 * and made a million-row import a quarter slower; on the realistic bench ledger (quoted cells,
 * 2,000 cost centres) 64K pieces were a fifth faster than 256K.
 */
export const PARSE_CHUNK_CHARS = 64 * 1024;

/** The text read for the header search and the line ending: the first million characters. */
export const HEAD_CHARS = 1024 * 1024;

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

/** Line ends as \n, as the rows are read. */
const unified = (text: string) => (text.indexOf('\r') < 0 ? text : text.replace(CR_ENDS, '\n'));

function previewRows(text: string, head: string, delimiter: string): string[][] {
  const rows = Papa.parse<string[]>(unified(head), { delimiter, preview: HEADER_SEARCH_ROWS + 1, header: false }).data;
  // Rows so long, or so full of line breaks, that the head holds too few of them: read the whole text.
  if (head.length < text.length && rows.length < HEADER_SEARCH_ROWS + 1) {
    return Papa.parse<string[]>(unified(text), { delimiter, preview: HEADER_SEARCH_ROWS + 1, header: false }).data;
  }
  return rows;
}

/**
 * The text's first rows, split by each delimiter a CSV may use. Split by a delimiter the text does
 * not hold, every row is one cell, the same for each such delimiter: those rows are offered once,
 * as a later candidate that is no better never wins. Only the first lines have their line ends
 * unified: the text may be a megabyte.
 */
function* csvCandidates(text: string): Generator<HeaderCandidate> {
  const head = headOf(text);
  let absentOffered = false;
  for (const delimiter of DELIMITERS) {
    const absent = text.indexOf(delimiter) < 0;
    if (absent && absentOffered) continue;
    absentOffered ||= absent;
    yield { delimiter, rows: previewRows(text, head, delimiter) };
  }
}

/** Finds the delimiter, header row and kind: the first row, within the first 20, that has a kind's required columns. */
export function detect(text: string, kind?: Kind, choices?: ColumnChoices): (Detection & { delimiter: string }) | DetectionFailure {
  return detectHeader(csvCandidates(text), kind, choices) as (Detection & { delimiter: string }) | DetectionFailure;
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

/**
 * The pieces with every CRLF and lone CR turned into LF; a CR that ends a piece waits for the
 * next piece, whose LF may complete it. (Line breaks inside quoted values become LF too.)
 */
export function* unifiedLineEnds(pieces: Iterator<string>): Generator<string> {
  let heldCr = false;
  for (let next = pieces.next(); !next.done; next = pieces.next()) {
    let piece = next.value;
    if (heldCr) piece = piece.charCodeAt(0) === 10 ? piece : '\n' + piece;
    heldCr = piece.charCodeAt(piece.length - 1) === 13;
    if (heldCr) piece = piece.slice(0, -1);
    yield piece.indexOf('\r') < 0 ? piece : crToLf(piece);
  }
  if (heldCr) yield '\n';
}

/** CRLF, then any lone CR, as LF: the same as replacing /\r\n?/g, and a third of its time on a CRLF file. */
function crToLf(piece: string): string {
  const s = piece.split('\r\n').join('\n');
  return s.indexOf('\r') < 0 ? s : s.split('\r').join('\n');
}

const CR_ENDS = /\r\n?/g;

/** Text that arrives a piece at a time, and how far through the file the pieces taken so far reach (0 to 1). */
export interface TextPieces {
  pieces: Iterator<string>;
  fraction(): number;
}

/** One text, in pieces of `chunkChars`. */
export function piecesOf(text: string, chunkChars: number): TextPieces {
  let at = 0;
  return {
    pieces: (function* () {
      for (; at < text.length; at += chunkChars) yield text.substring(at, at + chunkChars);
    })(),
    fraction: () => (text.length === 0 ? 1 : Math.min(1, at / text.length)),
  };
}

/** A CSV text as a table source; the head is taken from the pieces at once, the rest as rows are read. */
export function csvSource(source: TextPieces, chunkChars: number): TableSource {
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
  // A CR that ends the head belongs with the LF that may start the next piece: leave it to read().
  const headRows = head.endsWith('\r') ? head.slice(0, -1) : head;
  return {
    empty: ahead.done === true && head.trim() === '',
    headerCandidates: () => csvCandidates(headRows),
    fraction: () => source.fraction(),
    read(delimiter: string | undefined, take: TakeRows) {
      // Papa's core Parser, called directly on a chunk of text at a time, as Papa's own
      // streamers do (a row cut by a chunk's end is carried into the next chunk), so the parser never
      // splits the whole file at once. Without a step callback it returns the chunk's rows as arrays:
      // step mode would wrap every row in a result object of its own, which costs a million-row
      // ledger about a fifth of its import time, and Papa.parse would wrap each row once more.
      // Every row end is read as \n: CRLF, LF and CR all end a row, so one row that ends
      // differently from the rest (files joined or edited by hand) is never swallowed into the row
      // before it, as Papa's single guessed line ending would.
      const config = { delimiter, newline: '\n', quoteChar: '"' } as Papa.ParseConfig;
      const quick = typeof delimiter === 'string' && delimiter.length === 1 && delimiter !== '"' && delimiter !== '\n';
      // The head in pieces of the usual size, then the pieces still to come.
      const pieces = unifiedLineEnds((function* () {
        for (let at = 0; at < head.length; at += chunkChars) yield head.substring(at, at + chunkChars);
        for (; !ahead.done; ahead = source.pieces.next()) yield ahead.value;
      })());
      let next = pieces.next();
      let partial = '';
      // Where a piece ends inside a value (an unclosed quote runs on for megabytes), the next parse
      // waits for twice the text, so a runaway value is rescanned a few times rather than once a piece.
      let want = 0;
      while (!next.done) {
        let input = partial + next.value;
        next = pieces.next();
        while (input.length < want && !next.done) {
          input += next.value;
          next = pieces.next();
        }
        const last = next.done === true;
        // Well-formed text is read by fastRows, with Papa's own result; anything else by Papa.
        const fast = quick ? fastRows(input, delimiter!, last) : undefined;
        const parsed = fast
          ? { data: fast.data, errors: [] as Papa.ParseError[], meta: { cursor: fast.cursor } }
          : (new Papa.Parser(config).parse(input, 0, !last) as Papa.ParseResult<string[]>);
        let errorsAt: Map<number, ReadError[]> | undefined;
        for (const e of parsed.errors) {
          errorsAt ??= new Map();
          const at = e.row ?? 0;
          const list = errorsAt.get(at);
          if (list) list.push(e);
          else errorsAt.set(at, [e]);
        }
        if (!take(parsed.data, errorsAt) || last) return;
        partial = input.substring(parsed.meta.cursor);
        want = parsed.meta.cursor === 0 ? 2 * input.length : 0;
      }
    },
  };
}
