/**
 * Axis ticks in £k or £m, one unit per axis so a reader never compares "£800k" with "£1.2m".
 * Tick values are Recharts' own round numbers of pounds, so formatting them is display only.
 */
import Decimal from 'decimal.js';

export interface MoneyAxis {
  /** The axis title, naming the unit. */
  label: string;
  format(pounds: number): string;
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** A £m axis when any value reaches a million, else £k; negatives in brackets as in the tables. */
export function moneyAxis(values: Iterable<number | null>, what = 'Pounds'): MoneyAxis {
  let max = 0;
  for (const v of values) if (v !== null && Math.abs(v) > max) max = Math.abs(v);
  const millions = max >= 1_000_000;
  const div = millions ? 1_000_000 : 1000;
  const unit = millions ? 'm' : 'k';
  return {
    label: `${what} (£${unit})`,
    format(pounds) {
      const d = new Decimal(pounds).div(div);
      const text = `£${trim(d.abs().toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2))}${d.isZero() ? '' : unit}`;
      return d.isNegative() && !d.isZero() ? `(${text})` : text;
    },
  };
}

/** Whole-number count ticks ("1,500"). */
export function formatCountTick(n: number): string {
  return Math.round(n).toLocaleString('en-GB');
}

/** About five round ticks (steps of 1, 2 or 5 × 10ⁿ) spanning the counts, for count axes. */
export function countTicks(values: Iterable<number | null>): number[] | undefined {
  const xs = [...values].filter((v): v is number => v !== null);
  if (xs.length === 0) return undefined;
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const raw = Math.max(hi - lo, 1) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!);
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= hi + step; t += step) {
    ticks.push(t);
    if (t >= hi) break;
  }
  if (ticks.length < 2) ticks.push(ticks[0]! + step);
  return ticks;
}
