/** Shared helpers for the import tests: byte encodings built by hand, and fixture files. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importBytes, type ImportOptions, type ImportResult } from '../../src/import/importFile';

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function utf8Bom(text: string): Uint8Array {
  return concat([0xef, 0xbb, 0xbf], utf8(text));
}

export function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let i = 0;
  if (bom) {
    out.set([0xff, 0xfe]);
    i = 2;
  }
  for (let c = 0; c < text.length; c++, i += 2) {
    const u = text.charCodeAt(c);
    out[i] = u & 0xff;
    out[i + 1] = u >> 8;
  }
  return out;
}

export function utf16be(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xfe, 0xff]);
  for (let c = 0, i = bom ? 2 : 0; c < text.length; c++, i += 2) {
    const u = text.charCodeAt(c);
    out[i] = u >> 8;
    out[i + 1] = u & 0xff;
  }
  return out;
}

/** Windows-1252's characters above 0x7F that are not Latin-1 (a subset: what finance files use). */
const CP1252_EXTRA: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** Windows-1252, as Excel's "CSV" writes on a UK PC: £ is the single byte 0xA3. */
export function windows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let c = 0; c < text.length; c++) {
    const ch = text[c]!;
    const u = ch.charCodeAt(0);
    const b = CP1252_EXTRA[ch] ?? (u < 0x100 ? u : undefined);
    if (b === undefined) throw new Error(`${ch} has no Windows-1252 byte`);
    out[c] = b;
  }
  return out;
}

export function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out;
}

export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

export function fixtureBytes(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(relative)));
}

export function importFixture(relative: string, options?: ImportOptions): ImportResult {
  return importBytes(fixtureBytes(relative), relative.split('/').pop()!, options);
}

/** Exact pence of a plain decimal string such as "-1234.5" (test oracle: BigInt, no floats). */
export function pence(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole, frac = ''] = decimal.replace(/^-/, '').split('.');
  const v = BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2) || '0');
  return negative ? -v : v;
}

/** Every string value anywhere in a result: to check no mojibake slipped through. */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

export const MOJIBAKE = /Â|â€|Ã|\uFFFD|\uFEFF/;
