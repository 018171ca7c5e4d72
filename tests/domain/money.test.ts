import Decimal from 'decimal.js';
import { describe, expect, it, test } from 'vitest';
import { MAX_CELL_PENCE, MoneyOverflowError, ZERO, abs, add, neg, pence, sub, sum, type Pence } from '../../src/model/money';
import { fromPounds, parseMoney, roundPence, toDecimalPounds, toFixed2 } from '../../src/domain/money';

const p = (n: number) => n as Pence;

/** Every accepted form of SPEC section 3, with the exact pence it must give. */
const ACCEPTED: [input: string, pence: number][] = [
  // plain
  ['1234', 123400],
  ['1234.5', 123450],
  ['1234.56', 123456],
  ['0', 0],
  ['0.01', 1],
  ['-0.01', -1],
  ['-1234.56', -123456],
  ['.5', 50],
  ['5.', 500],
  ['+5', 500],
  ['007', 700],
  // thousands separators and the pound sign
  ['1,234.56', 123456],
  ['1,234', 123400],
  ['1,234,567.89', 123456789],
  ['£1,234.56', 123456],
  ['£1234.56', 123456],
  ['£ 1,234.56', 123456],
  ['-£1,234.56', -123456],
  ['£-1,234.56', -123456],
  ['- £1,234.56', -123456],
  ['−£1,234.56', -123456], // U+2212 minus sign
  ['–1,234.56', -123456], // en dash, as word processors print a minus
  // brackets for negatives
  ['(1,234.56)', -123456],
  ['(£1,234.56)', -123456],
  ['( 1,234.56 )', -123456],
  ['(0)', 0],
  // k and m suffixes, exactly
  ['£6.089m', 608900000],
  ['(£196k)', -19600000],
  ['1.2M', 120000000],
  ['1.2m', 120000000],
  ['12k', 1200000],
  ['12K', 1200000],
  ['£0.295m', 29500000],
  ['£2.731717m', 273171700],
  ['£1.5 m', 150000000],
  ['-£196k', -19600000],
  ['£1,234k', 123400000],
  // a dash is zero, as ledgers print it
  ['-', 0],
  [' - ', 0],
  ['–', 0],
  ['—', 0],
  // surrounding spaces, non-breaking spaces, tabs
  ['  1234.56  ', 123456],
  ['\t1234\t', 123400],
  ['\u00a0£1,234.56\u00a0', 123456],
  // CR (credit: negative) and DR (debit: positive)
  ['1,234.56 CR', -123456],
  ['1,234.56CR', -123456],
  ['1,234.56 cr', -123456],
  ['1,234.56 Cr.', -123456],
  ['£1,234.56 CR', -123456],
  ['1,234.56 DR', 123456],
  ['1,234.56DR', 123456],
  ['0.00 CR', 0],
  // scientific notation as Excel writes it: exact
  ['1.5E+06', 150000000],
  ['1.5e+06', 150000000],
  ['1.5E6', 150000000],
  ['1E+03', 100000],
  ['1.23456789E+08', 12345678900],
  ['2.5E-01', 25],
  ['-1.5E+06', -150000000],
  ['(1.5E+06)', -150000000],
  ['1.5E+06 CR', -150000000],
  // the largest amount a cell may hold: £1 trillion
  ['1000000000000', MAX_CELL_PENCE],
  ['£1,000,000,000,000.00', MAX_CELL_PENCE],
  ['-999999999999.99', -99999999999999],
];

