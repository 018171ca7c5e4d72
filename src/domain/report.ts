/**
 * The report: every figure the dashboard shows, as one value, with its JSON form (money as strings
 * with exactly two decimals) and a short readable summary. The CLI prints these; the browser
 * renders the same Report.
 *
 * The one exception to plain data: a Report and the results it gathers (Analysis, EhcpFigures,
 * Projection, PlacementMix) hold decimal.js values for ratios and plan counts. They are never
 * stored, posted to a worker or written to a file as they are: they are rebuilt from the model
 * (src/model), and leave the app only through `reportJson`'s strings.
 */
import type Decimal from 'decimal.js';
import { analyse, currentYear, type Analysis, type AsAt, type YearFigures } from './calculate';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { monthLabel, monthOfPeriod } from '../model/calendar';
import type { AgeCessation, CaseCount, Condition, Dataset } from '../model/dataset';
import { analyseEhcp, type EhcpFigures } from './ehcp';
import { compareGrids, type GridComparison } from './progressGrids';
import { describeDeficit, describeVariance, formatCount, formatPercent, formatPounds, formatWithShare } from './format';
import { abs, neg, type Pence, sub } from '../model/money';
import { toFixed2 } from './money';

export interface Report extends Analysis {
  ehcp: EhcpFigures[];
  /** The progress report's grids, each month beside the EHCP file's figure (issue 14). */
  progressGrids: GridComparison[];
  ageCessations: AgeCessation[];
  cases: CaseCount[];
  conditions: Condition[];
}

/** `asAt` views one year as at a period (see analyse). */
export function buildReport(data: Dataset, settings: Settings = DEFAULT_SETTINGS, extraWarnings: string[] = [], asAt?: AsAt): Report {
  const analysis = analyse(data, settings, asAt);
  const ehcp = analyseEhcp(data.ehcp, data.targets);
  return {
    ...analysis,
    ehcp,
    progressGrids: compareGrids(data.progressGrids ?? [], data.ehcp),
    ageCessations: data.ageCessations ?? [],
    cases: data.cases ?? [],
    conditions: data.conditions ?? [],
    warnings: [...extraWarnings, ...analysis.warnings, ...ehcp.flatMap((m) => m.warnings)],
  };
}

const money = (p: Pence | null) => (p === null ? null : toFixed2(p));
const pct = (d: Decimal | null) => (d === null ? null : d.toDecimalPlaces(2).toFixed(2));

function yearJson(y: YearFigures) {
  return {
    financialYear: y.label,
    latestPeriod: y.latestPeriod,
    latestMonth: y.latestPeriod === null ? null : monthLabel(monthOfPeriod(y.fy, y.latestPeriod)),
    budget: money(y.budget),
    budgetToDate: money(y.budgetToDate),
    actualToDate: money(y.actualToDate),
    forecastOutturn: money(y.forecastOutturn),
    variance: money(y.variance),
    income: money(y.income),
    inYearDeficit: money(y.inYearDeficit),
    deficitBroughtForward: money(y.deficitBroughtForward),
    cumulativeDeficitGross: money(y.cumulativeDeficitGross),
    agreementProfile: money(y.agreementProfile),
    varianceToProfile: money(y.varianceToProfile),
    varianceToProfilePercent: pct(y.varianceToProfilePercent),
    dfeContributionThisYear: money(y.agreement?.contribution ?? null),
    dfeContributionsToDate: money(y.dfeContributionsToDate),
    dfeContributionsAgreedToDate: money(y.dfeContributionsAgreedToDate),
    dfeWithheldToDate: money(y.dfeWithheldToDate),
    dfeOutstandingToDate: money(y.dfeOutstandingToDate),
    otherContributionsToDate: money(y.otherContributionsToDate),
    cumulativeDeficitNet: money(y.cumulativeDeficitNet),
    originalProfile: money(y.originalProfile),
    surplusRequired: y.surplusRequired,
    status: y.status,
    statusReason: y.statusReason,
    blocks: y.blocks.map((b) => ({
      block: b.block,
      budget: money(b.budget),
      budgetToDate: money(b.budgetToDate),
      actualToDate: money(b.actualToDate),
      forecastOutturn: money(b.forecastOutturn),
      variance: money(b.variance),
      income: money(b.income),
      inYearDeficit: money(b.inYearDeficit),
    })),
    months: y.months.map((m) => ({
      period: m.period,
      block: m.block,
      budget: money(m.budget),
      actual: money(m.actual),
      variance: money(m.variance),
    })),
    // An optional field is left undefined, which JSON leaves out: spreading it in cost every line an object.
    lines: y.lines.map((l) => ({
      block: l.block,
      line: l.line,
      costCentre: l.costCentre || undefined,
      budget: money(l.budget),
      actualToDate: money(l.actualToDate),
      forecastOutturn: money(l.forecastOutturn),
      forecastGiven: l.forecastGiven,
      variance: money(l.variance),
      unbudgeted: l.unbudgeted,
      commentary: l.commentary || undefined,
    })),
  };
}

