/**
 * One dropped file in, the national tables it holds out: a tidy SEN2 CSV, the tribunal table, the
 * allocations workbook (.ods or .xlsx), or the release .zip (each CSV inside it read in turn, and
 * those no metric uses listed as ignored). Pure apart from the lazy imports of fflate and SheetJS.
 */
import { readAllocations } from './allocations';
import { csvHeader, decodeText, isTidyTable, readSen2, sen2Kind } from './sen2';
import { readWorkbook } from './sheet';
import { isTribunalTable, readTribunal } from './tribunal';
import type { NationalImport } from '../model/national';

const ext = (name: string) => name.toLowerCase().replace(/^.*\./, '');

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Is this a DfE file? Checked before the council kinds: a workbook or zip (the council kinds are
 * CSV), or a CSV whose header is a DfE tidy table or whose top is the tribunal table.
 */
export function isNationalFile(name: string, bytes: Uint8Array): boolean {
  const e = ext(name);
  if (e === 'zip' || e === 'ods' || e === 'xlsx') return true;
  // A zip under another name is the release; a ".csv" that is a zip is left to the council import to refuse.
  if (isZip(bytes)) return !['csv', 'txt', 'tsv'].includes(e);
  const head = decodeText(bytes.subarray(0, 64 * 1024));
  return isTidyTable(csvHeader(head)) || isTribunalTable(head);
}

function readCsv(text: string, file: string, out: NationalImport): void {
  const header = csvHeader(text);
  if (isTidyTable(header)) {
    const def = sen2Kind(header);
    if (def) out.tables.push(readSen2(text, file, def, out.warnings));
    else out.ignored.push({ file, reason: 'a DfE table that no metric here uses' });
    return;
  }
  const tribunal = isTribunalTable(text) ? readTribunal(text, file, out.warnings) : undefined;
  if (tribunal) out.tables.push(tribunal);
  else out.ignored.push({ file, reason: 'not a DfE table this app reads (no time_period, geographic_level and LA columns)' });
}

async function readSheets(bytes: Uint8Array, file: string, out: NationalImport): Promise<void> {
  let sheets;
  try {
    sheets = await readWorkbook(bytes);
  } catch (e) {
    out.warnings.push(`${file}: the workbook could not be read (${(e as Error).message}).`);
    return;
  }
  for (const s of sheets) {
    const table = readAllocations(s.grid, file, s.name, out.warnings);
    if (table) out.tables.push(table);
    else out.ignored.push({ file: `${file}, sheet ${s.name}`, reason: 'not an allocations summary (block names over [A]…[J])' });
  }
}

async function readZip(bytes: Uint8Array, file: string, out: NationalImport): Promise<void> {
  const { unzipSync } = await import('fflate');
  let entries: Record<string, Uint8Array>;
  try {
    // Only what could be a table is inflated: guidance, metadata and folders are listed.
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/')) return false;
        const wanted = /\.(csv|ods|xlsx)$/i.test(f.name) && !/\.meta\.csv$/i.test(f.name);
        if (!wanted) out.ignored.push({ file: f.name.replace(/^.*\//, ''), reason: 'not a table (guidance or metadata)' });
        return wanted;
      },
    });
  } catch (e) {
    out.warnings.push(`${file}: the zip could not be opened (${(e as Error).message}).`);
    return;
  }
  const names = Object.keys(entries).sort();
  for (const name of names) {
    const bytesIn = entries[name]!;
    const base = name.replace(/^.*\//, '');
    if (/\.(ods|xlsx)$/i.test(name)) await readSheets(bytesIn, base, out);
    else readCsv(decodeText(bytesIn), base, out);
  }
  if (names.length === 0) out.warnings.push(`${file}: the zip holds no CSV or workbook.`);
}

/**
 * Whether the DfE reading should stand for this file: it found a table, or the file is a zip (no
 * council file is). A workbook with no allocations summary is left to the council import (a
 * council's budget saved as .xlsx), which says what it can and cannot read.
 */
export function claimsFile(name: string, bytes: Uint8Array, read: NationalImport): boolean {
  if (read.tables.length > 0) return true;
  const e = ext(name);
  return e === 'zip' || (isZip(bytes) && e !== 'ods' && e !== 'xlsx' && e !== 'csv');
}

export async function readNationalFile(bytes: Uint8Array, name: string): Promise<NationalImport> {
  const out: NationalImport = { tables: [], ignored: [], warnings: [] };
  const e = ext(name);
  if (e === 'zip' || isZip(bytes)) {
    if (e === 'xlsx' || e === 'ods') await readSheets(bytes, name, out);
    else await readZip(bytes, name, out);
  } else if (e === 'ods' || e === 'xlsx') await readSheets(bytes, name, out);
  else readCsv(decodeText(bytes), name, out);
  return out;
}
