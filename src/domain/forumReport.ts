/**
 * The schools forum financial report (issue 5), shaped as the real forum paper lays it out
 * (shared/reference): the outturn table by budget heading with the planned deficit line and its
 * total, the in-year and cumulative position, the agreement against the actual position, and the
 * EHCP and RSA tables. Pure figures; the view prints them.
 */
import type { YearFigures } from './calculate';
import type { Block } from '../model/blocks';
import { fyLabel, fyOfMonth } from '../model/calendar';
import type { EhcpFigures } from './ehcp';
import { lineKey, type ReportNarrative } from '../model/dataset';
import { formatPaperMoney } from './format';
import { abs, neg, type Pence, sub, sum, ZERO } from '../model/money';
import { summarySentence, type Report } from './report';

export interface OutturnRow {
  heading: string;
  block: Block;
  budget: Pence;
  outturn: Pence;
  variance: Pence;
  commentary?: string;
  /** Who wrote the commentary in the app, and when (ISO time). */
  commentBy?: string;
  commentAt?: string;
}

export interface OutturnTable {
  /** "Final actuals" at period 12, else "Forecast outturn". */
  outturnLabel: string;
  rows: OutturnRow[];
  /** The deficit the budget was set with: Σ budget − DSG income (the paper's "Deficit DSG budget set"). */
  plannedDeficit: Pence;
  plannedDeficitLabel: string;
  /** What the planned line means, in words: set above (a planned deficit) or below (a planned surplus) the DSG income. */
  plannedDeficitNote: string;
  /** Budget after the planned deficit line, i.e. the DSG income. */
  budgetTotal: Pence;
  outturnTotal: Pence;
  /** Σ variances + the planned deficit = the in-year deficit. */
  varianceTotal: Pence;
  totalLabel: string;
}

export function outturnTable(y: YearFigures): OutturnTable {
  // The council's own order, as its budget file lists the lines (the paper's order), not by block.
  const ordered = [...y.lines].sort((a, b) => (a.fileOrder ?? 0) - (b.fileOrder ?? 0));
  const rows = ordered.map((l) => ({
    heading: l.line,
    block: l.block,
    budget: l.budget,
    outturn: l.forecastOutturn,
    variance: l.variance,
    ...(l.commentary ? { commentary: l.commentary } : {}),
    ...(l.commentary && l.commentBy ? { commentBy: l.commentBy, commentAt: l.commentAt } : {}),
  }));
  const budget = sum(rows.map((r) => r.budget));
  const plannedDeficit = sub(budget, y.income);
  const outturnTotal = sum(rows.map((r) => r.outturn));
  const short = `${String(y.fy % 100).padStart(2, '0')}/${String((y.fy + 1) % 100).padStart(2, '0')}`;
  return {
    outturnLabel: y.latestPeriod === 12 ? 'Final actuals' : 'Forecast outturn',
    rows,
    plannedDeficit,
    plannedDeficitLabel: plannedDeficit >= 0 ? `Deficit DSG budget set for ${short}` : `Surplus DSG budget set for ${short}`,
    plannedDeficitNote:
      plannedDeficit > 0
        ? `The budget was set ${formatPaperMoney(plannedDeficit)} above the DSG income (a planned deficit).`
        : plannedDeficit < 0
          ? `The budget was set ${formatPaperMoney(neg(plannedDeficit))} below the DSG income (a planned surplus).`
          : 'The budget was set equal to the DSG income.',
    budgetTotal: sub(budget, plannedDeficit),
    outturnTotal,
    varianceTotal: sub(outturnTotal, y.income),
    totalLabel: `Total: ${y.latestPeriod === 12 ? 'outturn' : 'forecast outturn'} position ${short}`,
  };
}

export interface PositionRow {
  label: string;
  value: Pence | null;
}