export function reportJson(r: Report) {
  return {
    settings: { tolerance: r.settings.tolerance },
    years: r.years.map(yearJson),
    ehcp: r.ehcp.map((m) => ({
      month: m.month,
      plansAtStart: m.plansAtStart,
      newPlans: m.newPlans,
      transfersIn: m.transfersIn,
      outflows: m.outflows,
      plansAtEnd: m.plansAtEnd,
      target: m.target,
      gapToTarget: m.gapToTarget,
      rsaReceived: m.rsaReceived,
      rsaTarget: m.rsaTarget,
      rsaRefused: m.rsaRefused,
      rsaRefusalRate: pct(m.rsaRefusalRate),
      warnings: m.warnings,
    })),
    progressGrids: r.progressGrids.map((g) => ({ measure: g.measure, month: g.month, progressReport: g.grid, ehcpFile: g.ehcp, difference: g.difference })),
    tribunalsAndMediations: r.cases.map((c) => ({ caseType: c.caseType, year: c.year, count: c.count })),
    ageCessations: r.ageCessations.map((a) => ({ asAt: a.asAt, period: a.period, ageBand: a.ageBand, madeInactive: a.madeInactive, ceasingInProgress: a.ceasingInProgress })),
    conditions: r.conditions.map((c) => ({
      ref: c.ref,
      text: c.text,
      owner: c.owner ?? null,
      rag: c.rag,
      commentary: c.commentary ?? null,
      reviewed: c.reviewed ?? null,
    })),
    warnings: r.warnings,
  };
}

/** The deficit the budget was set with: Σ budget − DSG income (negative: set below the income, a planned surplus). */
export function plannedDeficit(y: YearFigures): Pence {
  return sub(y.budget, y.income);
}

/** "The budget was set with a planned deficit of £2,700,000" / "… £276,000 below the DSG income (a planned surplus)". */
export function plannedDeficitText(y: YearFigures, money: (p: Pence) => string = formatPounds): string {
  const d = plannedDeficit(y);
  if (d > 0) return `The budget was set with a planned deficit of ${money(d)}`;
  if (d < 0) return `The budget was set ${money(neg(d))} below the DSG income (a planned surplus)`;
  return 'The budget was set equal to the DSG income';
}

/**
 * The plain summary: the in-year deficit (spend against DSG income) with the planned deficit the
 * budget was set with beside it, the variance (outturn against budget) in its own words, and the
 * cumulative deficit against the profile. `money` is the form of the page it is on (whole pounds
 * on screen, the paper's £m in the forum report).
 */
export function summarySentence(y: YearFigures, money: (p: Pence) => string = formatPounds): string {
  if (y.latestPeriod === null || y.inYearDeficit === null || y.forecastOutturn === null || y.variance === null) return `No actuals are loaded for ${y.label}.`;
  const finalYear = y.latestPeriod === 12;
  const is = finalYear ? 'is' : 'is forecast at';
  const d = y.inYearDeficit;
  const spend = `${finalYear ? 'spend' : 'forecast spend'} of ${money(y.forecastOutturn)} against DSG income of ${money(y.income)}`;
  const inYear = d > 0
    ? `the in-year deficit for ${y.label} ${is} ${money(d)}`
    : d < 0
      ? `the in-year surplus for ${y.label} ${is} ${money(neg(d))}`
      : `the DSG ${finalYear ? 'is' : 'is forecast to be'} in balance in ${y.label}`;
  let s = `At period ${y.latestPeriod} (${monthLabel(monthOfPeriod(y.fy, y.latestPeriod))}), ${inYear}: ${spend}.`;
  const v = y.variance;
  const outturn = finalYear ? 'the outturn' : 'the forecast outturn';
  const against = v === 0 ? `${outturn} is on that budget` : `${outturn} is ${money(abs(v))} ${v > 0 ? 'over' : 'under'} that budget (an ${v > 0 ? 'overspend' : 'underspend'})`;
  s += ` ${plannedDeficitText(y, money)}; ${against}.`;
  if (y.cumulativeDeficitGross !== null) {
    s += ` The gross cumulative deficit ${is} ${money(y.cumulativeDeficitGross)}`;
    if (y.varianceToProfile !== null && y.agreementProfile !== null) {
      const e = y.varianceToProfile;
      s += e === 0
        ? `, exactly the ${money(y.agreementProfile)} agreed with the DfE`
        : `, ${formatWithShare(money(abs(e)), y.varianceToProfilePercent)} ${e > 0 ? 'above' : 'below'} the ${money(y.agreementProfile)} agreed with the DfE`;
    }
    s += '.';
  }
  return s;
}

