/**
 * Spreadsheets (.xlsx, .ods) as tables of text for the import core: every cell as the text a CSV
 * of it would hold, so CSV files and sheets go through one core. SheetJS is imported only here,
 * and only when a spreadsheet is read, so the first screen never loads it.
 * Pure: no DOM, file system or storage; runs in Node and in a Web Worker.
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { NO_PASSWORD, PASSWORD, SAVE_AS, sniffSpreadsheet, type SpreadsheetFormat } from './sniff';

export { sniffSpreadsheet, type SpreadsheetSniff } from './sniff';

export interface Sheet {
  name: string;
  /** Row by row from `firstRow`, each cell as text; trailing empty cells trimmed, blank rows as []. */
  rows: string[][];
  /** The sheet's row number (1-based) of `rows[0]`: the first row with anything in it. */
  firstRow: number;
  /** Hidden (or "very hidden") in the workbook: listed, never taken by itself. */
  hidden: boolean;
}

/** A spreadsheet refused or unreadable, said in words for the user; `accepted` says what would do. */
export class SpreadsheetError extends Error {
  constructor(message: string, readonly accepted: string = 'an Excel workbook (.xlsx), an OpenDocument spreadsheet (.ods) or a CSV file') {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

/**
 * SheetJS reads the whole workbook at once and holds every cell as an object: a 16 MB .xlsx
 * ledger of 200,000 rows took 0.8 GB and half a minute here. Past 25 MB (some 300,000 rows) the
 * sheet is asked for as CSV, which is streamed.
 */
export const MAX_SPREADSHEET_BYTES = 25 * 1024 * 1024;
/** Excel's own limit; an .ods may claim more. */
export const MAX_SHEET_ROWS = 1_048_576;
/** Cells with something in them, over the whole workbook (a 16 MB ledger has 1.2 million). */
export const MAX_CELLS = 4_000_000;

const AS_CSV = 'a workbook under 25 MB, or the sheet saved as CSV (File > Save As > CSV UTF-8), which has no such limit';

/**
 * A double as the decimal text Excel itself shows and saves: the shortest text that reads back as
 * the same double (`String(n)`), cut to Excel's 15 significant digits, written out without an
 * exponent. All of it is done on the digits as text, never with float arithmetic. The 15-digit
 * cut is what makes a formula's `0.1 + 0.2`, stored as 0.30000000000000004, read as 0.3: anything
 * typed into Excel has at most 15 digits, so typed figures come through unchanged.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) return String(n);
  const negative = m[1] === '-';
  const frac = m[3] ?? '';
  let digits = (m[2]! + frac).replace(/^0+/, '');
  // The value is digits × 10^exp.
  let exp = Number(m[4] ?? 0) - frac.length;
  if (digits === '') return '0';
  if (digits.length > 15) {
    const cut = digits.length - 15;
    const up = digits.charCodeAt(15) >= 53; // the first digit dropped is 5 or more: half away from zero
    exp += cut;
    digits = digits.slice(0, 15);
    if (up) digits = incrementDigits(digits);
  }
  const trimmed = digits.replace(/0+$/, '');
  exp += digits.length - trimmed.length;
  digits = trimmed;
  let text: string;
  if (exp >= 0) text = digits + '0'.repeat(exp);
  else if (-exp < digits.length) text = digits.slice(0, digits.length + exp) + '.' + digits.slice(digits.length + exp);
  else text = '0.' + '0'.repeat(-exp - digits.length) + digits;
  return negative ? '-' + text : text;
}

function incrementDigits(digits: string): string {
  const d = digits.split('');
  let i = d.length - 1;
  for (; i >= 0; i--) {
    if (d[i] === '9') d[i] = '0';
    else {
      d[i] = String.fromCharCode(d[i]!.charCodeAt(0) + 1);
      break;
    }
  }
  return (i < 0 ? '1' : '') + d.join('');
}

/** Decimal text × 100, by moving the point: 0.055 → 5.5 (for cells formatted as percentages). */
function times100(text: string): string {
  const negative = text.startsWith('-');
  const [int, frac = ''] = (negative ? text.slice(1) : text).split('.');
  const f = frac.padEnd(2, '0');
  const whole = (int! + f.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = f.slice(2);
  return (negative ? '-' : '') + whole + (rest ? '.' + rest : '');
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * An Excel date serial as ISO text: `YYYY-MM-DD`, with ` HH:MM:SS` when it has a time of day
 * (to the nearest second), or `HH:MM:SS` alone for a time with no date (a serial under 1 in a
 * time format). The 1900 system counts 1900-02-29, a day that never was (Lotus 1-2-3's bug kept
 * for compatibility): serial 60 is that day, given as the text Excel shows, which no date
 * parser accepts; serials before it are one day later than a plain count from 1899-12-30.
 * The 1904 system (old Mac workbooks) counts from 1904-01-01.
 */
export function serialToIso(serial: number, date1904: boolean, timeOnly = false): string {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds >= 86400) {
    days += 1;
    seconds -= 86400;
  }
  const time = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  if (timeOnly && days === 0) return time;
  let date: string;
  if (!date1904 && days === 60) date = '1900-02-29';
  else {
    const ms = date1904 ? EPOCH_1904 + days * DAY_MS : EPOCH_1900 + (days < 60 ? days + 1 : days) * DAY_MS;
    date = new Date(ms).toISOString().slice(0, 10);
  }
  return seconds === 0 ? date : `${date} ${time}`;
}

/** A date-time SheetJS gave as a Date (its UTC fields are the cell's). */
function dateText(d: Date): string {
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** Excel's error values by SheetJS's codes. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

interface Reading {
  date1904: boolean;
  /** The workbook asks to be calculated when opened: its formulas' stored values were never worked out. */
  uncalculated: boolean;
  isDate: (format: string) => boolean;
}

/** A number format that shows a time but no date ("hh:mm", "[h]:mm:ss"). */
function isTimeOnly(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return !/[dy]/i.test(bare) && /h|s/i.test(bare);
}

/** One cell as the text a CSV of it would hold. */
function cellText(cell: CellObject | undefined, how: Reading): string {
  if (!cell) return '';
  const { t, v } = cell;
  // A formula never calculated (written by a program, not Excel) has no value, or a 0 put in its
  // place: show the formula, so the import says this cell is not a figure rather than read 0 or nothing.
  const none = v === undefined || v === null || t === 'z';
  if (cell.f && (how.uncalculated || none)) return '=' + cell.f;
  if (none) return '';
  switch (t) {
    case 'n': {
      const n = v as number;
      const z = typeof cell.z === 'string' ? cell.z : '';
      if (z && how.isDate(z)) return serialToIso(n, how.date1904, isTimeOnly(z));
      const text = numberText(n);
      // A percentage's CSV text is "5%"; money columns then refuse it rather than read 0.05.
      return z.replace(/"[^"]*"|\\./g, '').includes('%') ? times100(text) + '%' : text;
    }
    case 's':
      return String(v);
    case 'b':
      return v ? 'TRUE' : 'FALSE';
    case 'd':
      return v instanceof Date ? dateText(v) : String(v);
    case 'e':
      return ERRORS[v as number] ?? (typeof cell.w === 'string' ? cell.w : '#ERROR');
    default:
      return '';
  }
}

function sheetTable(ws: WorkSheet, name: string, hidden: boolean, how: Reading, budget: { cells: number }): Sheet {
  const data = (ws['!data'] ?? []) as (CellObject[] | undefined)[];
  const rows: string[][] = [];
  let first = -1;
  let last = -1;
  for (let r = 0; r < data.length; r++) {
    const cells = data[r];
    if (!cells) continue;
    let row: string[] = [];
    let width = 0;
    for (let c = 0; c < cells.length; c++) {
      const text = cellText(cells[c], how);
      row.push(text);
      if (text !== '') {
        width = c + 1;
        budget.cells++;
      }
    }
    if (budget.cells > MAX_CELLS) {
      throw new SpreadsheetError(`the workbook has more than ${MAX_CELLS.toLocaleString('en-GB')} filled cells (sheet "${name}" reaches past row ${(r + 1).toLocaleString('en-GB')}), more than is read from a spreadsheet`, AS_CSV);
    }
    if (width === 0) continue;
    if (width < row.length) row = row.slice(0, width);
    if (first < 0) first = r;
    // Blank rows between are kept, so that every row keeps its sheet row number.
    for (let b = last + 1; b < r && last >= 0; b++) rows.push([]);
    rows.push(row);
    last = r;
  }
  return { name, rows, firstRow: first < 0 ? 1 : first + 1, hidden };
}

/** What SheetJS threw, in words; its messages for encryption are kept recognisable. */
function readFailure(e: unknown, format: SpreadsheetFormat): SpreadsheetError {
  const message = e instanceof Error ? e.message : String(e);
  if (/encrypt|password/i.test(message)) return new SpreadsheetError(PASSWORD, NO_PASSWORD);
  const kind = format === 'ods' ? 'OpenDocument spreadsheet' : 'Excel workbook';
  return new SpreadsheetError(
    `the ${kind} could not be read: it is damaged or not in the form its name says (${message.slice(0, 200)})`,
    'the file downloaded or copied again, or saved again from Excel or LibreOffice, or saved as CSV',
  );
}

/**
 * Every sheet of an .xlsx or .ods workbook, in the workbook's order, each cell as text: numbers
 * as exact decimal text (see numberText), dates (date-formatted numbers, ODS date cells) as ISO
 * `YYYY-MM-DD[ HH:MM:SS]`, booleans TRUE/FALSE, formulas by the value last calculated, error
 * values as Excel shows them (`#DIV/0!`), merged cells as the value in their top-left cell.
 * Throws a SpreadsheetError (never anything else) for a file it cannot or will not read.
 */
export async function readWorkbook(bytes: Uint8Array, options: { maxBytes?: number } = {}): Promise<Sheet[]> {
  const sniffed = sniffSpreadsheet(bytes);
  if (!sniffed) throw new SpreadsheetError('the file is not an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods)', SAVE_AS);
  if ('refused' in sniffed) throw new SpreadsheetError(sniffed.refused, sniffed.accepted);
  const max = options.maxBytes ?? MAX_SPREADSHEET_BYTES;
  if (bytes.length > max) {
    throw new SpreadsheetError(`the workbook is ${bytes.length.toLocaleString('en-GB')} bytes, over the ${max.toLocaleString('en-GB')} read from a spreadsheet`, AS_CSV);
  }
  const XLSX = await import('@e965/xlsx');
  let wb: WorkBook;
  // SheetJS reports some oddities (ODS conditional formats) on console.error; they are not the user's concern.
  const consoleError = console.error;
  console.error = () => {};
  try {
    // Stubs (cells with no value) are kept for .xlsx, where a formula with an empty value is one;
    // an .ods repeats empty cells to the sheet's edge, so there they would cost a million objects.
    wb = XLSX.read(bytes, {
      type: 'array', dense: true, cellNF: true, cellText: false, cellFormula: true, cellDates: false,
      sheetStubs: sniffed.format === 'xlsx', sheetRows: MAX_SHEET_ROWS + 1,
    });
  } catch (e) {
    throw readFailure(e, sniffed.format);
  } finally {
    console.error = consoleError;
  }
  const dateFormats = new Map<string, boolean>();
  const flag = (x: unknown) => x === true || x === 1 || x === '1' || x === 'true';
  const how: Reading = {
    date1904: flag(wb.Workbook?.WBProps?.date1904),
    // Programs that write workbooks without calculating them (openpyxl, XlsxWriter) set this,
    // and Excel clears it when it saves.
    uncalculated: flag((wb.Workbook as { CalcPr?: { fullCalcOnLoad?: unknown } } | undefined)?.CalcPr?.fullCalcOnLoad),
    isDate: (format) => {
      let known = dateFormats.get(format);
      if (known === undefined) {
        try {
          known = Boolean(XLSX.SSF.is_date(format));
        } catch {
          known = false;
        }
        dateFormats.set(format, known);
      }
      return known;
    },
  };
  const budget = { cells: 0 };
  const sheets: Sheet[] = [];
  for (const [i, name] of wb.SheetNames.entries()) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const data = ws['!data'] as unknown[] | undefined;
    if (data && data.length > MAX_SHEET_ROWS) {
      throw new SpreadsheetError(`sheet "${name}" has more than ${MAX_SHEET_ROWS.toLocaleString('en-GB')} rows, more than Excel holds`, AS_CSV);
    }
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    try {
      sheets.push(sheetTable(ws, name, hidden, how, budget));
    } catch (e) {
      if (e instanceof SpreadsheetError) throw e;
      throw readFailure(e, sniffed.format);
    }
  }
  if (sheets.length === 0) throw new SpreadsheetError('the workbook has no sheets', SAVE_AS);
  return sheets;
}
