/**
 * The one fast money reader (parseMoney's fast path and the import loop's) agrees with
 * parseMoney's general reading on every input it accepts, and leaves everything else to it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoney, quickPence } from '../../src/domain/money';

/** parseMoney with its fast path out of the way: a leading space sends the cell down the general reading. */
const general = (s: string) => {
  const r = parseMoney(` ${s}`);
  return r.ok && 'pence' in r ? r.pence : 'not an amount';
};

const agrees = (s: string) => {
  const fast = quickPence(s);
  if (fast === undefined) return;
  expect(general(s)).toBe(fast);
};

/** Pence as a finance system prints them: grouped or not, negatives with a minus or in brackets. */
function printed(pence: bigint, places: number, grouped: boolean, brackets: boolean): string {
  const abs = pence < 0n ? -pence : pence;
  let whole = (abs / 100n).toString();
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % 100n).toString().padStart(2, '0');
  const text = `${whole}${places === 0 ? '' : '.' + frac.slice(0, places)}`;
  return pence >= 0n ? text : brackets ? `(${text})` : `-${text}`;
}

describe('quickPence', () => {
  it('reads plain, grouped and bracketed figures exactly', () => {
    expect(quickPence('1234')).toBe(123400);
    expect(quickPence('1234.5')).toBe(123450);
    expect(quickPence('-1234.56')).toBe(-123456);
    expect(quickPence('-0')).toBe(0);
    expect(quickPence('0.07')).toBe(7);
    expect(quickPence('1,234.56')).toBe(123456);
    expect(quickPence('(1,234.56)')).toBe(-123456);
    expect(quickPence('-1,234,567.8')).toBe(-123456780);
    expect(quickPence('(234.56)')).toBe(-23456);
    expect(quickPence('999,999,999,999.99')).toBe(99_999_999_999_999);
  });
  it('leaves everything else to the general reading', () => {
    for (const s of ['', '-', '()', '(', '(1', '1)', '-(1)', '(-1)', '1,23', '1,2345', ',123', '1,,234', '12345,678', '£1', '1.234', '1.', '.5', '1e3', ' 1', '1 ', '1CR', '1-', '1,234.5.6', '9999999999999', '1,000,000,000,000']) {
      expect(quickPence(s), s).toBeUndefined();
    }
  });
  it('agrees with the general reading on printed figures and on random text', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.boolean(), (pence, places, grouped, brackets) => {
      const s = printed(pence, places, grouped, brackets);
      agrees(s);
      // Within £1tn and 12 whole digits every such figure is taken quickly.
      if (pence < 10n ** 14n && pence > -(10n ** 14n)) expect(quickPence(s), s).toBeDefined();
    }));
    fc.assert(fc.property(fc.stringMatching(/^[-0-9.,()£ ]{0,16}$/), (s) => agrees(s)));
  });
  it('is parseMoney\'s answer too', () => {
    for (const s of ['1,234.56', '(1,234.56)', '-12.5', '7']) expect(parseMoney(s)).toEqual({ ok: true, pence: quickPence(s), rounded: false });
  });
});
