/**
 * Projection of the agreement years still to come (issue 6): High Needs spend driven by EHCP
 * numbers times the cost per plan, plus inflation; other blocks at budget; DSG income growing by
 * a set rate. Exact: every step is decimal arithmetic, rounded to the penny once per year figure.
 *
 * The base is the latest year with actuals. Its High Needs cost per plan is the year's High Needs
 * outturn (or forecast) divided by the average plans in force at each month end; the EHCP rates
 * are the average new plans and plans ending per month over the last 12 months held.
 */
import Decimal from 'decimal.js';
import type { YearFigures } from './calculate';
import { currentYear } from './calculate';
import { fyLabel, fyOfMonth, monthKey, monthLabel, monthOfKey, nextMonthKey, type FinancialYear } from '../model/calendar';
import type { AgreementYear } from '../model/dataset';
import type { PlacementCount, PlacementType } from '../model/placements';
import type { EhcpFigures } from './ehcp';
import { formatCount, formatPounds, formatQuantity } from './format';
import { add, neg, type Pence, sub, ZERO } from '../model/money';
import { roundPence } from './money';
import type { Report } from './report';
import { monthCostByPlacement, placementChangeInPlans, placementMethod, placementMix, plansByType, type PlacementMix } from './projectionByPlacement';
import type { DriverChange, Drivers, Scenario } from '../model/scenario';

export const DRIVER_LABELS: Record<keyof Drivers, string> = {
  newPlansPerMonth: 'New plans per month',
  endingsPerMonth: 'Plans ending per month',
  costPerPlan: 'High Needs cost per plan (£ a year)',
  inflation: 'Cost inflation a year',
  incomeGrowth: 'DSG income growth a year',
};

export interface ProjectionBase {
  baseYear: YearFigures;
  /** The month the EHCP numbers start from, "2023-03", and the plans then. */
  startMonth: string;
  startPlans: Decimal;
  /** High Needs outturn of the base year, and the other blocks' budgets carried forward. */
  highNeedsBase: Pence;
  otherBlocksBudget: Pence;
  incomeBase: Pence;
  cumulativeStart: Pence;
  averagePlansBase: Decimal;
  drivers: Drivers;
  agreement: AgreementYear[];
  /** The method and its inputs, in words. */
  method: string[];
  /** The placement mix where a placements file with costs is held: spend is then by type. */
  mix?: PlacementMix;
}

export interface ProjectedYear {
  fy: FinancialYear;
  label: string;
  plansAtEnd: Decimal;
  averagePlans: Decimal;
  /** Plans of each placement type at the year end, where spend is by placement type. */
  plansByType?: { type: PlacementType; plans: Decimal }[];
  highNeedsSpend: Pence;
  otherSpend: Pence;
  oneOffs: Pence;
  income: Pence;
  inYearDeficit: Pence;
  cumulativeDeficitGross: Pence;
  profile: Pence | null;
  excess: Pence | null;
  contributionsToDate: Pence;
  cumulativeDeficitNet: Pence;
  surplusRequired: boolean;
  onTrack: boolean | null;
}


function average(xs: number[]): Decimal {
  return xs.length === 0 ? new Decimal(0) : xs.reduce((s, x) => s.add(x), new Decimal(0)).div(xs.length);
}