export function positionRows(y: YearFigures): PositionRow[] {
  return [
    { label: `Cumulative deficit brought forward into ${y.label}`, value: y.deficitBroughtForward },
    { label: `In-year deficit / (surplus) ${y.label}: spend against DSG income`, value: y.inYearDeficit },
    { label: 'of which planned when the budget was set (budget less DSG income)', value: y.inYearDeficit === null ? null : sub(y.budget, y.income) },
    { label: 'of which over / (under) spend against budget', value: y.variance },
    { label: 'Cumulative deficit at year end (gross, before DfE contributions)', value: y.cumulativeDeficitGross },
    { label: 'Agreed deficit profile', value: y.agreementProfile },
    { label: 'Over / (under) the profile', value: y.varianceToProfile },
    { label: 'DfE contributions counted to date (received, or agreed where no instalment is recorded)', value: y.dfeContributionsToDate },
    { label: 'Other contributions to date', value: y.otherContributionsToDate === ZERO ? null : y.otherContributionsToDate },
    { label: 'Net cumulative deficit', value: y.cumulativeDeficitNet },
  ].filter((r) => r.value !== null || r.label.startsWith('Cumulative deficit at'));
}

export interface AgreementPositionRow {
  label: string;
  profile: Pence;
  contribution: Pence;
  surplusRequired: boolean;
  gross: Pence | null;
  net: Pence | null;
  status: string;
}

export function agreementPosition(report: Report): AgreementPositionRow[] {
  return report.years
    .filter((y) => y.agreement)
    .map((y) => ({
      label: y.label,
      profile: y.agreement!.profile,
      contribution: y.agreement!.contribution,
      surplusRequired: y.surplusRequired,
      gross: y.cumulativeDeficitGross,
      net: y.cumulativeDeficitGross === null ? null : y.cumulativeDeficitNet,
      status: y.status === 'no data' ? 'No data yet' : y.status[0]!.toUpperCase() + y.status.slice(1),
    }));
}

/** The EHCP months of the chosen year that hold any figure, as the SEND progress report tabulates them. */
export function ehcpMonthsOfYear(report: Report, fy: number): EhcpFigures[] {
  return report.ehcp.filter((m) => {
    const inYear = fyOfMonth({ year: Number(m.month.slice(0, 4)), month: Number(m.month.slice(5, 7)) }) === fy;
    const any = [m.plansAtStart, m.newPlans, m.transfersIn, m.outflows, m.plansAtEnd, m.rsaReceived].some((x) => x !== null);
    return inYear && any;
  });
}

export function reportTitle(y: YearFigures, council?: string | null): string {
  return `${council ? `${council}: ` : ''}Dedicated Schools Grant: financial report to the Schools Forum, ${fyLabel(y.fy)}`;
}

const MONTH_NAMES = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'January', 'February', 'March'];

export interface AdjustmentMonth {
  month: string;
  previous: Pence | null;
  current: Pence | null;
  /** Current − previous where both are held. */
  change: Pence | null;
}

/**
 * A funding table as the paper's "Education, Health & Care Plan Funding" one: the monthly in-year
 * adjustments of one line, this year beside the year before where that is held, their total, the
 * budget (the paper's contingency) and the (under) / over spend against it.
 *
 * At the year's end that is the paper's table: the year's adjustments against the year's budget.
 * Mid-year the adjustments so far are not set against the whole year's budget (an "underspend" that
 * is only the months still to come): the total is to date, beside the same months of the year
 * before, and the over / (under) spend is the forecast outturn against the budget, like for like.
 */
export interface AdjustmentTable {
  line: string;
  block: Block;
  previousLabel: string | null;
  currentLabel: string;
  months: AdjustmentMonth[];
  /** Mid-year, the months the totals cover ("April to September"); null at the year's end. */
  toDate: string | null;
  /** The year before's total over the same months as this year's. */
  totalPrevious: Pence | null;
  totalCurrent: Pence;
  budgetPrevious: Pence | null;
  budgetCurrent: Pence;
  /** Mid-year only: each year's (forecast) outturn for the line. */
  outturnPrevious: Pence | null;
  outturnCurrent: Pence | null;
  /** At the year's end, the total against the budget; mid-year, the forecast outturn against it (the line's variance). */
  overPrevious: Pence | null;
  overCurrent: Pence;
}

const shortYear = (fy: number) => `${String(fy % 100).padStart(2, '0')}/${String((fy + 1) % 100).padStart(2, '0')}`;

