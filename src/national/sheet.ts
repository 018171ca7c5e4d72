/**
 * Reads a workbook's sheets as grids of cell values through SheetJS, loaded only when a workbook
 * is dropped. The one place that knows SheetJS: it can later give way to the shared spreadsheet
 * reader (src/import/sources/spreadsheet.ts) without touching the table readers.
 */
import type { Grid } from './allocations';

/** A zip ends with its directory (signature PK 05 06 within the last 64 KB): a cut-off file has none. */
function hasZipDirectory(b: Uint8Array): boolean {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return true;
  }
  return false;
}

export async function readWorkbook(bytes: Uint8Array): Promise<{ name: string; grid: Grid }[]> {
  // SheetJS can spin on a truncated zip: such a file is refused before it is handed over.
  if (!hasZipDirectory(bytes)) throw new Error('the file is not a complete .ods or .xlsx workbook (it may have been cut off)');
  const XLSX = await import('@e965/xlsx');
  // SheetJS logs each ODS number format it cannot translate (the ESFA's "value()>0" styles) with
  // console.error; the values are read exactly all the same, so those lines are kept off stderr.
  const log = console.error;
  console.error = () => undefined;
  let wb;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellText: false });
  } finally {
    console.error = log;
  }
  return wb.SheetNames.map((name) => ({
    name,
    grid: XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, raw: true, defval: null, blankrows: true }),
  }));
}
