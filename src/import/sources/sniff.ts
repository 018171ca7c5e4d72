/**
 * Is it a spreadsheet? From the first bytes alone, before any text is decoded, so the importer
 * can ask first. Kept apart from the reader so the worker holds only this for every CSV import.
 */

export const SAVE_AS = 'an Excel workbook (.xlsx), an OpenDocument spreadsheet (.ods) or a CSV file';

export type SpreadsheetFormat = 'xlsx' | 'ods';

/** What the first bytes say: a spreadsheet to read, one to refuse (and why), or neither (undefined). */
export type SpreadsheetSniff = { format: SpreadsheetFormat } | { refused: string; accepted: string } | undefined;

function ascii(bytes: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = at; i < Math.min(bytes.length, at + length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

interface ZipEntry {
  name: string;
  flags: number;
}

/** The names in a zip's central directory (read from its end record), or undefined if it has none: damaged or cut short. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535.
  const stop = Math.max(0, bytes.length - 22 - 65535);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (u32(bytes, at) !== 0x06054b50) continue;
    const count = u16(bytes, at + 10);
    let p = u32(bytes, at + 16);
    // Zip64 (offsets past 4 GB) is far over our size limit: treat as unreadable.
    if (p === 0xffffffff || p >= bytes.length) return undefined;
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return undefined;
      const nameLength = u16(bytes, p + 28);
      entries.push({ flags: u16(bytes, p + 8), name: ascii(bytes, p + 46, nameLength) });
      p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
    }
    return entries;
  }
  return undefined;
}

/** An OpenDocument's `mimetype`, stored first and uncompressed as the standard requires. */
function odfMimetype(bytes: Uint8Array): string | undefined {
  if (u32(bytes, 0) !== 0x04034b50 || ascii(bytes, 30, 8) !== 'mimetype' || u16(bytes, 8) !== 0) return undefined;
  const size = u32(bytes, 18);
  return ascii(bytes, 30 + u16(bytes, 26) + u16(bytes, 28), Math.min(size, 200));
}

/** UTF-16LE text anywhere in the bytes (the stream names in a compound file's directory). */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const end = Math.min(bytes.length, 64 * 1024 * 1024) - 2 * text.length;
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

export const PASSWORD = 'the workbook is protected by a password (encrypted), so it cannot be read';
export const NO_PASSWORD = 'the workbook saved without a password (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear it, save), or saved as CSV';

/**
 * Is it a spreadsheet? From the bytes alone, before any text is decoded, so the importer can
 * call it first: .xlsx and .ods are zips (`PK\x03\x04`) with their own parts; an old .xls, and
 * an encrypted .xlsx, are compound files (`D0 CF 11 E0`).
 */
export function sniffSpreadsheet(bytes: Uint8Array): SpreadsheetSniff {
  if (bytes.length >= 8 && u32(bytes, 0) === 0xe011cfd0 && u32(bytes, 4) === 0xe11ab1a1) {
    // Excel encrypts an .xlsx by wrapping it in a compound file with these two streams.
    if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) return { refused: PASSWORD, accepted: NO_PASSWORD };
    return {
      refused: 'the file is an old-style Excel 97-2003 workbook (.xls) or another Office file, which is not read',
      accepted: 'the workbook saved as .xlsx (File > Save As > Excel Workbook) or as CSV',
    };
  }
  if (bytes.length < 4 || u32(bytes, 0) !== 0x04034b50) return undefined;
  const mime = odfMimetype(bytes);
  if (mime !== undefined && !mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
    return { refused: `the file is an OpenDocument file but not a spreadsheet (${mime.replace(/[^\x20-\x7e]/g, '')})`, accepted: SAVE_AS };
  }
  const entries = zipEntries(bytes);
  if (!entries) {
    // Cut short: a workbook only if its first part says so (Excel writes [Content_Types].xml first).
    const firstName = u32(bytes, 0) === 0x04034b50 ? ascii(bytes, 30, Math.min(u16(bytes, 26), 100)) : '';
    if (mime === undefined && !/^(\[Content_Types\]\.xml|xl\/|_rels\/|docProps\/)/.test(firstName)) return undefined;
    return {
      refused: 'the spreadsheet is damaged or incomplete (its zip directory is missing: was the download or copy cut short?)',
      accepted: 'the file downloaded or copied again, or saved again from Excel or LibreOffice',
    };
  }
  const names = new Set(entries.map((e) => e.name));
  const isOds = mime !== undefined || (names.has('content.xml') && names.has('META-INF/manifest.xml'));
  const isXlsx = names.has('[Content_Types].xml') && entries.some((e) => e.name.startsWith('xl/'));
  if (!isOds && !isXlsx) {
    if (names.has('[Content_Types].xml')) return { refused: 'the file is an Office document that holds no Excel workbook (a Word or PowerPoint file, or a damaged workbook?)', accepted: SAVE_AS };
    return undefined;
  }
  if (entries.some((e) => (e.flags & 1) !== 0)) return { refused: PASSWORD, accepted: NO_PASSWORD };
  if (isXlsx && entries.some((e) => e.name === 'xl/workbook.bin')) {
    return { refused: 'the file is an Excel binary workbook (.xlsb), which is not read', accepted: 'the workbook saved as .xlsx (File > Save As > Excel Workbook) or as CSV' };
  }
  return { format: isXlsx ? 'xlsx' : 'ods' };
}

