/**
 * Property tests for money: what is formatted parses back to the same pence, sums do not depend
 * on order, and parsing a decimal string is exact (checked against BigInt arithmetic).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPounds } from '../../src/domain/format';
import { MAX_CELL_PENCE, add, neg, sub, sum, type Pence } from '../../src/model/money';
import { parseMoney, toFixed2 } from '../../src/domain/money';

// A fixed seed keeps every run identical; fast-check prints the counterexample if one fails.
const RUNS = { numRuns: 500, seed: 20230331 };

/** Any amount a cell may hold, as integer pence. */
const cellPence = fc.integer({ min: -MAX_CELL_PENCE, max: MAX_CELL_PENCE }).map((n) => n as Pence);
/** Amounts council ledgers really hold: mostly small, so grouping and short numbers get exercised. */
const typicalPence = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -100_000_000, max: 100_000_000 }),
  fc.integer({ min: -MAX_CELL_PENCE, max: MAX_CELL_PENCE }),
).map((n) => n as Pence);

function parsedPence(s: string): number | undefined {
  const r = parseMoney(s);
  return r.ok && 'pence' in r ? r.pence : undefined;
}

/** Exact pence of a decimal string such as "-1,234.5", "£12" or "(3.07)", computed with BigInt. */
function bigIntPence(digits: string, decimals: string, negative: boolean): bigint {
  const v = BigInt(digits) * 100n + (decimals === '' ? 0n : BigInt(decimals.padEnd(2, '0')));
  return negative ? -v : v;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

describe('money round-trips', () => {
  it('toFixed2 then parseMoney gives back the same pence', () => {
    fc.assert(
      fc.property(typicalPence, (n) => {
        const r = parseMoney(toFixed2(n));
        expect(r).toEqual({ ok: true, pence: n, rounded: false });
      }),
      RUNS,
    );
  });

  it('formatPounds with pence then parseMoney gives back the same pence, brackets and all', () => {
    fc.assert(
      fc.property(typicalPence, (n) => {
        const text = formatPounds(n, { pence: true });
        if (n < 0) expect(text).toMatch(/^\(£[\d,]+\.\d\d\)$/);
        else expect(text).toMatch(/^£[\d,]+\.\d\d$/);
        expect(parsedPence(text)).toBe(n);
      }),
      RUNS,
    );
  });

  it('formatPounds in whole pounds then parseMoney gives the amount rounded half away from zero', () => {
    fc.assert(
      fc.property(typicalPence, (n) => {
        const big = BigInt(n);
        const abs = big < 0n ? -big : big;
        const roundedPounds = (abs + 50n) / 100n; // half away from zero on the magnitude
        const expected = Number((big < 0n ? -roundedPounds : roundedPounds) * 100n);
        expect(parsedPence(formatPounds(n))).toBe(expected === 0 ? 0 : expected);
      }),
      RUNS,
    );
  });
});

describe('sums', () => {
  it('do not depend on order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { maxLength: 200 }).chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })),
        ),
        ([xs, shuffled]) => {
          const expected = xs.reduce((t, x) => t + BigInt(x), 0n);
          expect(BigInt(sum(xs as Pence[]))).toBe(expected);
          expect(sum(shuffled as Pence[])).toBe(sum(xs as Pence[]));
        },
      ),
      RUNS,
    );
  });

  it('add and sub are inverse, and neg is sub from zero', () => {
    fc.assert(
      fc.property(cellPence, cellPence, (a, b) => {
        expect(sub(add(a, b), b)).toBe(a);
        expect(add(sub(a, b), b)).toBe(a);
        expect(add(a, neg(a))).toBe(0);
        expect(add(a, b)).toBe(add(b, a));
      }),
      RUNS,
    );
  });
});

