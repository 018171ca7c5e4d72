/** Decoding and parsing a piece at a time gives exactly what parsing the whole text at once gives, wherever the chunks cut. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/import/sources/decode';
import { importBytes, importText } from '../../src/import/importFile';
import { concat, utf16be, utf16le, utf8, utf8Bom, windows1252 } from './helpers';
import { DATA_DIR, ROOT } from '../helpers';

const dirs = [DATA_DIR, join(ROOT, 'tests/fixtures/messy'), join(ROOT, 'tests/fixtures/bad')];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(csv|tsv|txt)$/.test(f)).map((f) => join(d, f)));

const extra: [string, string][] = [
  ['quoted-newlines.csv', 'Financial Year,Period,Block,Line,Actual,Comments\r\n2022-23,1,HNB,"Top up, mainstream","1,000.00","two\r\nlines"\r\n2022-23,2,HNB,"Top up, mainstream",5,"say ""hi"""\r\n'],
  ['unclosed.csv', 'Financial Year,Period,Block,Line,Actual\n2022-23,1,HNB,Top up,1\n2022-23,2,HNB,"Top up,2\n2022-23,3,HNB,Top up,3\n'],
  ['bad-quote.csv', 'Financial Year,Period,Block,Line,Actual\n2022-23,1,HNB,Top up,1\n2022-23,2,HNB,"Top up"x,2\n2022-23,3,HNB,"Top up",3\n2022-23,4,HNB,Top up,4\n'],
  ['blank-tail.csv', 'Financial Year,Period,Block,Line,Actual\n\n2022-23,1,HNB,Top up,1\n\n\n'],
];

describe('chunked parsing', () => {
  const texts: [string, string][] = [
    ...files.map((f): [string, string] => {
      const d = decodeBytes(new Uint8Array(readFileSync(f)));
      return [f, d.ok ? d.text : ''];
    }),
    ...extra,
  ];
  it.each(texts.filter(([, t]) => t !== '').map(([f, t]) => [f.split('/').pop()!, t]))('%s reads the same whatever the chunk size', (name, text) => {
    const whole = importText(text, name, { chunkChars: 1 << 30 });
    for (const chunkChars of [1, 2, 3, 5, 17, 64, 333]) {
      expect(importText(text, name, { chunkChars })).toEqual(whole);
    }
  });
});

describe('a malformed quote mid-file', () => {
  it('is reported once, on its row, and the rows after it still count', () => {
    const text = extra.find(([n]) => n === 'bad-quote.csv')![1];
    for (const chunkChars of [1 << 30, 7]) {
      const r = importText(text, 'bad-quote.csv', { chunkChars });
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ row: 3, message: expect.stringMatching(/could not be read/) });
      expect(r.rowsImported).toBe(2);
      expect(r.data.actuals[0]!.actuals.slice(0, 4)).toEqual([100, null, null, 400]);
    }
  });
});

describe('decoding in pieces', () => {
  const messy = 'Financial Year,Period,Block,Line,Actual,Comments\r\n'
    + Array.from({ length: 60 }, (_, i) => `2022-23,${(i % 12) + 1},HNB,Café – top up “EHCP” ${i % 5},"£1,2${i % 10}4.56",naïve — ok €\r\n`).join('');
  const encoded: [string, Uint8Array][] = [
    ...files.map((f): [string, Uint8Array] => [f.split('/').pop()!, new Uint8Array(readFileSync(f))]),
    ['messy utf-8', utf8(messy)],
    ['messy utf-8 (BOM)', utf8Bom(messy)],
    ['messy utf-16le', utf16le(messy)],
    ['messy utf-16be', utf16be(messy)],
    ['messy utf-16le without a BOM', utf16le(messy, false)],
    ['messy windows-1252', windows1252(messy)],
    // UTF-8 until a Windows-1252 £ near the end: found only after most rows were read as UTF-8.
    ['late 1252 byte', concat(utf8(messy.replaceAll(/[£é–“”ï—€]/g, (c) => (c === '£' ? '' : 'x'))), windows1252('2022-23,1,HNB,Late,£5,\r\n'))],
    // UTF-8 with one stray Windows-1252 £ in the middle.
    ['stray 1252 byte', concat(utf8(messy.slice(0, 2000)), windows1252('£'), utf8(messy.slice(2000)))],
  ];

  it.each(encoded)('%s reads, piece by piece, exactly as the whole text decoded at once', (name, bytes) => {
    const decoded = decodeBytes(bytes);
    const whole = decoded.ok && decoded.encoding !== 'utf-8, with some Windows-1252 bytes'
      ? { ...importText(decoded.text, name), encoding: decoded.encoding }
      : importBytes(bytes, name, { chunkChars: 1 << 30 });
    for (const chunkChars of [1, 2, 3, 5, 17, 64, 333, 1 << 30]) {
      expect(importBytes(bytes, name, { chunkChars })).toEqual(whole);
    }
  });

  it('starts again as Windows-1252 where UTF-8 fails late, with nothing read twice', () => {
    const bytes = encoded.find(([n]) => n === 'late 1252 byte')![1];
    const r = importBytes(bytes, 'late.csv', { chunkChars: 64 });
    expect(r.encoding).toBe('windows-1252');
    expect(r.rowsImported).toBe(61);
    expect(r.data.actuals.find((l) => l.line === 'Late')?.actuals[0]).toBe(500);
  });
});

describe('a UTF-8 file with a stray Windows-1252 byte', () => {
  it('keeps its UTF-8 £ and é, reads the stray byte as £, and warns where it is', () => {
    const bytes = concat(
      utf8('Financial Year,Period,Block,Line,Actual\n2022-23,1,HNB,Café top up,"£1,234.00"\n2022-23,2,HNB,Café top up,£5.00\n2022-23,3,HNB,Other,'),
      windows1252('£7.00\n'),
    );
    const r = importBytes(bytes, 'stray.csv');
    expect(r.encoding).toBe('utf-8, with some Windows-1252 bytes');
    expect(r.errorCount).toBe(0);
    expect(r.data.actuals.map((l) => [l.line, l.actuals.slice(0, 3)])).toEqual([['Café top up', [123400, 500, null]], ['Other', [null, null, 700]]]);
    expect(r.warnings[0]).toMatchObject({ severity: 'warning', file: 'stray.csv', message: expect.stringMatching(/UTF-8, but 1 byte in it is not \(the first on line 4\)/) });
  });
});