/** The base a projection starts from, or the reason there is none. */
export function projectionBase(report: Report, agreement: AgreementYear[], placements?: readonly PlacementCount[]): ProjectionBase | { error: string } {
  const baseYear = currentYear(report);
  if (!baseYear || baseYear.latestPeriod === null || baseYear.cumulativeDeficitGross === null) {
    return { error: 'A projection needs a year with actuals and a cumulative deficit (an agreement with its opening deficit).' };
  }
  const withEnd = report.ehcp.filter((m) => m.plansAtEnd !== null);
  const last = withEnd[withEnd.length - 1];
  if (!last) return { error: 'A projection needs EHCP numbers: plans at the end of at least one month.' };
  const lastTwelve = report.ehcp.filter((m) => m.month <= last.month).slice(-12);
  const newPlans = average(lastTwelve.map((m) => m.newPlans).filter((x): x is number => x !== null));
  const endings = average(lastTwelve.map((m) => m.outflows).filter((x): x is number => x !== null));
  const hn = baseYear.blocks.find((b) => b.block === 'High Needs');
  const highNeedsBase = hn?.forecastOutturn ?? ZERO;
  const otherBlocksBudget = baseYear.blocks.filter((b) => b.block !== 'High Needs').reduce<Pence>((s, b) => add(s, b.budget), ZERO);
  const baseMonths = report.ehcp.filter((m: EhcpFigures) => m.plansAtEnd !== null && fyOfMonth(monthOfKey(m.month)) === baseYear.fy);
  const averagePlansBase = baseMonths.length > 0 ? average(baseMonths.map((m) => m.plansAtEnd!)) : new Decimal(last.plansAtEnd!);
  if (averagePlansBase.isZero()) return { error: 'A projection needs a number of plans above zero.' };
  const averageCost = new Decimal(highNeedsBase).div(100).div(averagePlansBase).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const mix = placementMix(placements, averageCost);
  // By placement type, the cost-per-plan driver is the mix's average cost: changing it scales every type.
  const costPerPlan = mix ? mix.averageCost.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : averageCost;
  const drivers: Drivers = {
    newPlansPerMonth: newPlans.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString(),
    endingsPerMonth: endings.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString(),
    costPerPlan: costPerPlan.toString(),
    inflation: '0',
    incomeGrowth: '0',
  };
  const method = [
    `Starts from ${formatCount(last.plansAtEnd!)} plans at the end of ${monthLabel(monthOfKey(last.month))} and the ${baseYear.label} cumulative deficit of ${formatPounds(baseYear.cumulativeDeficitGross)}.`,
    `EHCPs change each month by the average of the last ${lastTwelve.length} months held: ${drivers.newPlansPerMonth} new plans and ${drivers.endingsPerMonth} plans ending.`,
    ...(mix
      ? placementMethod(mix, averagePlansBase, highNeedsBase, baseYear.label)
      : [`High Needs spend is the average plans in force times ${formatPounds(roundPence(costPerPlan.mul(100)), { pence: true })} a plan: the ${baseYear.label} High Needs outturn of ${formatPounds(highNeedsBase)} over ${formatQuantity(averagePlansBase.toDecimalPlaces(1).toString())} plans on average, plus inflation.`]),
    `Other blocks stay at their ${baseYear.label} budget of ${formatPounds(otherBlocksBudget)}; DSG income starts at ${formatPounds(baseYear.income)} and grows by the income growth set.`,
  ];
  return {
    baseYear,
    startMonth: last.month,
    startPlans: new Decimal(last.plansAtEnd!),
    highNeedsBase,
    otherBlocksBudget,
    incomeBase: baseYear.income,
    cumulativeStart: baseYear.cumulativeDeficitGross,
    averagePlansBase,
    drivers,
    agreement,
    method,
    ...(mix ? { mix } : {}),
  };
}

function driverAt(scenario: Scenario, driver: DriverChange['driver'], month: string): Decimal {
  let v = new Decimal(scenario.drivers[driver]);
  for (const c of scenario.changes) if (c.driver === driver && c.fromMonth <= month) v = v.add(c.change);
  return v;
}

/** Projects every agreement year after the base year. */
export function project(base: ProjectionBase, scenario: Scenario): ProjectedYear[] {
  const years = base.agreement.filter((a) => a.fy > base.baseYear.fy).sort((a, b) => a.fy - b.fy);
  const out: ProjectedYear[] = [];
  let plans = base.startPlans;
  let month = base.startMonth;
  let cumulative = base.cumulativeStart;
  const inflation = new Decimal(scenario.drivers.inflation);
  const growth = new Decimal(scenario.drivers.incomeGrowth);
  const placementChanges = base.mix ? (scenario.placementChanges ?? []) : [];
  const baseCost = new Decimal(base.drivers.costPerPlan);
  /** Pounds a year for a month's plans, and the plans counted (placement changes may add or take away). */
  const monthCost = (month: string, plans: Decimal) => {
    const cost = driverAt(scenario, 'costPerPlan', month);
    if (!base.mix) return { pounds: plans.mul(cost), plans };
    const byType = plansByType(base.mix, plans, placementChanges, month);
    const scale = baseCost.isZero() ? new Decimal(1) : cost.div(baseCost);
    return { pounds: monthCostByPlacement(base.mix, byType, scale), plans: plans.add(placementChangeInPlans(placementChanges, month)) };
  };
  for (const a of years) {
    const k = a.fy - base.baseYear.fy;
    const lastMonth = monthKey({ year: a.fy + 1, month: 3 });
    // Months before this year starts (a gap after the latest EHCP month) move the plans on too.
    let plansSum = new Decimal(0);
    let monthsCounted = 0;
    let costSum = new Decimal(0);
    while (month < lastMonth) {
      month = nextMonthKey(month);
      plans = Decimal.max(0, plans.add(driverAt(scenario, 'newPlansPerMonth', month)).sub(driverAt(scenario, 'endingsPerMonth', month)));
      if (fyOfMonth(monthOfKey(month)) === a.fy) {
        const m = monthCost(month, plans);
        plansSum = plansSum.add(m.plans);
        costSum = costSum.add(m.pounds);
        monthsCounted++;
      }
    }
    const plansAtEnd = Decimal.max(0, plans.add(placementChangeInPlans(placementChanges, month)));
    const averagePlans = monthsCounted > 0 ? plansSum.div(monthsCounted) : plans;
    const factor = inflation.add(1).pow(k);
    // A year's cost: each month's plans at that month's cost per plan, a twelfth of a year each.
    const hnPounds = monthsCounted > 0 ? costSum.div(monthsCounted) : monthCost(month, plans).pounds;
    const highNeedsSpend = roundPence(hnPounds.mul(factor).mul(100));
    const oneOffs = scenario.oneOffs
      .filter((o) => o.fy === a.fy || (o.everyYearFrom && o.fy <= a.fy))
      .reduce((s, o) => s.add(o.pounds), new Decimal(0));
    const oneOffPence = roundPence(oneOffs.mul(100));
    const income = roundPence(new Decimal(base.incomeBase).mul(growth.add(1).pow(k)));
    const spend = add(add(highNeedsSpend, base.otherBlocksBudget), oneOffPence);
    const inYearDeficit = sub(spend, income);
    cumulative = add(cumulative, inYearDeficit);
    const contributionsToDate = base.agreement.filter((x) => x.fy <= a.fy).reduce<Pence>((s, x) => add(s, x.contribution), ZERO);
    const excess = sub(cumulative, a.profile);
    out.push({
      fy: a.fy,
      label: fyLabel(a.fy),
      plansAtEnd,
      averagePlans,
      ...(base.mix ? { plansByType: [...plansByType(base.mix, plans, placementChanges, month)].map(([type, n]) => ({ type, plans: n })) } : {}),
      highNeedsSpend,
      otherSpend: base.otherBlocksBudget,
      oneOffs: oneOffPence,
      income,
      inYearDeficit,
      cumulativeDeficitGross: cumulative,
      profile: a.profile,
      excess,
      contributionsToDate,
      cumulativeDeficitNet: sub(cumulative, contributionsToDate),
      surplusRequired: a.surplusRequired,
      onTrack: excess <= 0 && (!a.surplusRequired || inYearDeficit <= 0),
    });
  }
  return out;
}