describe('parsing decimal strings is exact', () => {
  const amount = fc.record({
    digits: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999_999_999_999 })).map(String),
    decimals: fc.oneof(fc.constant(''), fc.stringMatching(/^\d$/), fc.stringMatching(/^\d\d$/)),
    negative: fc.boolean(),
    grouped: fc.boolean(),
    style: fc.constantFrom('minus', 'brackets', 'pound-minus', 'minus-pound', 'cr', 'plain'),
    pad: fc.constantFrom('', ' ', '  '),
  });

  it('a string with at most two decimals parses to the exact pence BigInt computes', () => {
    fc.assert(
      fc.property(amount, ({ digits, decimals, negative, grouped, style, pad }) => {
        const body = (grouped ? groupThousands(digits) : digits) + (decimals === '' ? '' : '.' + decimals);
        let text: string;
        if (!negative) text = style === 'plain' || style === 'minus' || style === 'brackets' ? body : `£${body}`;
        else if (style === 'brackets') text = `(${body})`;
        else if (style === 'pound-minus') text = `£-${body}`;
        else if (style === 'minus-pound') text = `-£${body}`;
        else if (style === 'cr') text = `${body} CR`;
        else text = `-${body}`;
        const expected = bigIntPence(digits, decimals, negative);
        const r = parseMoney(pad + text + pad);
        expect(r).toEqual({ ok: true, pence: Number(expected === 0n ? 0n : expected), rounded: false });
      }),
      RUNS,
    );
  });

  it('a string with more decimals rounds half away from zero, as BigInt does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }).map(String),
        fc.stringMatching(/^\d{3,8}$/),
        fc.boolean(),
        (digits, decimals, negative) => {
          const scale = 10n ** BigInt(decimals.length - 2);
          const exact = BigInt(digits + decimals); // the amount in units of 10^-decimals.length pounds
          const whole = (exact + scale / 2n) / scale; // half up on the magnitude
          const expected = negative ? -whole : whole;
          const r = parseMoney(`${negative ? '-' : ''}${digits}.${decimals}`);
          expect(r).toEqual({
            ok: true,
            pence: Number(expected === 0n ? 0n : expected),
            rounded: exact % scale !== 0n,
          });
        },
      ),
      RUNS,
    );
  });

  it('k and m suffixes multiply exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }).map(String),
        fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,3}$/)),
        fc.constantFrom(['k', 3n], ['m', 6n], ['K', 3n], ['M', 6n]),
        (digits, decimals, [suffix, power]) => {
          const text = `£${digits}${decimals ? '.' + decimals : ''}${suffix}`;
          // pounds = digits.decimals × 10^power; pence = that × 100, whole since decimals ≤ 3 and power ≥ 3.
          const expected = (BigInt(digits + decimals) * 10n ** (power + 2n)) / 10n ** BigInt(decimals.length);
          expect(parseMoney(text)).toEqual({ ok: true, pence: Number(expected), rounded: false });
        },
      ),
      RUNS,
    );
  });
});

describe('the quick reading of grouped and bracketed amounts', () => {
  // Strings near the grouped and bracketed forms, valid or not: digits, commas, a point, brackets, signs.
  const nearGrouped = fc
    .array(fc.constantFrom('0', '1', '2', '5', '9', ',', '.', '(', ')', '-', ' '), { minLength: 1, maxLength: 18 })
    .map((cs) => cs.join(''));
  const grouped = fc
    .tuple(typicalPence, fc.constantFrom('brackets', 'minus'), fc.integer({ min: 0, max: 2 }))
    .map(([p, style, decimals]) => {
      const [pounds, pennies] = toFixed2(Math.abs(p) as Pence).split('.');
      const body = `${groupThousands(pounds!)}${decimals === 0 ? '' : '.' + pennies!.slice(0, decimals)}`;
      return p < 0 ? (style === 'brackets' ? `(${body})` : `-${body}`) : body;
    });
  // Digit runs of one to four joined by commas: some rightly grouped, most not.
  const misgrouped = fc
    .tuple(fc.array(fc.stringMatching(/^\d{1,4}$/), { minLength: 1, maxLength: 5 }), fc.stringMatching(/^(\.\d{0,3})?$/), fc.constantFrom('', '(', '-'))
    .map(([groups, decimals, sign]) => `${sign}${groups.join(',')}${decimals}${sign === '(' ? ')' : ''}`);
  it('reads every string as the general reading does (a leading space sends it that way)', () => {
    fc.assert(
      fc.property(fc.oneof(nearGrouped, grouped, misgrouped), (s) => {
        expect(parseMoney(s)).toEqual(parseMoney(` ${s}`));
      }),
      { ...RUNS, numRuns: 3000 },
    );
  });
});
