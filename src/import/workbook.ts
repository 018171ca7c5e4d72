/**
 * A workbook through the import core: each sheet is a table for the same stages as a CSV file
 * (importTable: detection, columns, the kind's sink). The first visible sheet of a known kind is
 * taken unless the caller names one; the result says which, and lists every sheet with its kind.
 * Pure: no DOM or storage; SheetJS is loaded by the spreadsheet source only when a workbook is read.
 */
import { HEADER_SEARCH_ROWS, detectHeader } from './detect';
import { importTable, type ImportOptions, type ImportResult, type SheetInfo } from './importFile';
import { KIND_LABELS, type Kind } from '../model/kinds';
import { MAX_SPREADSHEET_BYTES, readWorkbook, SpreadsheetError, type Sheet } from './sources/spreadsheet';

export interface WorkbookOptions extends ImportOptions {
  /** The sheet to read, by name; otherwise the first visible sheet of a known kind. */
  sheet?: string;
}

/** The sheet's rows from its row 1, so the core's row numbers are the sheet's. */
export function sheetRows(sheet: Sheet): string[][] {
  if (sheet.firstRow <= 1) return sheet.rows;
  const above: string[][] = Array.from({ length: sheet.firstRow - 1 }, () => []);
  return above.concat(sheet.rows);
}

function kindOf(sheet: Sheet, kind?: Kind): Kind | undefined {
  if (sheet.rows.length === 0) return undefined;
  const det = detectHeader([{ rows: sheetRows(sheet).slice(0, HEADER_SEARCH_ROWS + 1) }], kind);
  return 'error' in det ? undefined : det.map.kind;
}

/** Every sheet, with the kind its header says (none for a sheet of no known kind or an empty one). */
export function describeSheets(sheets: Sheet[]): SheetInfo[] {
  return sheets.map((s) => {
    const kind = kindOf(s);
    return {
      name: s.name,
      ...(kind ? { kind, kindLabel: KIND_LABELS[kind] } : {}),
      hidden: s.hidden,
      empty: s.rows.length === 0,
    };
  });
}

/** How a problem names where it is: the file and its sheet. */
export function sheetPlace(file: string, sheet: string): string {
  return `${file}, sheet "${sheet}"`;
}

function failed(file: string, sheets: SheetInfo[] | undefined, message: string, accepted: string): ImportResult {
  // importTable of nothing gives the empty result shape; its one error is replaced by ours.
  const result = importTable([], file);
  result.errors = [{ severity: 'error', file, message, accepted }];
  result.errorCount = 1;
  if (sheets) result.sheets = sheets;
  return result;
}

function sheetList(infos: SheetInfo[]): string {
  return infos.map((s) => {
    const notes = [s.kindLabel ?? (s.empty ? 'empty' : undefined), s.hidden ? 'hidden' : undefined].filter(Boolean);
    return `"${s.name}"${notes.length ? ` (${notes.join(', ')})` : ''}`;
  }).join(', ');
}

/**
 * One sheet of a workbook already read, imported as the core imports a CSV. With a kind chosen
 * by hand (and no sheet named), the first visible sheet with that kind's columns is taken.
 */
export function importSheets(sheets: Sheet[], file: string, options: WorkbookOptions = {}): ImportResult {
  const infos = describeSheets(sheets);
  let chosen: Sheet | undefined;
  if (options.sheet !== undefined) {
    chosen = sheets.find((s) => s.name === options.sheet);
    if (!chosen) {
      return failed(file, infos, `the workbook has no sheet named "${options.sheet}"`, `one of its sheets: ${sheetList(infos)}`);
    }
  } else {
    const visible = sheets.filter((_, i) => !infos[i]!.hidden);
    chosen = options.kind
      ? visible.find((s) => kindOf(s, options.kind) !== undefined)
      : sheets.find((_, i) => !infos[i]!.hidden && infos[i]!.kind !== undefined);
    // No sheet of a known kind: the first with anything in it, whose columns can be mapped by hand.
    chosen ??= visible.find((s) => s.rows.length > 0) ?? visible[0] ?? sheets[0];
  }
  if (!chosen) return failed(file, infos, 'the workbook has no sheets', 'a workbook with a sheet holding a header row and data rows');
  const core: WorkbookOptions = { ...options };
  delete core.sheet;
  const result = importTable(sheetRows(chosen), sheetPlace(file, chosen.name), core);
  result.file = file;
  result.sheet = chosen.name;
  result.sheets = infos;
  if (options.sheet === undefined && !options.kind && !result.kind && sheets.length > 1) {
    const first = result.errors[0];
    if (first && first.row === undefined) first.message = `no sheet of the workbook has the columns of a known kind (its sheets: ${sheetList(infos)}); in sheet "${chosen.name}", ${first.message}`;
  }
  return result;
}

/** A workbook's bytes (.xlsx or .ods) in, one sheet's ImportResult out; a file it cannot read is an error in the result, never a throw. */
export async function importWorkbook(bytes: Uint8Array, file: string, options: WorkbookOptions = {}): Promise<ImportResult> {
  let sheets: Sheet[];
  try {
    sheets = await readWorkbook(bytes, options.maxBytes !== undefined ? { maxBytes: Math.min(options.maxBytes, MAX_SPREADSHEET_BYTES) } : {});
  } catch (e) {
    if (e instanceof SpreadsheetError) return failed(file, undefined, e.message, e.accepted);
    return failed(file, undefined, `the workbook could not be read (${e instanceof Error ? e.message : String(e)})`, 'the workbook saved again, or saved as CSV');
  }
  if (options.shouldCancel?.()) {
    const result = failed(file, undefined, 'cancelled', '');
    result.errors = [];
    result.errorCount = 0;
    result.cancelled = true;
    return result;
  }
  return importSheets(sheets, file, options);
}
