/**
 * The return pack as an XLSX workbook, through write-excel-file (small, maintained, no binary).
 * Spreadsheet numbers are binary floating point by nature, so money becomes a number only here,
 * from its exact two-decimal string, and is shown with a two-decimal format (negatives bracketed).
 */
import writeExcelFile from 'write-excel-file/universal';
import type { PackCell, PackSheet, ReturnPack } from '../domain/returnPack';

const MONEY_FORMAT = '#,##0.00;(#,##0.00)';

function cell(c: PackCell) {
  if (c === null) return null;
  switch (c.kind) {
    case 'text':
      return { value: c.value, type: String, ...(c.bold ? { fontWeight: 'bold' as const } : {}), wrap: true };
    case 'money':
      return { value: Number(c.value), type: Number, format: MONEY_FORMAT, ...(c.bold ? { fontWeight: 'bold' as const } : {}) };
    case 'count':
      return { value: c.value, type: Number, format: '#,##0' };
    case 'percent':
      return { value: Number(c.value) / 100, type: Number, format: '0.00%' };
  }
}

function sheetData(pack: ReturnPack, s: PackSheet) {
  return [
    [{ value: s.title, type: String, fontWeight: 'bold' as const }],
    [{ value: `${pack.title}. As at ${pack.asAt}. Produced ${pack.produced}.`, type: String }],
    // What the sheet covers and leaves out; the header stays on row 4 either way.
    s.note ? [{ value: s.note, type: String }] : [],
    s.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const, wrap: true })),
    ...s.rows.map((r) => r.map(cell)),
  ];
}

export async function returnPackXlsx(pack: ReturnPack): Promise<Blob> {
  const sheets = pack.sheets.map((s) => ({
    data: sheetData(pack, s),
    sheet: s.name,
    columns: s.widths.map((width) => ({ width })),
    stickyRowsCount: 4,
  }));
  // The library's types are stricter than its documented cell objects; the shapes above follow its README.
  return (writeExcelFile as unknown as (s: unknown) => { toBlob(): Promise<Blob> })(sheets).toBlob();
}
