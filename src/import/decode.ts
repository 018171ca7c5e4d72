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
