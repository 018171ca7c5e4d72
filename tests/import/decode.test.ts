import { describe, expect, it, test } from 'vitest';
import { decodeBytes } from '../../src/import/decode';
import { concat, utf16be, utf16le, utf8, utf8Bom, windows1252 } from './helpers';

const TEXT = 'Line,Budget\r\nCafé – top up “EHCP”,£1,234.56 €5\r\n';

describe('decodeBytes (SPEC 5: encodings)', () => {
  test.each([
    ['utf-8', utf8(TEXT)],
    ['utf-8 (BOM)', utf8Bom(TEXT)],
    ['utf-16le (BOM)', utf16le(TEXT)],
    ['utf-16be (BOM)', utf16be(TEXT)],
    ['windows-1252', windows1252(TEXT)],
  ] as const)('%s decodes £, é, dashes and quotes exactly, with no BOM left', (encoding, bytes) => {
    const r = decodeBytes(bytes);
    expect(r).toEqual({ ok: true, text: TEXT, encoding });
  });

  it('reads Windows-1252 £ (byte 0xA3) as £, never Â£ or �', () => {
    const r = decodeBytes(new Uint8Array([0xa3, 0x31, 0x30]));
    expect(r).toEqual({ ok: true, text: '£10', encoding: 'windows-1252' });
  });

  it('reads the Windows-1252 bytes 0x80-0x9F as their characters, not C1 controls', () => {
    const r = decodeBytes(new Uint8Array([0x80, 0x20, 0x96, 0x20, 0x92, 0x20, 0x93, 0x94]));
    expect(r.ok && r.text).toBe('€ – ’ “”');
  });

  it('reads UTF-8 £ (C2 A3) as £', () => {
    const r = decodeBytes(new Uint8Array([0xc2, 0xa3, 0x35]));
    expect(r).toEqual({ ok: true, text: '£5', encoding: 'utf-8' });
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeBytes(utf8('a,b\n1,2\n'))).toEqual({ ok: true, text: 'a,b\n1,2\n', encoding: 'utf-8' });
  });

  it('reports an empty file', () => {
    const r = decodeBytes(new Uint8Array(0));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/empty/);
  });

  test.each([
    ['a zip (xlsx) header', concat([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], utf8('[Content_Types].xml'))],
    ['an old Excel (xls) header', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ['text with a NUL byte', concat(utf8('year,block\n'), [0], utf8('2022-23,HN\n'))],
    ['UTF-16 without a BOM', utf16le('year,block\n', false)],
    ['a PDF', concat(utf8('%PDF-1.7\n'), [0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07])],
  ])('reports %s as not text', (_name, bytes) => {
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not text/);
  });
});
