/**
 * High Needs spend by placement type (issue 6), where a placements file is held: the plans of
 * each of the DfE template's seven types times that type's annual cost. The EHCP drivers move the
 * total number of plans; the types share that growth in proportion to their numbers in the latest
 * month of the placements file (a council's mix changes slowly, and the file gives no per-type
 * rates). Mitigations can move plans between types ("20 fewer independent placements from
 * September 2026, placed in maintained special schools instead") or take them away.
 *
 * Exact: shares and costs are Decimals; nothing is rounded until the year's figure in pence.
 */
import Decimal from 'decimal.js';
import { monthLabel, monthOfKey } from '../model/calendar';
import { PLACEMENT_LABELS, PLACEMENT_TYPES, type PlacementCount, type PlacementType } from '../model/placements';
import { formatPounds } from './format';
import { fromPounds, roundPence } from './money';
import type { Pence } from '../model/money';
import type { PlacementChange } from '../model/scenario';

export interface PlacementTypeMix {
  type: PlacementType;
  /** Plans of this type in the mix's month (every age band and need added together). */
  plans: number;
  /** Its fraction of all plans that month. */
  share: Decimal;
  /** Pounds a year for one plan of this type. */
  annualCost: Decimal;
  /** Where the cost came from: the mix's month, an earlier month of the file, or the average cost per plan. */
  costFrom: 'month' | 'earlier' | 'average';
}

export interface PlacementMix {
  /** The latest month in the file, "2025-03". */
  month: string;
  total: number;
  types: PlacementTypeMix[];
  /** Σ share × cost: the cost of an average plan in this mix, pounds a year. */
  averageCost: Decimal;
}


/** Count-weighted average annual cost of the rows given (each row's cost per plan), or null. */
function weightedCost(rows: PlacementCount[]): Decimal | null {
  const costed = rows.filter((r) => r.annualCost !== undefined);
  if (costed.length === 0) return null;
  const plans = costed.reduce((s, r) => s + r.count, 0);
  // Rows with no plans still carry a price; use their plain average when no row has plans.
  if (plans === 0) return costed.reduce((s, r) => s.add(r.annualCost!), new Decimal(0)).div(costed.length).div(100);
  return costed.reduce((s, r) => s.add(new Decimal(r.annualCost!).mul(r.count)), new Decimal(0)).div(plans).div(100);
}

/**
 * The mix of the latest month in the file, or null when the file gives no costs at all or no
 * plans that month (then the projection uses the average cost per plan). A type without a cost
 * that month takes its latest earlier cost, else the average cost per plan given.
 */
export function placementMix(placements: readonly PlacementCount[] | undefined, averageCostPerPlan: Decimal): PlacementMix | null {
  if (!placements || placements.length === 0) return null;
  if (!placements.some((p) => p.annualCost !== undefined)) return null;
  const month = placements.reduce((m, p) => (p.month > m ? p.month : m), placements[0]!.month);
  const now = placements.filter((p) => p.month === month);
  const total = now.reduce((s, p) => s + p.count, 0);
  if (total === 0) return null;
  const types = PLACEMENT_TYPES.map((type): PlacementTypeMix => {
    const rows = now.filter((p) => p.type === type);
    const plans = rows.reduce((s, p) => s + p.count, 0);
    let annualCost = weightedCost(rows);
    let costFrom: PlacementTypeMix['costFrom'] = 'month';
    if (annualCost === null) {
      const earlier = placements.filter((p) => p.type === type && p.month < month && p.annualCost !== undefined);
      const latest = earlier.reduce<string | null>((m, p) => (m === null || p.month > m ? p.month : m), null);
      annualCost = latest === null ? null : weightedCost(earlier.filter((p) => p.month === latest));
      costFrom = 'earlier';
    }
    if (annualCost === null) {
      annualCost = averageCostPerPlan;
      costFrom = 'average';
    }
    return { type, plans, share: new Decimal(plans).div(total), annualCost, costFrom };
  });
  const averageCost = types.reduce((s, t) => s.add(t.share.mul(t.annualCost)), new Decimal(0));
  return { month, total, types, averageCost };
}

/** Plans of each type in a month: the total shared by the mix, then the changes in force. */
export function plansByType(mix: PlacementMix, totalPlans: Decimal, changes: readonly PlacementChange[], month: string): Map<PlacementType, Decimal> {
  const out = new Map<PlacementType, Decimal>(mix.types.map((t) => [t.type, totalPlans.mul(t.share)]));
  for (const c of changes) {
    if (c.fromMonth > month) continue;
    const d = new Decimal(c.change);
    out.set(c.type, out.get(c.type)!.add(d));
    if (c.to) out.set(c.to, out.get(c.to)!.sub(d));
  }
  // A change larger than the plans of a type cannot take it below none.
  for (const [t, v] of out) if (v.isNegative()) out.set(t, new Decimal(0));
  return out;
}

/**
 * Pounds a year for the plans in force in a month. `scale` is the cost-per-plan driver over its
 * base value, so changing the driver raises or lowers every type's cost by the same proportion.
 */
export function monthCostByPlacement(mix: PlacementMix, byType: Map<PlacementType, Decimal>, scale: Decimal): Decimal {
  let cost = new Decimal(0);
  for (const t of mix.types) cost = cost.add(byType.get(t.type)!.mul(t.annualCost));
  return cost.mul(scale);
}

/** Net change in the number of plans from placement changes in force (moves between types add nothing). */
export function placementChangeInPlans(changes: readonly PlacementChange[], month: string): Decimal {
  return changes.filter((c) => !c.to && c.fromMonth <= month).reduce((s, c) => s.add(c.change), new Decimal(0));
}

const pct = (d: Decimal) => `${d.mul(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toString()}%`;
const pounds = (d: Decimal): Pence => fromPounds(d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));

/** The method in words, with every input, and how the mix compares with the base year's outturn. */
export function placementMethod(mix: PlacementMix, averagePlansBase: Decimal, highNeedsBase: Pence, baseLabel: string): string[] {
  const held = mix.types.filter((t) => t.plans > 0 || t.costFrom !== 'average');
  const parts = held.map((t) => {
    const from = t.costFrom === 'earlier' ? ' (cost from an earlier month)' : t.costFrom === 'average' ? ' (no cost in the file: the average cost per plan)' : '';
    return `${PLACEMENT_LABELS[t.type]} ${t.plans} (${pct(t.share)}) at ${formatPounds(pounds(t.annualCost), { pence: true })}${from}`;
  });
  const atBase = roundPence(averagePlansBase.mul(mix.averageCost).mul(100));
  return [
    `High Needs spend is the plans of each placement type times its annual cost, from the placements file at ${monthLabel(monthOfKey(mix.month))} (${mix.total} plans): ${parts.join('; ')}.`,
    `The placement types share the growth in EHCPs in proportion to their numbers then, so an average plan costs ${formatPounds(pounds(mix.averageCost), { pence: true })} a year, plus inflation. At the ${baseLabel} average of ${averagePlansBase.toDecimalPlaces(1).toString()} plans this gives ${formatPounds(atBase)} a year, against a ${baseLabel} High Needs outturn of ${formatPounds(highNeedsBase)}.`,
  ];
}