/** Over two decimal places: rounded half away from zero, flagged. */
const ROUNDED: [input: string, pence: number][] = [
  ['0.005', 1],
  ['-0.005', -1],
  ['0.004', 0],
  ['-0.004', 0],
  ['0.0049999', 0],
  ['0.00500', 1],
  ['1.234', 123],
  ['1.235', 124],
  ['-1.235', -124],
  ['-0.015', -2],
  ['0.015', 2],
  ['2.675', 268], // 2.675 is 2.67499999… as a binary float: exact string arithmetic gives 268
  ['1.005', 101], // likewise 1.00499999… as a float
  ['1,234,567.891', 123456789],
  ['1,234.565', 123457],
  ['(1,234.565)', -123457],
  ['1,234.567 CR', -123457],
  ['£0.0001m', 10000], // £100: k/m shift the decimals first, so not rounded…
  ['9.995', 1000],
  ['99.999', 10000],
  ['0.0000001', 0],
  ['1.5E-03', 0],
  ['5E-03', 1],
  ['£1.0000005k', 100000],
];

describe('parseMoney: accepted forms (SPEC 3)', () => {
  test.each(ACCEPTED)('%j → %i pence', (input, expected) => {
    const r = parseMoney(input);
    expect(r).toEqual({ ok: true, pence: expected, rounded: false });
  });

  it('never gives negative zero', () => {
    for (const input of ['-0', '-0.00', '(0)', '0 CR', '-£0', '-0.001']) {
      const r = parseMoney(input);
      expect(r.ok && 'pence' in r && Object.is(r.pence, -0)).toBe(false);
    }
  });
});

describe('parseMoney: more than two decimals rounds half away from zero (SPEC 3)', () => {
  test.each(ROUNDED.filter(([input]) => input !== '£0.0001m'))('%j → %i pence, flagged rounded', (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, pence: expected, rounded: true });
  });

  it('is not flagged when the suffix makes the decimals whole pence', () => {
    expect(parseMoney('£0.0001m')).toEqual({ ok: true, pence: 10000, rounded: false });
    expect(parseMoney('£6.089m')).toEqual({ ok: true, pence: 608900000, rounded: false });
  });

  it('is not flagged for trailing zeros beyond the penny', () => {
    expect(parseMoney('1.2300')).toEqual({ ok: true, pence: 123, rounded: false });
    expect(parseMoney('1,234.5000')).toEqual({ ok: true, pence: 123450, rounded: false });
  });
});

describe('parseMoney: an empty cell is missing, not zero (SPEC 3)', () => {
  test.each(['', ' ', '   ', '\t', '\u00a0'])('%j is missing', (input) => {
    expect(parseMoney(input)).toEqual({ ok: true, missing: true });
  });
});

/** Rejected: each must give ok:false with a reason. */
const REJECTED: [input: string, reasonPart: RegExp][] = [
  ['abc', /letters/],
  ['12a4', /letters/],
  ['£1,000bn', /letters/],
  ['12km', /letters/],
  ['0x10', /letters/],
  ['1.2.3', /two decimal points/],
  ['1.234.56', /two decimal points/],
  ['1.2.3k', /two decimal points/],
  ['1,23', /thousands separator/],
  ['1,2345', /thousands separator/],
  ['12,34.5', /thousands separator/],
  [',123', /thousands separator|not an amount/],
  ['1,,234', /thousands separator/],
  ['1.234,56', /thousands separator|two decimal|not an amount/], // continental style: never misread as 123456
  ['()', /empty parentheses/],
  ['( )', /empty parentheses/],
  ['(£)', /no digits/],
  ['NaN', /not a number/],
  ['nan', /not a number/],
  ['Infinity', /not a number/],
  ['-Infinity', /not a number/],
  ['inf', /not a number/],
  ['(5', /parentheses/],
  ['5)', /parentheses/],
  ['(-5)', /more than one way/],
  ['-(5)', /parentheses|more than one way/],
  ['(5) CR', /more than one way/],
  ['-5 CR', /more than one way/],
  ['--5', /two signs/],
  ['-£-5', /two signs/],
  ['£', /no digits/],
  ['£-', /no digits/],
  ['CR', /no digits/],
  ['DR', /no digits/],
  ['£5£', /£/],
  ['5£', /£|not an amount/],
  ['1 234', /not an amount/],
  ['1_000', /not an amount/],
  ['€5', /not an amount/],
  ['$5', /not an amount/],
  ['5%', /not an amount/],
  ['1/2', /not an amount/],
  ['12-3', /not an amount/],
  ['5-', /not an amount/],
  ['1e', /not an amount/],
  ['e5', /not an amount/],
  ['1E+', /not an amount/],
  ['١٢', /not an amount/], // Arabic-Indic digits
  ['１２', /not an amount/], // full-width digits
  ['1000000000000.01', /too large/],
  ['1e400', /too large/],
  ['99999999999999999999', /too large/],
  ['£1,000,000,000,001', /too large/],
];

