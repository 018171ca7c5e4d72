/**
 * The schools forum financial report (issue 5), shaped as the real forum paper lays it out
 * (shared/reference): the outturn table by budget heading with the planned deficit line and its
 * total, the in-year and cumulative position, the agreement against the actual position, and the
 * EHCP and RSA tables. Pure figures; the view prints them.
 */
import type { YearFigures } from './calculate';
import type { Block } from './blocks';
import { fyLabel, fyOfMonth } from './calendar';
import type { EhcpFigures } from './ehcp';
import { ZERO, sub, sum, type Pence } from './money';
import type { Report } from './report';

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
  /** Budget after the planned deficit line, i.e. the DSG income. */
  budgetTotal: Pence;
  outturnTotal: Pence;
  /** Σ variances + the planned deficit = the in-year deficit. */
  varianceTotal: Pence;
  totalLabel: string;
}

export function outturnTable(y: YearFigures): OutturnTable {
  const rows = y.lines.map((l) => ({
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
    { label: `In-year deficit / (surplus) ${y.label}`, value: y.inYearDeficit },
    { label: 'Cumulative deficit at year end (gross, before DfE contributions)', value: y.cumulativeDeficitGross },
    { label: 'Agreed deficit profile', value: y.agreementProfile },
    { label: 'Over / (under) the profile', value: y.varianceToProfile },
    { label: 'DfE contributions received to date', value: y.dfeContributionsToDate },
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

export function reportTitle(y: YearFigures): string {
  return `Dedicated Schools Grant: financial report to the Schools Forum, ${fyLabel(y.fy)}`;
}
