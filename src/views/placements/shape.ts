/**
 * EHCPs by placement type and by age band over time (issue 6), as the DfE DSG management plan
 * template's children and young people tab sets them out: one column per census month, one row
 * per type or band, with the total. Counts are whole numbers; costs stay in pence.
 */
import Decimal from 'decimal.js';
import { monthLabel, monthOfKey, monthShortLabel } from '../../model/calendar';
import { AGE_BANDS, PLACEMENT_LABELS, PLACEMENT_TYPES, type AgeBand, type PlacementCount, type PlacementType } from '../../model/placements';
import { formatPounds } from '../../domain/format';
import { roundPence } from '../../domain/money';
import { type Pence, sum } from '../../model/money';


export interface Breakdown<K extends string> {
  months: { key: string; label: string; short: string }[];
  /** One row per category held in any month, in the template's order. */
  rows: { key: K; label: string; counts: number[] }[];
  totals: number[];
  /** Plans with no age band given, per month (age-band breakdown only). */
  notGiven?: number[];
}

function monthsOf(p: readonly PlacementCount[]) {
  return [...new Set(p.map((x) => x.month))].sort().map((key) => ({ key, label: monthLabel(monthOfKey(key)), short: monthShortLabel(monthOfKey(key)) }));
}

export function byType(p: readonly PlacementCount[]): Breakdown<PlacementType> {
  const months = monthsOf(p);
  const rows = PLACEMENT_TYPES.filter((t) => p.some((x) => x.type === t)).map((t) => ({
    key: t,
    label: PLACEMENT_LABELS[t],
    counts: months.map((m) => p.filter((x) => x.type === t && x.month === m.key).reduce((s, x) => s + x.count, 0)),
  }));
  return { months, rows, totals: months.map((m) => p.filter((x) => x.month === m.key).reduce((s, x) => s + x.count, 0)) };
}

export function byAgeBand(p: readonly PlacementCount[]): Breakdown<AgeBand> {
  const months = monthsOf(p);
  const rows = AGE_BANDS.filter((b) => p.some((x) => x.ageBand === b)).map((b) => ({
    key: b,
    label: b === 'under 5' ? 'Under 5' : `Aged ${b}`,
    counts: months.map((m) => p.filter((x) => x.ageBand === b && x.month === m.key).reduce((s, x) => s + x.count, 0)),
  }));
  const notGiven = months.map((m) => p.filter((x) => x.month === m.key && !x.ageBand).reduce((s, x) => s + x.count, 0));
  return {
    months,
    rows,
    totals: months.map((m) => p.filter((x) => x.month === m.key).reduce((s, x) => s + x.count, 0)),
    ...(notGiven.some((n) => n > 0) ? { notGiven } : {}),
  };
}

/** Rows for a stacked chart: one per month, a count per category key. */
export function chartRows<K extends string>(b: Breakdown<K>): Record<string, string | number>[] {
  return b.months.map((m, i) => ({ month: m.label, short: m.short, total: b.totals[i]!, ...Object.fromEntries(b.rows.map((r) => [r.key, r.counts[i]!])) }));
}

/** The heading of a breakdown: what moved most between the first and the latest month. */
export function breakdownFinding<K extends string>(b: Breakdown<K>, what: string): string {
  const n = b.months.length;
  if (n === 0) return `No plans by ${what} are held`;
  const last = b.months[n - 1]!.label;
  if (n === 1) return `${b.totals[0]!.toLocaleString('en-GB')} plans by ${what} at ${last}`;
  const grew = b.rows
    .map((r) => ({ r, d: r.counts[n - 1]! - r.counts[0]! }))
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d))[0];
  const total = `${b.totals[0]!.toLocaleString('en-GB')} plans at ${b.months[0]!.label} to ${b.totals[n - 1]!.toLocaleString('en-GB')} at ${last}`;
  if (!grew || grew.d === 0) return `${total}; no ${what} changed`;
  return `${total}; the largest change is ${grew.r.label.toLowerCase()} (${grew.d > 0 ? '+' : ''}${grew.d.toLocaleString('en-GB')})`;
}

export interface CostRow {
  label: string;
  plans: number;
  /** Count-weighted annual cost of one plan, where the file gives costs. */
  annualCost: Pence | null;
  /** Plans × cost, a year. */
  yearly: Pence | null;
}

/** The latest month's plans and costs by type, and the total a year. */
export function latestCosts(p: readonly PlacementCount[]): { month: string; rows: CostRow[]; total: Pence | null } | null {
  const months = monthsOf(p);
  const last = months[months.length - 1];
  if (!last) return null;
  const now = p.filter((x) => x.month === last.key);
  const rows = PLACEMENT_TYPES.filter((t) => now.some((x) => x.type === t)).map((t): CostRow => {
    const xs = now.filter((x) => x.type === t);
    const plans = xs.reduce((s, x) => s + x.count, 0);
    const costed = xs.filter((x) => x.annualCost !== undefined);
    if (costed.length !== xs.length || costed.length === 0) return { label: PLACEMENT_LABELS[t], plans, annualCost: null, yearly: null };
    const yearly = costed.reduce((s, x) => s.add(new Decimal(x.annualCost!).mul(x.count)), new Decimal(0));
    return { label: PLACEMENT_LABELS[t], plans, annualCost: plans === 0 ? null : roundPence(yearly.div(plans)), yearly: roundPence(yearly) };
  });
  const total = rows.every((r) => r.yearly !== null) ? sum(rows.map((r) => r.yearly!)) : null;
  return { month: last.label, rows, total };
}

export const costText = (p: Pence | null) => (p === null ? 'not given' : formatPounds(p));
