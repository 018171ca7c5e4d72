/**
 * Bytes to text. Papa Parse does not detect encodings, so we do: a BOM first, then strict UTF-8,
 * then Windows-1252 (what Excel's "CSV" writes on a UK PC, with £ as byte 0xA3).
 */

export type Encoding = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le (BOM)' | 'utf-16be (BOM)' | 'windows-1252';

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

/** What the bytes are, before any is decoded: a BOM's encoding, else UTF-8 to try (falling back to Windows-1252), or not text. */
export type Sniffed =
  | { ok: true; encoding: 'utf-8' | 'utf-8 (BOM)' | 'utf-16le (BOM)' | 'utf-16be (BOM)'; start: number }
  | { ok: false; reason: string };

export function sniffBytes(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, encoding: 'utf-16le (BOM)', start: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, encoding: 'utf-16be (BOM)', start: 2 };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (looksBinary(bom ? bytes.subarray(3) : bytes)) {
    return { ok: false, reason: 'the file is not text (it looks like a spreadsheet or other binary file: save it as CSV)' };
  }
  return { ok: true, encoding: bom ? 'utf-8 (BOM)' : 'utf-8', start: bom ? 3 : 0 };
}

const DECODER_LABEL: Record<Encoding, string> = {
  'utf-8': 'utf-8', 'utf-8 (BOM)': 'utf-8', 'utf-16le (BOM)': 'utf-16le', 'utf-16be (BOM)': 'utf-16be', 'windows-1252': 'windows-1252',
};

/**
 * The bytes from `start` decoded `chunkBytes` at a time, so a large file's text is never held
 * whole beside its bytes. UTF-8 is strict: an invalid byte throws a NotUtf8Error, and the caller
 * starts again as Windows-1252.
 */
export function* decodeChunks(bytes: Uint8Array, encoding: Encoding, start: number, chunkBytes: number): Generator<string> {
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
    yield encoding === 'windows-1252' ? fixC1(text) : text;
  }
}

/** Thrown by decodeChunks where bytes taken as UTF-8 are not valid UTF-8. */
export class NotUtf8Error extends Error {
  constructor() {
    super('the bytes are not valid UTF-8');
  }
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le (BOM)' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be (BOM)' };
  }
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) {
    return { ok: false, reason: 'the file is not text (it looks like a spreadsheet or other binary file: save it as CSV)' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, encoding: bom ? 'utf-8 (BOM)' : 'utf-8' };
  } catch {
    return { ok: true, text: fixC1(new TextDecoder('windows-1252').decode(body)), encoding: 'windows-1252' };
  }
}
