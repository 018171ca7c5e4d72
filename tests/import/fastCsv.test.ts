/**
 * The quick CSV reading gives exactly Papa Parse's rows and cursor wherever it reads a piece, in
 * the last piece and in one cut off by the next, and leaves to Papa what Papa reports as errors.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fastRows } from '../../src/import/sources/fastCsv';

function papa(input: string, delimiter: string, last: boolean) {
  const r = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' } as Papa.ParseConfig).parse(input, 0, !last) as Papa.ParseResult<string[]>;
  return { data: r.data, cursor: r.meta.cursor, errors: r.errors.length };
}

const agrees = (input: string, delimiter: string, last: boolean) => {
  const fast = fastRows(input, delimiter, last);
  const slow = papa(input, delimiter, last);
  if (fast === undefined) return false;
  expect(slow.errors, JSON.stringify(input)).toBe(0);
  expect({ data: fast.data, cursor: fast.cursor }, JSON.stringify(input)).toEqual({ data: slow.data, cursor: slow.cursor });
  return true;
};

/** A well-formed CSV field: plain, or quoted with delimiters, quotes and line breaks inside. */
const field = fc.oneof(
  fc.stringMatching(/^[a-z0-9 .()-]{0,6}$/),
  fc.stringMatching(/^[a-z,"\n ]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
);
const csv = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }).map((r) => r.join(',')), { maxLength: 6 })
  .chain((rows) => fc.constantFrom('', '\n').map((end) => rows.join('\n') + end));

describe('fastRows', () => {
  it('reads well-formed CSV exactly as Papa does, whole and cut anywhere', () => {
    fc.assert(fc.property(csv, fc.nat(), fc.boolean(), (text, cut, last) => {
      expect(agrees(text, ',', true)).toBe(true);
      const piece = text.slice(0, cut % (text.length + 1));
      agrees(piece, ',', last);
    }), { numRuns: 2000 });
  });
  it('agrees with Papa on any text it reads, and leaves the rest to Papa', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a,;"\n \t]{0,24}$/), fc.constantFrom(',', ';', '\t'), fc.boolean(), (text, delimiter, last) => {
      agrees(text, delimiter, last);
    }), { numRuns: 5000 });
  });
  it('reads the bench ledger\'s quoted values', () => {
    const text = '2022-23,1,HN3001,"Smith, Jones & Co","He said ""yes""","(1,234.56)"\n2022-23,2,SB3002,Oakwood,Invoice,12.50\n';
    expect(fastRows(text, ',', true)?.data).toEqual([
      ['2022-23', '1', 'HN3001', 'Smith, Jones & Co', 'He said "yes"', '(1,234.56)'],
      ['2022-23', '2', 'SB3002', 'Oakwood', 'Invoice', '12.50'],
      [''],
    ]);
    expect(agrees(text, ',', false)).toBe(true);
  });
  it('gives up where Papa reports a quote', () => {
    expect(fastRows('"a"b,c\n', ',', true)).toBeUndefined();
    expect(fastRows('"a" ,c\n', ',', true)).toBeUndefined();
    expect(fastRows('a,"unclosed\n', ',', true)).toBeUndefined();
    expect(fastRows('a,"unclosed\n', ',', false)).toEqual({ data: [], cursor: 0 });
  });
});
