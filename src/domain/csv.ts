/**
 * CSV export that a spreadsheet opens safely. A cell a spreadsheet would run as a formula (one
 * starting with =, +, -, @, a tab or a carriage return) is neutralised with a leading apostrophe,
 * unless it is a plain number: negative money must stay a number (Papa's escapeFormulae would
 * turn "-136000.00" into text, NOTES.md).
 */

export type CsvCell = string | number | boolean | null | undefined;

const PLAIN_NUMBER = /^[-+]?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  if (typeof value === 'number' || PLAIN_NUMBER.test(s)) return s;
  return FORMULA_START.test(s) ? `'${s}` : s;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text, CRLF line ends and a BOM so Excel on a UK PC reads £ correctly. */
export function toCsv(rows: CsvCell[][]): string {
  return '\ufeff' + rows.map((row) => row.map((c) => quote(neutraliseCell(c))).join(',')).join('\r\n') + '\r\n';
}
