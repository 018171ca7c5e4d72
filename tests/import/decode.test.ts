import { describe, expect, it, test } from 'vitest';
import fc from 'fast-check';
import { decodeBytes, decodeMixedChunks, utf8Census, utf8SequenceAt } from '../../src/import/sources/decode';
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
    ['a PDF', concat(utf8('%PDF-1.7\n'), [0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07])],
  ])('reports %s as not text', (_name, bytes) => {
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not text/);
  });
});

describe('UTF-16 saved without a BOM', () => {
  test.each([
    ['utf-16le', utf16le(TEXT, false)],
    ['utf-16be', utf16be(TEXT, false)],
  ] as const)('%s is recognised by its zero bytes and read exactly', (encoding, bytes) => {
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: TEXT, encoding });
  });

  it('is not taken for UTF-8 text, nor a spreadsheet for it', () => {
    expect(decodeBytes(utf8('year,block\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
    const xls = decodeBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(xls.ok).toBe(false);
  });
});

describe('UTF-8 with a few Windows-1252 bytes (a £ typed into one cell of a UTF-8 export)', () => {
  const mixed = concat(utf8('Line,Budget\nCafé,"£1,234.00"\nOther,"'), new Uint8Array([0xa3]), utf8('7.00"\n'));

  it('reads UTF-8 where it is valid and each stray byte as its Windows-1252 character', () => {
    expect(decodeBytes(mixed)).toEqual({ ok: true, text: 'Line,Budget\nCafé,"£1,234.00"\nOther,"£7.00"\n', encoding: 'utf-8, with some Windows-1252 bytes' });
    expect(utf8Census(mixed, 0)).toEqual({ multiByte: 2, invalid: 1, firstInvalidLine: 3 });
  });

  it('takes a file with more stray bytes than UTF-8 characters as Windows-1252 throughout', () => {
    // "Ã©" in Windows-1252 happens to be valid UTF-8 (é); the three £ bytes are not.
    const bytes = windows1252('Ã© £1 £2 £3');
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: 'Ã© £1 £2 £3', encoding: 'windows-1252' });
  });

  it('reads the same piece by piece, wherever the pieces cut', () => {
    const whole = [...decodeMixedChunks(mixed, 0, mixed.length)].join('');
    for (const size of [1, 2, 3, 4, 5, 7]) expect([...decodeMixedChunks(mixed, 0, size)].join('')).toBe(whole);
  });

  test.each([
    ['ASCII', [0x41], 1],
    ['£ (C2 A3)', [0xc2, 0xa3], 2],
    ['€ (E2 82 AC)', [0xe2, 0x82, 0xac], 3],
    ['😀 (F0 9F 98 80)', [0xf0, 0x9f, 0x98, 0x80], 4],
    ['a lone continuation byte', [0x80], 0],
    ['Windows-1252 £ before a digit', [0xa3, 0x31], 0],
    ['an overlong two-byte form', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a surrogate', [0xed, 0xa0, 0x80], 0],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short by the end', [0xe2, 0x82], 0],
  ])('utf8SequenceAt: %s', (_name, bytes, length) => {
    expect(utf8SequenceAt(new Uint8Array(bytes), 0)).toBe(length);
  });

  it('agrees with a strict decoder on any text, and decodes any bytes alike in any pieces (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      const bytes = utf8(text);
      expect(utf8Census(bytes, 0).invalid).toBe(0);
      expect([...decodeMixedChunks(bytes, 0, 5)].join('')).toBe(text);
    }));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 1, max: 9 }), (bytes, size) => {
      expect([...decodeMixedChunks(bytes, 0, size)].join('')).toBe([...decodeMixedChunks(bytes, 0, bytes.length)].join(''));
    }));
  });
});