/** The answers a DCS asks of a scenario, in words. */
export function answers(years: ProjectedYear[], base: ProjectionBase): string[] {
  if (years.length === 0) return ['The agreement has no years after the latest year with actuals, so there is nothing to project.'];
  const out: string[] = [];
  const over = years.find((y) => y.excess !== null && y.excess > 0);
  out.push(
    over
      ? `The cumulative deficit would first exceed the agreed profile in ${over.label}, by ${formatPounds(over.excess!)}.`
      : 'The cumulative deficit would stay within the agreed profile in every year projected.',
  );
  const surplus = years.find((y) => y.inYearDeficit < 0);
  out.push(
    surplus
      ? `The in-year balance would turn to a surplus in ${surplus.label} (${formatPounds(neg(surplus.inYearDeficit))}).`
      : `The in-year balance would not turn to a surplus by ${years[years.length - 1]!.label}.`,
  );
  const cleared = years.find((y) => y.cumulativeDeficitNet <= 0);
  out.push(
    cleared
      ? `The net deficit (after DfE contributions) would be cleared in ${cleared.label}.`
      : `The net deficit would not be cleared by ${years[years.length - 1]!.label}: ${formatPounds(years[years.length - 1]!.cumulativeDeficitNet)} would remain.`,
  );
  // Not "at risk": that is the one rule of src/domain/instalments.ts, on the data held. This is
  // what the projection says of the years to come, each of whose contributions depends on progress.
  const off = years.filter((y) => y.onTrack === false);
  const byFy = new Map(base.agreement.map((a) => [a.fy, a]));
  out.push(
    off.length > 0
      ? `The projection would be off the agreement in ${off.map((y) => `${y.label} (whose ${formatPounds(byFy.get(y.fy)!.contribution)} contribution depends on progress)`).join(', ')}.`
      : 'Every projected year would meet the agreement.',
  );
  out.push(
    `EHCPs the plan implies at the end of each year: ${years.map((y) => `${y.label} ${formatCount(y.plansAtEnd.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber())}`).join(', ')}.`,
  );
  return out;
}

export interface Sensitivity {
  driver: keyof Drivers;
  label: string;
  low: string;
  high: string;
  /** Change in the final year's cumulative deficit at the low and high values. */
  lowEffect: Pence;
  highEffect: Pence;
}

/** How much each driver moves the final year's cumulative deficit, at ±10% (±1 point for rates). */
export function sensitivity(base: ProjectionBase, scenario: Scenario): Sensitivity[] {
  const final = (s: Scenario) => {
    const ys = project(base, s);
    return ys.length ? ys[ys.length - 1]!.cumulativeDeficitGross : base.cumulativeStart;
  };
  const baseline = final(scenario);
  const keys = Object.keys(DRIVER_LABELS) as (keyof Drivers)[];
  return keys
    .map((driver) => {
      const v = new Decimal(scenario.drivers[driver]);
      const rate = driver === 'inflation' || driver === 'incomeGrowth';
      const low = rate ? v.sub('0.01') : v.mul('0.9');
      const high = rate ? v.add('0.01') : v.mul('1.1');
      const at = (x: Decimal) => final({ ...scenario, drivers: { ...scenario.drivers, [driver]: x.toString() } });
      return {
        driver,
        label: DRIVER_LABELS[driver],
        low: low.toString(),
        high: high.toString(),
        lowEffect: sub(at(low), baseline),
        highEffect: sub(at(high), baseline),
      };
    })
    .sort((a, b) => Math.max(Math.abs(b.lowEffect), Math.abs(b.highEffect)) - Math.max(Math.abs(a.lowEffect), Math.abs(a.highEffect)));
}
