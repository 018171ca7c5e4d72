/**
 * A quicker reading of well-formed CSV text into rows, with exactly Papa Parse's result (its core
 * Parser, newline "\n", quote '"', no header, comments or preview): the same rows and the same
 * cursor. It gives up (undefined) at anything Papa would report or read by a rule of its own — a
 * closing quote followed by anything but the delimiter, a line end or the end, or a quoted value
 * never closed in the last piece — and the caller then has Papa read the piece, errors and all.
 * Papa's own parser pays for a regular expression on every quoted value and a few small strings
 * per field; here a quoted value without doubled quotes is cut out as it is. The equivalence is a
 * property test against Papa (tests/import/fastCsv.test.ts).
 */

export interface FastRows {
  data: string[][];
  /** Where the rows read end: the start of a row cut off by the end of a piece that is not the last. */
  cursor: number;
}

const QUOTE = 34;
const NEWLINE = 10;

/**
 * `input`'s rows, split by the one-character `delimiter`; when `last` is false, a row that runs to
 * the end of the input is left for the next piece, as Papa's ignoreLastRow leaves it.
 */
export function fastRows(input: string, delimiter: string, last: boolean): FastRows | undefined {
  const data: string[][] = [];
  const len = input.length;
  if (len === 0) return { data, cursor: 0 };
  const d = delimiter.charCodeAt(0);
  let row: string[] = [];
  let cursor = 0;
  let rowStart = 0;
  let nextDelim = input.indexOf(delimiter);
  let nextNewline = input.indexOf('\n');
  for (;;) {
    if (input.charCodeAt(cursor) === QUOTE) {
      let q = input.indexOf('"', cursor + 1);
      // A doubled quote is one quote: the value is joined from the pieces between them as they are
      // found (a regular expression replace on the value cost a ledger of quoted text a twentieth).
      let value: string | undefined;
      let from = cursor + 1;
      while (q >= 0 && input.charCodeAt(q + 1) === QUOTE) {
        value = (value ?? '') + input.substring(from, q + 1);
        from = q + 2;
        q = input.indexOf('"', from);
      }
      // Never closed: the rest of a row cut off by the piece's end, or Papa's error in the last piece.
      if (q < 0) return last ? undefined : { data, cursor: rowStart };
      value = value === undefined ? input.substring(from, q) : value + input.substring(from, q);
      const after = q + 1;
      if (after === len) {
        if (!last) return { data, cursor: rowStart };
        row.push(value);
        data.push(row);
        return { data, cursor: len };
      }
      const c = input.charCodeAt(after);
      if (c === d) {
        row.push(value);
        cursor = after + 1;
      } else if (c === NEWLINE) {
        row.push(value);
        data.push(row);
        row = [];
        cursor = after + 1;
        rowStart = cursor;
      } else return undefined;
      if (nextDelim !== -1 && nextDelim < cursor) nextDelim = input.indexOf(delimiter, cursor);
      if (nextNewline !== -1 && nextNewline < cursor) nextNewline = input.indexOf('\n', cursor);
      continue;
    }
    if (nextDelim !== -1 && (nextDelim < nextNewline || nextNewline === -1)) {
      row.push(input.substring(cursor, nextDelim));
      cursor = nextDelim + 1;
      nextDelim = input.indexOf(delimiter, cursor);
      continue;
    }
    if (nextNewline !== -1) {
      row.push(input.substring(cursor, nextNewline));
      data.push(row);
      row = [];
      cursor = nextNewline + 1;
      rowStart = cursor;
      nextNewline = input.indexOf('\n', cursor);
      continue;
    }
    // The input's last row, ended by the end of the input.
    if (!last) return { data, cursor: rowStart };
    row.push(input.substring(cursor));
    data.push(row);
    return { data, cursor: len };
  }
}
