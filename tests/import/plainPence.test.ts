/** The import loop's fast path for plain figures agrees with parseMoney on every input it accepts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../src/domain/money';
import { plainPence } from '../../src/import/columns';

const agrees = (s: string) => {
  const fast = plainPence(s);
  if (fast === undefined) return;
  const slow = parseMoney(s);
  expect(slow.ok && 'pence' in slow ? slow.pence : 'not plain').toBe(fast);
};

describe('plainPence', () => {
  it('reads plain figures exactly', () => {
    expect(plainPence('1234')).toBe(123400);
    expect(plainPence('1234.5')).toBe(123450);
    expect(plainPence('-1234.56')).toBe(-123456);
    expect(plainPence('-0')).toBe(0);
    expect(plainPence('0.07')).toBe(7);
  });
  it('leaves everything else to parseMoney', () => {
    for (const s of ['', '-', '1,234', '£1', '1.234', '1.', '.5', '1e3', ' 1', '1 ', '(1)', '1CR', '999999999999999']) expect(plainPence(s)).toBeUndefined();
  });
  it('agrees with parseMoney on plain figures and on random text', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 2 }), (pence, places) => {
      const abs = pence < 0n ? -pence : pence;
      const whole = (abs / 100n).toString();
      const frac = (abs % 100n).toString().padStart(2, '0');
      const s = `${pence < 0n ? '-' : ''}${whole}${places === 0 ? '' : '.' + frac.slice(0, places)}`;
      agrees(s);
    }));
    fc.assert(fc.property(fc.stringMatching(/^[-0-9.,£ ]{0,16}$/), (s) => agrees(s)));
  });
});
