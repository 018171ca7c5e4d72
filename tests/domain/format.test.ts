import Decimal from 'decimal.js';
import { describe, expect, test } from 'vitest';
import {
  describeDeficit,
  describeVariance,
  formatCompact,
  formatCount,
  formatDate,
  formatPaperMoney,
  formatWithShare,
  formatMillionsInWords,
  formatPercent,
  formatPounds,
} from '../../src/domain/format';
import type { Pence } from '../../src/model/money';

const p = (n: number) => n as Pence;

describe('formatPounds: UK style, negatives in brackets (SPEC 3)', () => {
  test.each([
    [123456700, '£1,234,567'],
    [-13600000, '(£136,000)'],
    [1186271700, '£11,862,717'],
    [0, '£0'],
    [100, '£1'],
    [99900, '£999'],
    [100000, '£1,000'],
    [100000000000, '£1,000,000,000'],
    // whole pounds, half away from zero
    [50, '£1'],
    [49, '£0'],
    [150, '£2'],
    [250, '£3'],
    [-50, '(£1)'],
    [-250, '(£3)'],
    [-49, '£0'], // rounds to nothing: no brackets round a zero
    [-1, '£0'],
    [123456789, '£1,234,568'],
    [123456749, '£1,234,567'],
  ])('%i pence → %s', (n, text) => {
    expect(formatPounds(p(n))).toBe(text);
  });

  test.each([
    [123456, '£1,234.56'],
    [-123456, '(£1,234.56)'],
    [1, '£0.01'],
    [-1, '(£0.01)'],
    [0, '£0.00'],
    [1562100000, '£15,621,000.00'],
    [-13600000, '(£136,000.00)'],
  ])('%i pence with pence → %s', (n, text) => {
    expect(formatPounds(p(n), { pence: true })).toBe(text);
  });
});

describe('formatCompact: £m and £k as council tables print them (SPEC 3)', () => {
  test.each([
    [273171700, '£2.73m'],
    [-19600000, '(£196k)'],
    [19600000, '£196k'],
    [1186271700, '£11.86m'],
    [1170000000, '£11.70m'],
    [608900000, '£6.09m'],
    [16271700, '£163k'],
    [-13600000, '(£136k)'],
    [99900, '£999'],
    [0, '£0'],
    [100000000000, '£1,000.00m'],
    // half away from zero at display
    [273500000, '£2.74m'], // £2.735m
    [-273500000, '(£2.74m)'],
    [273499999, '£2.73m'],
    [19650000, '£197k'], // £196.5k
    [-19650000, '(£197k)'],
    [19649999, '£196k'],
    [99950, '£1k'], // £999.50 rounds to £1,000, shown as £1k
    [99949, '£999'],
    [99950000, '£1.00m'], // £999,500 rounds to £1,000k, shown as £1.00m
    [99949999, '£999k'],
    [-49, '£0'], // no "(£0)"
    [-40000, '(£400)'],
  ])('%i pence → %s', (n, text) => {
    expect(formatCompact(p(n))).toBe(text);
  });

  test.each([
    [273171700, { digits: 1 }, '£2.7m'],
    [273171700, { digits: 3 }, '£2.732m'],
    [200000000, { trim: true }, '£2m'],
    [250000000, { trim: true }, '£2.5m'],
    [-250000000, { digits: 1, trim: true }, '(£2.5m)'],
    [-1000, { trim: true }, '(£10)'],
  ])('%i pence with %o → %s', (n, options, text) => {
    expect(formatCompact(p(n), options)).toBe(text);
  });
});

describe('formatMillionsInWords: GOV.UK style in sentences', () => {
  test.each([
    [273171700, 2, '£2.73 million'],
    [270000000, 2, '£2.7 million'],
    [-273171700, 2, '£2.73 million'], // never negative: the sentence says which way
    [1186271700, 3, '£11.863 million'],
    [1186271700, 1, '£11.9 million'],
    [15000000, 2, '£150,000'], // under a million: whole pounds
  ])('%i pence, %i digits → %s', (n, digits, text) => {
    expect(formatMillionsInWords(p(n), digits)).toBe(text);
  });

  test('alwaysMillions', () => {
    expect(formatMillionsInWords(p(15000000), 2, { alwaysMillions: true })).toBe('£0.15 million');
  });
});

