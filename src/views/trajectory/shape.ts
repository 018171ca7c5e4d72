/**
 * Data for the Trajectory view: one row per year of the agreement (and any year with data), and
 * the waterfall of the selected year. Pure: exact pence in, exact pence and display text out,
 * plus the plotting numbers Recharts needs.
 */
import type { Report } from '../../domain/report';
import type { YearFigures } from '../../domain/calculate';
import { monthLabel, monthOfPeriod } from '../../model/calendar';
import { formatCompact, formatPercent, formatPounds } from '../../domain/format';
import { abs, add, neg, type Pence, sub } from '../../model/money';
import { plot } from '../../charts/plot';

export type GrossKind = 'outturn' | 'forecast';

export interface TrajectoryRow {
  fy: number;
  label: string;
  profile: Pence | null;
  /** The profile as first signed, where a revision has changed the agreement (else null). */
  originalProfile: Pence | null;
  gross: Pence | null;
  /** Outturn once period 12 is in, else a forecast made at the latest period. */
  grossKind: GrossKind | null;
  latestPeriod: number | null;
  net: Pence | null;
  contribution: Pence | null;
  surplusRequired: boolean;
  // Plotting numbers (pounds); never formatted for display.
  pProfile: number | null;
  pOriginalProfile: number | null;
  pOutturn: number | null;
  pForecast: number | null;
  pNet: number | null;
  pContribution: number | null;
}

export function trajectoryRows(report: Report): TrajectoryRow[] {
  const rows = report.years.map((y): TrajectoryRow => {
    const grossKind: GrossKind | null = y.cumulativeDeficitGross === null ? null : y.latestPeriod === 12 ? 'outturn' : 'forecast';
    const net = y.cumulativeDeficitGross === null ? null : y.cumulativeDeficitNet;
    return {
      fy: y.fy,
      label: y.label,
      profile: y.agreementProfile,
      originalProfile: y.originalProfile,
      gross: y.cumulativeDeficitGross,
      grossKind,
      latestPeriod: y.latestPeriod,
      net,
      contribution: y.agreement?.contribution ?? null,
      surplusRequired: y.surplusRequired,
      pProfile: plot(y.agreementProfile),
      pOriginalProfile: plot(y.originalProfile),
      pOutturn: grossKind === 'outturn' ? plot(y.cumulativeDeficitGross) : null,
      pForecast: grossKind === 'forecast' ? plot(y.cumulativeDeficitGross) : null,
      pNet: plot(net),
      pContribution: plot(y.agreement?.contribution ?? null),
    };
  });
  // The forecast line starts from the last outturn, so actual and forecast read as one path.
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.grossKind === 'forecast' && rows[i - 1]!.grossKind === 'outturn') rows[i - 1]!.pForecast = rows[i - 1]!.pOutturn;
  }
  return rows;
}

export function grossKindText(r: Pick<TrajectoryRow, 'grossKind' | 'latestPeriod'>): string {
  if (r.grossKind === 'outturn') return 'outturn';
  if (r.grossKind === 'forecast') return `forecast at period ${r.latestPeriod}`;
  return 'no actuals';
}

/**
 * The finding the trajectory chart's title states, for the year being viewed. `money` is the form
 * of the page it heads, so the heading gives each figure as the page's cards and tables do: whole
 * pounds on screen, the paper's £m in the forum report (docs/formats.md).
 */
