/**
 * Bytes to text. Papa Parse does not detect encodings, so we do: a BOM first, then strict UTF-8,
 * then Windows-1252 (what Excel's "CSV" writes on a UK PC, with £ as byte 0xA3), or, where a
 * UTF-8 file has a few bytes that are not UTF-8, UTF-8 with those bytes read as Windows-1252.
 */

export type Encoding = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le (BOM)' | 'utf-16be (BOM)' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8, with some Windows-1252 bytes';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string };

/** Windows-1252's bytes 0x80-0x9F. Some TextDecoder builds (Node's small ICU) treat it as Latin-1. */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixC1(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!) : text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  return controls > n / 100;
}

/**
 * UTF-16 saved without a BOM (some database and script exports): text whose characters are
 * mostly below U+0100 has a zero byte in most pairs, second (little-endian) or first
 * (big-endian), which neither UTF-8 text nor a spreadsheet's bytes have.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 8192) / 2);
  if (pairs < 2) return undefined;
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs; i++) {
    const a = bytes[2 * i]!;
    const b = bytes[2 * i + 1]!;
    if (a !== 0 && b === 0) le++;
    else if (a === 0 && b !== 0) be++;
  }
  if (le >= pairs * 0.7) return 'utf-16le';
  if (be >= pairs * 0.7) return 'utf-16be';
  return undefined;
}

/** What the bytes are, before any is decoded: a BOM's encoding, else UTF-8 to try (falling back to Windows-1252), or not text. */
export type Sniffed =
  | { ok: true; encoding: 'utf-8' | 'utf-8 (BOM)' | 'utf-16le (BOM)' | 'utf-16be (BOM)' | 'utf-16le' | 'utf-16be'; start: number }
  | { ok: false; reason: string };

export function sniffBytes(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, encoding: 'utf-16le (BOM)', start: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, encoding: 'utf-16be (BOM)', start: 2 };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = bom ? undefined : utf16WithoutBom(bytes);
  if (utf16) return { ok: true, encoding: utf16, start: 0 };
  if (looksBinary(bom ? bytes.subarray(3) : bytes)) {
    return { ok: false, reason: 'the file is not text, nor an Excel (.xlsx) or OpenDocument (.ods) workbook (it looks like another binary file)' };
  }
  return { ok: true, encoding: bom ? 'utf-8 (BOM)' : 'utf-8', start: bom ? 3 : 0 };
}

const DECODER_LABEL: Record<Exclude<Encoding, 'utf-8, with some Windows-1252 bytes'>, string> = {
  'utf-8': 'utf-8', 'utf-8 (BOM)': 'utf-8', 'utf-16le (BOM)': 'utf-16le', 'utf-16be (BOM)': 'utf-16be',
  'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', 'windows-1252': 'windows-1252',
};

/** How far a decoder has read: the offset of the first byte not yet decoded. */
export interface ReadPosition {
  bytes: number;
}

/**
 * The bytes from `start` decoded `chunkBytes` at a time, so a large file's text is never held
 * whole beside its bytes. UTF-8 is strict: an invalid byte throws a NotUtf8Error, and the caller
 * starts again (see notUtf8Reading).
 */

export function* decodeChunks(bytes: Uint8Array, encoding: keyof typeof DECODER_LABEL, start: number, chunkBytes: number, read: ReadPosition = { bytes: 0 }): Generator<string> {
  const decoder = new TextDecoder(DECODER_LABEL[encoding], { fatal: encoding.startsWith('utf-8'), ignoreBOM: true });
  const step = Math.max(4, chunkBytes);
  for (let at = start; at < bytes.length; at += step) {
    const end = Math.min(bytes.length, at + step);
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    } catch {
      throw new NotUtf8Error();
    }
    read.bytes = end;
    yield encoding === 'windows-1252' ? fixC1(text) : text;
  }
}