/** The in-year adjustment lines (named so in the council's file) with monthly actuals held, as tables. */
export function adjustmentTables(report: Report, y: YearFigures): AdjustmentTable[] {
  if (y.latestPeriod === null) return [];
  const prevYear = report.years.find((x) => x.fy === y.fy - 1 && x.latestPeriod !== null);
  return [...y.lines]
    .sort((a, b) => (a.fileOrder ?? 0) - (b.fileOrder ?? 0))
    .filter((l) => /in[- ]year adjustments?/i.test(l.line) && l.actuals.some((a) => a !== null))
    .map((l) => {
      const prev = prevYear?.lines.find((p) => p.block === l.block && lineKey(p.line) === lineKey(l.line));
      const months = MONTH_NAMES.map((month, i) => {
        const current = i < y.latestPeriod! ? (l.actuals[i] ?? null) : null;
        const previous = prev ? (prev.actuals[i] ?? null) : null;
        return { month, previous, current, change: current !== null && previous !== null ? sub(current, previous) : null };
      });
      const final = y.latestPeriod === 12;
      // Like for like: the year before over the same months as this year's.
      const totalPrevious = prev ? sum(prev.actuals.slice(0, y.latestPeriod!).map((a) => a ?? ZERO)) : null;
      const totalCurrent = sum(months.map((m) => m.current ?? ZERO));
      return {
        line: l.line,
        block: l.block,
        previousLabel: prev ? shortYear(y.fy - 1) : null,
        currentLabel: shortYear(y.fy),
        months,
        toDate: final ? null : `${MONTH_NAMES[0]} to ${MONTH_NAMES[y.latestPeriod! - 1]}`,
        totalPrevious,
        totalCurrent,
        budgetPrevious: prev ? prev.budget : null,
        budgetCurrent: l.budget,
        outturnPrevious: final || !prev ? null : prev.forecastOutturn,
        outturnCurrent: final ? null : l.forecastOutturn,
        overPrevious: !prev || totalPrevious === null ? null : final ? sub(totalPrevious, prev.budget) : prev.variance,
        overCurrent: final ? sub(totalCurrent, l.budget) : l.variance,
      };
    });
}

/** The report's narrative sections: the position, one per block with figures, the recommendation. */
export interface NarrativeSection {
  section: string;
  heading: string;
  /** The report's own words, used until an officer writes the section. */
  generated: string;
  written?: { text: string; by: string; at: string };
}

export function narrativeSections(y: YearFigures, narratives: ReportNarrative[] = []): { position: NarrativeSection; blocks: NarrativeSection[]; recommendation: NarrativeSection } {
  const written = (section: string) => {
    const n = narratives.find((x) => x.fy === y.fy && x.section === section && x.text !== '');
    return n ? { written: { text: n.text, by: n.by, at: n.at } } : {};
  };
  const final = y.latestPeriod === 12;
  // Blocks in the order the council's lines first name them (the paper: Early Years, then High Needs).
  const firstLine = (block: string) => Math.min(...y.lines.filter((l) => l.block === block).map((l) => l.fileOrder ?? 0));
  const blocks = [...y.blocks]
    .sort((a, b) => firstLine(a.block) - firstLine(b.block))
    .filter((b) => b.budget !== ZERO || b.forecastOutturn !== ZERO)
    .map((b): NarrativeSection => {
      const v = b.variance;
      const against = v === 0 ? 'on budget' : `${formatPaperMoney(abs(v))} ${v > 0 ? 'over' : 'under'} budget (an ${v > 0 ? 'overspend' : 'underspend'})`;
      return {
        section: b.block,
        heading: `${b.block} Block`,
        generated: `The ${b.block} block's ${final ? 'outturn' : 'forecast outturn'} is ${formatPaperMoney(b.forecastOutturn)} against a budget of ${formatPaperMoney(b.budget)}: ${against}.`,
        ...written(b.block),
      };
    });
  return {
    position: { section: 'position', heading: 'Position', generated: summarySentence(y, formatPaperMoney), ...written('position') },
    blocks,
    recommendation: {
      section: 'recommendation',
      heading: 'Recommendation',
      generated: 'The Schools Forum is asked to note the financial report and the DSG position against the Safety Valve agreement.',
      ...written('recommendation'),
    },
  };
}