export function trajectoryFinding(y: YearFigures | undefined, money: (p: Pence) => string = formatPounds): string {
  if (!y || y.cumulativeDeficitGross === null || y.latestPeriod === null) {
    return 'No actuals are loaded yet: the chart shows the agreed deficit profile only';
  }
  const when = monthLabel(monthOfPeriod(y.fy, y.latestPeriod));
  const final = y.latestPeriod === 12;
  const C = money(y.cumulativeDeficitGross);
  const subject = `${final ? `At ${when}` : `Forecast at ${when},`} the ${y.label} cumulative deficit of ${C}`;
  if (y.varianceToProfile === null || y.agreementProfile === null) return `${subject} has no agreed profile to compare against`;
  const e = y.varianceToProfile;
  const pct = y.varianceToProfilePercent ? ` (${formatPercent(y.varianceToProfilePercent.abs())})` : '';
  const profile = money(y.agreementProfile);
  const position =
    e === 0
      ? `${subject} ${final ? 'was' : 'is'} exactly the ${profile} agreed profile`
      : `${subject} ${final ? 'was' : 'is'} ${money(abs(e))}${pct} ${e > 0 ? 'above' : 'below'} the ${profile} agreed profile`;
  // A red year says so, with the engine's own cause, so the heading never reads as good news
  // beside a red status (a year below its profile is red when a required surplus is missed).
  if (y.status !== 'red' || !y.statusCause) return position;
  return e > 0 ? `${position}: red, ${y.statusCause}` : `${position}, but red: ${y.statusCause}`;
}

export type StepKind = 'total' | 'increase' | 'decrease';

export interface WaterfallStep {
  label: string;
  kind: StepKind;
  /** The step's own amount: the total for totals, the change for steps. */
  amount: Pence;
  /** Running position after the step. */
  to: Pence;
  /** Plotted [low, high] in pounds. */
  range: [number, number];
  /** The amount as the bar's label prints it: "+£2.99m", "(£136k)", "£11.86m". */
  text: string;
}

function step(label: string, from: Pence, to: Pence, kind?: StepKind): WaterfallStep {
  const amount = kind === 'total' ? to : sub(to, from);
  const k: StepKind = kind ?? (amount >= 0 ? 'increase' : 'decrease');
  const lo = kind === 'total' ? Math.min(0, plot(to)) : Math.min(plot(from), plot(to));
  const hi = kind === 'total' ? Math.max(0, plot(to)) : Math.max(plot(from), plot(to));
  const compact = formatCompact(amount, { trim: true });
  return { label, kind: k, amount, to, range: [lo, hi], text: k === 'increase' ? `+${compact}` : compact };
}

/**
 * Opening deficit, each block's in-year deficit or surplus, the closing gross deficit, the DfE
 * contributions to date, and the closing net deficit. Null where the year cannot be chained.
 */
export function waterfallSteps(y: YearFigures | undefined): WaterfallStep[] | null {
  if (!y || y.deficitBroughtForward === null || y.cumulativeDeficitGross === null) return null;
  const steps: WaterfallStep[] = [step('Deficit brought forward', y.deficitBroughtForward, y.deficitBroughtForward, 'total')];
  let at = y.deficitBroughtForward;
  for (const b of y.blocks) {
    const next = add(at, b.inYearDeficit);
    steps.push(step(`${b.block} in-year`, at, next));
    at = next;
  }
  steps.push(step('Gross cumulative deficit', at, y.cumulativeDeficitGross, 'total'));
  if (y.dfeContributionsToDate !== null && y.cumulativeDeficitNet !== null) {
    steps.push(step('DfE contributions to date', y.cumulativeDeficitGross, sub(y.cumulativeDeficitGross, y.dfeContributionsToDate)));
    steps.push(step('Net cumulative deficit', y.cumulativeDeficitNet, y.cumulativeDeficitNet, 'total'));
  }
  return steps;
}

/** The waterfall's heading, its money in the page's form as `trajectoryFinding`'s is. */
export function waterfallFinding(y: YearFigures, money: (p: Pence) => string = formatPounds): string {
  const d = y.inYearDeficit!;
  const from = money(y.deficitBroughtForward!);
  const to = money(y.cumulativeDeficitGross!);
  const verb = d > 0 ? `The ${money(d)} in-year deficit took` : d < 0 ? `The ${money(neg(d))} in-year surplus took` : 'A balanced year kept';
  let s = `${verb} the gross deficit from ${from} to ${to}`;
  if (y.dfeContributionsToDate !== null && y.cumulativeDeficitNet !== null) {
    s += `; after ${money(y.dfeContributionsToDate)} of DfE contributions the net deficit is ${money(y.cumulativeDeficitNet)}`;
  }
  return s;
}
