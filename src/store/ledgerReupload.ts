/**
 * Re-uploading a ledger for periods already held: "replace those periods" (the default, as a
 * year-to-date export expects) or "add to them" (a ledger of further transactions). Pure.
 */
import { fyLabel } from '../model/calendar';
import type { Dataset } from '../model/dataset';
import { add, ZERO, type Pence } from '../model/money';
import type { PeriodOfBlock } from '../model/history';

export type LedgerMode = 'replace' | 'add';

const key = (p: { fy: number; period: number; block: string }) => `${p.fy}|${p.period}|${p.block}`;

/** The periods (by block) a dataset holds actuals for, in year, period and block order. */
export function periodsOf(data: Dataset): PeriodOfBlock[] {
  const seen = new Map<string, PeriodOfBlock>();
  for (const a of data.actuals) {
    a.actuals.forEach((v, i) => {
      if (v === null) return;
      const p = { fy: a.fy, period: i + 1, block: a.block };
      seen.set(key(p), p);
    });
  }
  return [...seen.values()].sort((x, y) => x.fy - y.fy || x.period - y.period || x.block.localeCompare(y.block));
}

/** Of `periods`, those `held` already has actuals for. */
export function heldPeriods(held: Dataset, periods: PeriodOfBlock[]): PeriodOfBlock[] {
  const have = new Set(periodsOf(held).map(key));
  return periods.filter((p) => have.has(key(p)));
}

/** The dataset without its actuals for these periods and blocks (forecasts and everything else kept). */
export function withoutPeriods(data: Dataset, periods: readonly PeriodOfBlock[]): Dataset {
  const drop = new Set(periods.map(key));
  return {
    ...data,
    actuals: data.actuals.map((a) => ({ ...a, actuals: a.actuals.map((v, i) => (drop.has(key({ fy: a.fy, period: i + 1, block: a.block })) ? null : v)) })),
  };
}

/** "P1 to P6 of 2023-24": each year's periods, runs joined. */
export function describePeriods(periods: readonly { fy: number; period: number }[]): string {
  const byFy = new Map<number, Set<number>>();
  for (const p of periods) {
    let s = byFy.get(p.fy);
    if (!s) byFy.set(p.fy, (s = new Set()));
    s.add(p.period);
  }
  return [...byFy.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([fy, set]) => {
      const ps = [...set].sort((a, b) => a - b);
      const runs: string[] = [];
      for (let i = 0; i < ps.length; ) {
        let j = i;
        while (j + 1 < ps.length && ps[j + 1] === ps[j]! + 1) j++;
        runs.push(i === j ? `P${ps[i]}` : `P${ps[i]} to P${ps[j]}`);
        i = j + 1;
      }
      return `${runs.join(', ')} of ${fyLabel(fy)}`;
    })
    .join('; ');
}

/** Every actual in the dataset added up, exactly: what importing a ledger a second time would double. */
export function actualsTotal(data: Dataset): Pence {
  let total: Pence = ZERO;
  for (const a of data.actuals) for (const v of a.actuals) if (v !== null) total = add(total, v);
  return total;
}
