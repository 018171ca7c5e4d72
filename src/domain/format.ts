/**
 * The presentation rules (docs/formats.md): money, percentages, counts and dates as UK council
 * finance reports print them (SPEC section 3), one rule for each, used by every view, the forum
 * report, the return and the snapshot. £1,234,567 on screen, £1.512m in the forum report as the
 * paper prints it, negatives (underspends, surpluses, headroom) in brackets, percentages too
 * ("(5.21%)"), never a minus sign on money, and the meaning in words wherever a number stands
 * alone. Rounding happens here and only here, half away from zero.
 */
import Decimal from 'decimal.js';
import { abs, type Pence } from '../model/money';

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
 * whole pounds. `digits` sets the decimals of millions (2 by default, as in "£11.86m"). On screen
 * only for chart marks (bar labels) read against a £m axis: a heading or a sentence gives the
 * page's own form, whole pounds in a view and `formatPaperMoney` in the forum report, so one
 * figure never shows at two precisions on one page.
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
  const magnitude = new Decimal(p).div(100).abs();
  if (magnitude.lt(1_000_000) && !options.alwaysMillions) return formatPounds(abs(p));
  const [whole, frac] = trimZeros(magnitude.div(1_000_000).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed(digits)).split('.');
  return `£${groupThousands(whole!)}${frac ? '.' + frac : ''} million`;
}

/** "1.39%" from a percentage (not a fraction); a negative one in brackets, "(5.21%)", as money is. */
export function formatPercent(percent: Decimal, digits = 2): string {
  const rounded = percent.abs().toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  return wrapNegative(percent.isNegative() && !rounded.isZero(), `${trimZeros(rounded.toFixed(digits))}%`);
}

/**
 * Money in the forum report, as the paper prints it: £m to 3 decimals at a million and over
 * ("£1.512m", trailing zeros dropped as in "(£2.7m)"), £k below, whole pounds under £1,000.
 */
export function formatPaperMoney(p: Pence): string {
  return formatCompact(p, { digits: 3, trim: true });
}

/** A money figure with its share of another: "£162,717 (1.39%)"; the share always unsigned. */
export function formatWithShare(money: string, percent: Decimal | null): string {
  return percent === null ? money : `${money} (${formatPercent(percent.abs())})`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-12-01" (or an ISO time) → "1 December 2026": the one way a date is written. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** A moment as "1 December 2026, 14:05" in the viewer's local time. */
export function formatDateTime(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${formatDate(iso)}, ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Today's date as "1 December 2026". */
export function formatToday(now = new Date()): string {
  return formatDateTime(now).replace(/, \d\d:\d\d$/, '');
}

/**
 * A variance (forecast outturn − budget) in words: "£31,717 overspend", "£136,000 underspend",
 * "on budget". "Overspend" is the variance's word only; spend against DSG income is the in-year deficit.
 */
export function describeVariance(p: Pence): string {
  if (p === 0) return 'on budget';
  return `${formatPounds(abs(p), { pence: Math.abs(p) < 100 })} ${p > 0 ? 'overspend' : 'underspend'}`;
}

/** An in-year balance in words: "£2,731,717 deficit" or "£120,000 surplus". */
export function describeDeficit(p: Pence): string {
  if (p === 0) return 'balanced';
  return `${formatPounds(abs(p), { pence: Math.abs(p) < 100 })} ${p > 0 ? 'deficit' : 'surplus'}`;
}

/** A decimal quantity as a string ("1584.3") with thousands separators: "1,584.3". */
export function formatQuantity(decimal: string): string {
  const [whole, frac] = decimal.replace(/^-/, '').split('.');
  return `${decimal.startsWith('-') ? '-' : ''}${groupThousands(whole!)}${frac ? '.' + frac : ''}`;
}

/** Whole numbers with thousands separators: "1,570"; with `brackets`, a negative difference as "(2)". */
export function formatCount(n: number, options: { brackets?: boolean } = {}): string {
  const text = groupThousands(String(Math.abs(n)));
  return n < 0 ? (options.brackets ? `(${text})` : `-${text}`) : text;
}
