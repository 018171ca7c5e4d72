/** Parsing a few megabytes at a time gives exactly what parsing the whole text at once gives, wherever the chunks cut. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/import/decode';
import { importText } from '../../src/import/importFile';
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
