/**
 * Reads a workbook's sheets as grids of cell values through SheetJS, loaded only when a workbook
 * is dropped. The one place that knows SheetJS: it can later give way to the shared spreadsheet
 * reader (src/import/sources/spreadsheet.ts) without touching the table readers.
 */
import type { Grid } from './allocations';

export async function readWorkbook(bytes: Uint8Array): Promise<{ name: string; grid: Grid }[]> {
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
