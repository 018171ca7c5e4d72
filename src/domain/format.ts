/**
 * Money and numbers as UK council finance reports print them (SPEC section 3): £1,234,567,
 * £2.73m, £196k, negatives (underspends, surpluses) in parentheses, and the meaning in words
 * wherever a number stands alone. Rounding happens here and only here, half away from zero.
 */
import Decimal from 'decimal.js';
import type { Pence } from './money';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1.50" → "1.5", "2.00" → "2", "100" stays. */
function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function wrapNegative(negative: boolean, text: string): string {
  return negative ? `(${text})` : text;
}

/** "£1,234,567", or "£1,234,567.89" with pence; negatives "(£136,000)". */
export function formatPounds(p: Pence, options: { pence?: boolean } = {}): string {
  const d = new Decimal(p).div(100);
  const rounded = d.abs().toDecimalPlaces(options.pence ? 2 : 0, Decimal.ROUND_HALF_UP);
  const negative = d.isNegative() && !rounded.isZero();
  const [whole, frac] = rounded.toFixed(options.pence ? 2 : 0).split('.');
  return wrapNegative(negative, `£${groupThousands(whole!)}${frac ? '.' + frac : ''}`);
}

/**
 * Council-table style: "£2.73m" at a million and over, "£196k" at a thousand and over, else
 * whole pounds. `digits` sets the decimals of millions (2 by default, as in "£11.86m").
 */
export function formatCompact(p: Pence, options: { digits?: number; trim?: boolean } = {}): string {
  const pounds = new Decimal(p).div(100);
  const abs = pounds.abs();
  let text: string;
  if (abs.gte(999_500)) {
    let m = abs.div(1_000_000).toDecimalPlaces(options.digits ?? 2, Decimal.ROUND_HALF_UP).toFixed(options.digits ?? 2);
    if (options.trim) m = trimZeros(m);
    text = `£${groupThousands(m.split('.')[0]!)}${m.includes('.') ? '.' + m.split('.')[1] : ''}m`;
  } else if (abs.gte(999.5)) {
    text = `£${abs.div(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)}k`;
  } else {
    text = `£${abs.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)}`;
  }
  const zero = /^£0(\.0+)?[mk]?$/.test(text);
  return wrapNegative(pounds.isNegative() && !zero, text);
}

/** "£2.73 million", as GOV.UK writes money in sentences; never negative (say what it is instead). */
export function formatMillionsInWords(p: Pence, digits = 2, options: { alwaysMillions?: boolean } = {}): string {
  const abs = new Decimal(p).div(100).abs();
  if (abs.lt(1_000_000) && !options.alwaysMillions) return formatPounds(Math.abs(p) as Pence);
  const [whole, frac] = trimZeros(abs.div(1_000_000).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed(digits)).split('.');
  return `£${groupThousands(whole!)}${frac ? '.' + frac : ''} million`;
}

/** "1.39%" from a percentage (not a fraction). */
export function formatPercent(percent: Decimal, digits = 2): string {
  return `${trimZeros(percent.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed(digits))}%`;
}

/** A variance in words: "£31,717 overspend", "£136,000 underspend", "on budget". */
export function describeVariance(p: Pence): string {
  if (p === 0) return 'on budget';
  return `${formatPounds(Math.abs(p) as Pence, { pence: Math.abs(p) < 100 })} ${p > 0 ? 'overspend' : 'underspend'}`;
}

/** An in-year balance in words: "£2,731,717 deficit" or "£120,000 surplus". */
export function describeDeficit(p: Pence): string {
  if (p === 0) return 'balanced';
  return `${formatPounds(Math.abs(p) as Pence, { pence: Math.abs(p) < 100 })} ${p > 0 ? 'deficit' : 'surplus'}`;
}

/** Whole numbers with thousands separators: "1,570". */
export function formatCount(n: number): string {
  return groupThousands(String(Math.abs(n))).replace(/^/, n < 0 ? '-' : '');
}