describe('formatPercent', () => {
  test.each([
    ['1.3907', 2, '1.39%'],
    ['1.395', 2, '1.4%'], // half away from zero, trailing zero trimmed
    ['-1.395', 2, '(1.4%)'],
    ['2', 2, '2%'],
    ['0.005', 2, '0.01%'],
    ['-0.005', 2, '(0.01%)'],
    ['12.345', 1, '12.3%'],
    ['100', 0, '100%'],
  ])('%s with %i digits → %s', (value, digits, text) => {
    expect(formatPercent(new Decimal(value), digits)).toBe(text);
  });
});

describe('describeVariance and describeDeficit: the meaning in words (SPEC 3)', () => {
  test.each([
    [3171700, '£31,717 overspend'],
    [-13600000, '£136,000 underspend'],
    [29371700, '£293,717 overspend'],
    [-1200000, '£12,000 underspend'],
    [0, 'on budget'],
    [15285300, '£152,853 overspend'],
  ])('variance %i pence → %s', (n, text) => {
    expect(describeVariance(p(n))).toBe(text);
  });

  test.each([
    [273171700, '£2,731,717 deficit'],
    [-12000000, '£120,000 surplus'],
    [0, 'balanced'],
  ])('in-year balance %i pence → %s', (n, text) => {
    expect(describeDeficit(p(n))).toBe(text);
  });
});

describe('formatCount', () => {
  test.each([
    [1570, '1,570'],
    [0, '0'],
    [999, '999'],
    [1000000, '1,000,000'],
    [-1234, '-1,234'],
  ])('%i → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

describe('small and large amounts in words', () => {
  test('shows pence where a variance is under a pound, and groups thousands of millions', () => {
    expect(describeVariance(1 as Pence)).toBe('£0.01 overspend');
    expect(describeDeficit(-99 as Pence)).toBe('£0.99 surplus');
    expect(formatMillionsInWords(100_000_000_000 as Pence)).toBe('£1,000 million');
  });
});

describe('the forum paper\'s money: £m to 3 decimals, £k below a million (docs/formats.md)', () => {
  test.each([
    [151200000, '£1.512m'],
    [273171700, '£2.732m'],
    [-270000000, '(£2.7m)'], // the paper's "(£2.7m)": trailing zeros dropped
    [608900000, '£6.089m'],
    [-19600000, '(£196k)'],
    [15300000, '£153k'],
    [0, '£0'],
    [-27600000, '(£276k)'],
  ])('%i pence → %s', (n, text) => {
    expect(formatPaperMoney(p(n))).toBe(text);
  });
});

describe('dates, counts and shares: one form each', () => {
  test.each([
    ['2026-12-01', '1 December 2026'],
    ['2023-04-12T09:30:00.000Z', '12 April 2023'],
    ['not a date', 'not a date'],
  ])('%s → %s', (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });
  test('counts: separators, and brackets for a negative difference when asked', () => {
    expect(formatCount(1570)).toBe('1,570');
    expect(formatCount(2379)).toBe('2,379');
    expect(formatCount(-2, { brackets: true })).toBe('(2)');
    expect(formatCount(-1234, { brackets: true })).toBe('(1,234)');
  });
  test('a share beside money is unsigned and never doubly bracketed', () => {
    expect(formatWithShare('£162,717', new Decimal('1.3907'))).toBe('£162,717 (1.39%)');
    expect(formatWithShare('£1,350,000', new Decimal('-5.2123'))).toBe('£1,350,000 (5.21%)');
    expect(formatWithShare('£1', null)).toBe('£1');
  });
});