describe('parseMoney: rejected forms (SPEC 3)', () => {
  test.each(REJECTED)('%j is rejected', (input, reason) => {
    const r = parseMoney(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('toFixed2: exactly two decimals', () => {
  test.each([
    [0, '0.00'],
    [1, '0.01'],
    [-1, '-0.01'],
    [10, '0.10'],
    [-99, '-0.99'],
    [100, '1.00'],
    [-13600000, '-136000.00'],
    [123456, '1234.56'],
    [MAX_CELL_PENCE, '1000000000000.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i → %s', (n, s) => {
    expect(toFixed2(p(n))).toBe(s);
  });
});

describe('fromPounds and roundPence: half away from zero, exact', () => {
  test.each([
    ['0.005', 1],
    ['-0.005', -1],
    ['0.0049', 0],
    ['1.015', 102],
    ['-2.675', -268],
    ['1234.56', 123456],
    ['11862717', 1186271700],
  ])('fromPounds(%j) = %i', (pounds, expected) => {
    expect(fromPounds(pounds)).toBe(expected);
  });

  it('takes a Decimal', () => {
    expect(fromPounds(new Decimal('15621000').div(12))).toBe(130175000);
    expect(fromPounds(new Decimal(1).div(3))).toBe(33);
  });

  test.each([
    ['0.5', 1],
    ['-0.5', -1],
    ['1.4999', 1],
    ['2.5', 3],
    ['-2.5', -3],
  ])('roundPence(%j) = %i', (d, expected) => {
    expect(roundPence(new Decimal(d))).toBe(expected);
  });

  it('toDecimalPounds is exact', () => {
    expect(toDecimalPounds(p(-123456)).toString()).toBe('-1234.56');
    expect(toDecimalPounds(p(1)).toFixed(2)).toBe('0.01');
  });
});

describe('arithmetic guards against losing a penny', () => {
  it('adds, subtracts and negates exactly', () => {
    expect(add(p(10), p(20))).toBe(30);
    expect(sub(p(10), p(20))).toBe(-10);
    expect(neg(p(5))).toBe(-5);
    expect(Object.is(neg(ZERO), 0)).toBe(true);
  });

  it('takes the sign off an amount, exactly, to the largest safe one', () => {
    expect(abs(p(-1234))).toBe(1234);
    expect(abs(p(1234))).toBe(1234);
    expect(Object.is(abs(ZERO), 0)).toBe(true);
    expect(abs(p(-Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('sums without spreading a large array', () => {
    const many = new Array<Pence>(200_000).fill(p(1));
    expect(sum(many)).toBe(200_000);
    expect(sum([])).toBe(0);
    expect(sum(new Set([p(1), p(2), p(-3)]))).toBe(0);
  });

  it('throws rather than round a sum beyond 2^53', () => {
    const big = p(Number.MAX_SAFE_INTEGER);
    expect(() => add(big, p(1))).toThrow(MoneyOverflowError);
    expect(() => sub(p(-Number.MAX_SAFE_INTEGER), p(1))).toThrow(MoneyOverflowError);
    expect(() => sum([big, p(1)])).toThrow(MoneyOverflowError);
    expect(() => pence(0.5)).toThrow(MoneyOverflowError);
    expect(() => pence(2n ** 60n)).toThrow(MoneyOverflowError);
    expect(pence(12n)).toBe(12);
  });
});