export function reportText(r: Report): string {
  const out: string[] = ['DSG Safety Valve monitor: report', ''];
  const current = currentYear(r);
  for (const y of r.years) {
    const asAt = y.latestPeriod === null ? 'no actuals' : `as at period ${y.latestPeriod}, ${monthLabel(monthOfPeriod(y.fy, y.latestPeriod))}`;
    out.push(`${y.label} (${asAt}): ${y.status.toUpperCase()}`);
    if (y.inYearDeficit !== null && y.forecastOutturn !== null && y.variance !== null) {
      out.push(`  Budget ${formatPounds(y.budget)}; forecast outturn ${formatPounds(y.forecastOutturn)}: ${describeVariance(y.variance)}`);
      out.push(`  In-year: ${describeDeficit(y.inYearDeficit)} against DSG income of ${formatPounds(y.income)}; ${plannedDeficitText(y).replace(/^The/, 'the')}`);
    }
    if (y.cumulativeDeficitGross !== null) {
      const against = y.agreementProfile !== null ? ` against the agreed profile of ${formatPounds(y.agreementProfile)}` : '';
      out.push(`  Cumulative deficit (gross): ${formatPounds(y.cumulativeDeficitGross)}${against}`);
      if (y.varianceToProfile !== null) {
        const e = y.varianceToProfile;
        const p = y.varianceToProfilePercent ? `, ${formatPercent(y.varianceToProfilePercent.abs())}` : '';
        out.push(`  ${e > 0 ? 'Excess over' : 'Headroom within'} the profile: ${formatPounds(abs(e))}${p}`);
      }
    } else if (y.agreementProfile !== null) {
      out.push(`  Agreed profile: ${formatPounds(y.agreementProfile)}`);
    }
    if (y.dfeContributionsToDate !== null && y.cumulativeDeficitGross !== null) {
      out.push(`  DfE contributions counted to date (received, or agreed where no instalment is recorded): ${formatPounds(y.dfeContributionsToDate)}; net cumulative deficit ${formatPounds(y.cumulativeDeficitNet!)}`);
    }
    if (y.surplusRequired) out.push(`  The agreement requires an in-year surplus this year.`);
    out.push(`  Why: ${y.statusReason}`);
    if (y === current && y.latestPeriod !== null) out.push(`  Summary: ${summarySentence(y)}`);
    out.push('');
  }
  const latestEhcp = [...r.ehcp].reverse().find((m) => m.plansAtEnd !== null);
  if (latestEhcp) {
    const [yy, mm] = latestEhcp.month.split('-').map(Number);
    const target = latestEhcp.target !== null
      ? ` against a target of ${formatCount(latestEhcp.target)}: ${formatCount(Math.abs(latestEhcp.gapToTarget!))} ${latestEhcp.gapToTarget! > 0 ? 'above' : latestEhcp.gapToTarget! < 0 ? 'below' : 'on'} target`
      : '';
    out.push(`EHCPs at end of ${monthLabel({ year: yy!, month: mm! })}: ${formatCount(latestEhcp.plansAtEnd!)}${target}`);
    out.push('');
  }
  if (r.conditions.length > 0) {
    const count = (rag: string) => r.conditions.filter((c) => c.rag === rag).length;
    out.push(
      `Agreement conditions: ${r.conditions.length} (green ${count('green')}, amber ${count('amber')}, red ${count('red')}, not rated ${count('not rated')})`,
    );
    out.push('');
  }
  if (r.warnings.length > 0) {
    out.push('Warnings:');
    for (const w of r.warnings) out.push(`  - ${w}`);
  }
  return out.join('\n').trimEnd() + '\n';
}