/** Thrown by decodeChunks where bytes taken as UTF-8 are not valid UTF-8. */
export class NotUtf8Error extends Error {
  constructor() {
    super('the bytes are not valid UTF-8');
  }
}

/** The whole text at once (for tests and small inputs; the import decodes a piece at a time, the same way). */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const sniffed = sniffBytes(bytes);
  if (!sniffed.ok) return sniffed;
  try {
    return { ok: true, text: [...decodeChunks(bytes, sniffed.encoding, sniffed.start, bytes.length)].join(''), encoding: sniffed.encoding };
  } catch (e) {
    if (!(e instanceof NotUtf8Error)) throw e;
  }
  const other = notUtf8Reading(bytes, sniffed.start, bytes.length);
  return { ok: true, text: [...other.pieces].join(''), encoding: other.encoding };
}

/** The length of the valid UTF-8 sequence at `i` (1 to 4), or 0 where the byte there starts none (WHATWG's rules). */
export function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

export interface Utf8Census {
  /** Characters written as valid multi-byte UTF-8 (£ as C2 A3, é, dashes, quotes). */
  multiByte: number;
  /** Bytes that start no valid UTF-8 sequence. */
  invalid: number;
  /** The line (from 1) of the first such byte. */
  firstInvalidLine: number;
}

/** Counts a file's multi-byte UTF-8 characters and the bytes that start no valid UTF-8 sequence. */
export function utf8Census(bytes: Uint8Array, start: number): Utf8Census {
  let multiByte = 0;
  let invalid = 0;
  let lines = 1;
  let firstInvalidLine = 0;
  for (let i = start; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a && invalid === 0) lines++;
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i);
    if (n > 0) {
      multiByte++;
      i += n;
    } else {
      if (invalid === 0) firstInvalidLine = lines;
      invalid++;
      i++;
    }
  }
  return { multiByte, invalid, firstInvalidLine };
}

/**
 * How to read a file that turned out not to be UTF-8 throughout. Excel's "CSV" on a UK PC writes
 * £ as the single byte 0xA3: a file without UTF-8's multi-byte characters, or with fewer of them
 * than bytes that are not UTF-8, is Windows-1252. One with them and a few stray bytes (a £ typed
 * into one cell of a UTF-8 export) is UTF-8 with those bytes read as Windows-1252; the census
 * says how many and where, for the warning.
 */
export function notUtf8Reading(bytes: Uint8Array, start: number, chunkBytes: number, read?: ReadPosition): {
  encoding: 'windows-1252' | 'utf-8, with some Windows-1252 bytes';
  pieces: Generator<string>;
  census: Utf8Census;
} {
  const census = utf8Census(bytes, start);
  return census.multiByte > 0 && census.multiByte >= census.invalid
    ? { encoding: 'utf-8, with some Windows-1252 bytes', pieces: decodeMixedChunks(bytes, start, chunkBytes, read), census }
    : { encoding: 'windows-1252', pieces: decodeChunks(bytes, 'windows-1252', start, chunkBytes, read), census };
}

/** UTF-8 where it is valid, and each byte that is not read as its Windows-1252 character; a piece at a time. */
export function* decodeMixedChunks(bytes: Uint8Array, start: number, chunkBytes: number, read: ReadPosition = { bytes: 0 }): Generator<string> {
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  const step = Math.max(4, chunkBytes);
  let from = start;
  for (let i = start; i < bytes.length; ) {
    const n = bytes[i]! < 0x80 ? 1 : utf8SequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      if (i - from >= step) {
        read.bytes = i;
        yield utf8.decode(bytes.subarray(from, i));
        from = i;
      }
      continue;
    }
    read.bytes = i;
    if (i > from) yield utf8.decode(bytes.subarray(from, i));
    read.bytes = i + 1;
    yield fixC1(String.fromCharCode(bytes[i]!));
    i++;
    from = i;
  }
  read.bytes = bytes.length;
  if (from < bytes.length) yield utf8.decode(bytes.subarray(from));
}
