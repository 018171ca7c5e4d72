/**
 * SPEC section 6: per line, block, month and year; the agreement comparison and its status.
 * Input is a Dataset, output plain figures in pence; nothing here rounds except the straight-line
 * budget profile, which the SPEC defines to the penny.
 */
import Decimal from 'decimal.js';
import { BLOCKS, type Block } from './blocks';
import { fyLabel, monthLabel, monthOfPeriod, type FinancialYear } from './calendar';
import { currentAgreement, lineKey, type AgreementYear, type Dataset, type Instalment, type LineComment } from './dataset';
import { ZERO, add, roundPence, sub, sum, type Pence } from './money';
import { formatPounds, formatPercent } from './format';

export type Status = 'green' | 'amber' | 'red' | 'no data';

export interface Settings {
  /** Amber tolerance as a fraction of the profile, a decimal string: "0.02" is 2%. */
  tolerance: string;
  /** The council's DfE LA code (three digits, `880` for Torbay), for the national context. */
  laCode?: string;
  /** LA codes to compare with (e.g. statistical neighbours), for the national context. */
  comparators?: string[];
}

export const DEFAULT_SETTINGS: Settings = { tolerance: '0.02' };

export interface LineFigures {
  block: Block;
  line: string;
  costCentre?: string;
  budget: Pence;
  /** b(l,p) for p = 1…12. */
  profile: Pence[];
  /** a(l,p), null where no figure is held. */
  actuals: (Pence | null)[];
  budgetToDate: Pence;
  actualToDate: Pence;
  forecastOutturn: Pence;
  /** The officer gave the forecast (rather than spend to date plus the rest of the budget). */
  forecastGiven: boolean;
  variance: Pence;
  commentary?: string;
  /** Who wrote the commentary in the app, and when (absent for commentary from a file). */
  commentBy?: string;
  commentAt?: string;
  /** Commentary on single months, written in the app. */
  monthComments: { period: number; text: string; by: string; at: string }[];
  unbudgeted: boolean;
}

export interface BlockFigures {
  block: Block;
  budget: Pence;
  budgetToDate: Pence;
  actualToDate: Pence;
  forecastOutturn: Pence;
  variance: Pence;
  income: Pence;
  inYearDeficit: Pence;
}

export interface MonthFigures {
  period: number;
  block: Block;
  budget: Pence;
  actual: Pence;
  variance: Pence;
}

export interface YearFigures {
  fy: FinancialYear;
  label: string;
  /** P(y): the latest period with any actual; null when the year has none. */
  latestPeriod: number | null;
  budget: Pence;
  budgetToDate: Pence | null;
  actualToDate: Pence | null;
  forecastOutturn: Pence | null;
  variance: Pence | null;
  income: Pence;
  inYearDeficit: Pence | null;
  /** C(y−1), or the agreement's opening deficit for its first year. */
  deficitBroughtForward: Pence | null;
  cumulativeDeficitGross: Pence | null;
  agreement: AgreementYear | null;
  agreementProfile: Pence | null;
  /** E(y) = C(y) − profile(y): positive is excess, negative headroom. */
  varianceToProfile: Pence | null;
  /** E(y) as a percentage of the profile, unrounded. */
  varianceToProfilePercent: Decimal | null;
  /** K(y): DfE contributions received for agreement years up to y (see contributionsTo). */
  dfeContributionsToDate: Pence | null;
  /** What the agreement promised for those years, and of it what was withheld or is still due. */
  dfeContributionsAgreedToDate: Pence | null;
  dfeWithheldToDate: Pence | null;
  dfeOutstandingToDate: Pence | null;
  /** Council, stability grant and other contributions up to y. */
  otherContributionsToDate: Pence;
  /** C(y) − K(y) − other contributions to date. */
  cumulativeDeficitNet: Pence | null;
  /** The profile as first signed, where a revision has changed it. */
  originalProfile: Pence | null;
  surplusRequired: boolean;
  status: Status;
  statusReason: string;
  blocks: BlockFigures[];
  months: MonthFigures[];
  lines: LineFigures[];
}

export interface Analysis {
  years: YearFigures[];
  settings: Settings;
  warnings: string[];
}

/** Straight-line profile: b(p) = r(B·p/12) − r(B·(p−1)/12), so the twelve sum to B exactly. */
export function straightLineProfile(budget: Pence): Pence[] {
  const cumulative = (p: number) => roundPence(new Decimal(budget).mul(p).div(12));
  const out: Pence[] = [];
  for (let p = 1; p <= 12; p++) out.push(sub(cumulative(p), cumulative(p - 1)));
  return out;
}

interface LineWork {
  fy: FinancialYear;
  block: Block;
  line: string;
  costCentre?: string;
  budget: Pence;
  profile?: Pence[];
  actuals: (Pence | null)[];
  forecasts: (Pence | null)[];
  commentary?: string;
  budgeted: boolean;
}

/** Budget and actual lines joined: by cost centre where both give one, else by block and name. */
function joinLines(data: Dataset, warnings: string[]): LineWork[] {
  const byName = new Map<string, LineWork>();
  const byCostCentre = new Map<string, LineWork>();
  const work: LineWork[] = [];
  for (const b of data.budgets) {
    const w: LineWork = {
      fy: b.fy, block: b.block, line: b.line, budget: b.budget, budgeted: true,
      actuals: new Array<Pence | null>(12).fill(null), forecasts: new Array<Pence | null>(12).fill(null),
      ...(b.costCentre ? { costCentre: b.costCentre } : {}),
      ...(b.profile ? { profile: b.profile } : {}),
      ...(b.commentary ? { commentary: b.commentary } : {}),
    };
    work.push(w);
    byName.set(`${b.fy}|${b.block}|${lineKey(b.line)}`, w);
    if (b.costCentre) byCostCentre.set(`${b.fy}|${b.costCentre.toLowerCase()}`, w);
  }
  for (const a of data.actuals) {
    let w = (a.costCentre && byCostCentre.get(`${a.fy}|${a.costCentre.toLowerCase()}`)) || byName.get(`${a.fy}|${a.block}|${lineKey(a.line)}`);
    if (!w) {
      w = {
        fy: a.fy, block: a.block, line: a.line, budget: ZERO, budgeted: false,
        actuals: new Array<Pence | null>(12).fill(null), forecasts: new Array<Pence | null>(12).fill(null),
        ...(a.costCentre ? { costCentre: a.costCentre } : {}),
      };
      work.push(w);
      byName.set(`${a.fy}|${a.block}|${lineKey(a.line)}`, w);
      if (a.costCentre) byCostCentre.set(`${a.fy}|${a.costCentre.toLowerCase()}`, w);
      warnings.push(`unbudgeted line: ${fyLabel(a.fy)} ${a.block} "${a.line}" has actuals but no budget; it is counted with a budget of £0`);
    }
    for (let p = 0; p < 12; p++) {
      const v = a.actuals[p]!;
      if (v !== null) w.actuals[p] = w.actuals[p] === null ? v : add(w.actuals[p]!, v);
      const f = a.forecasts[p]!;
      if (f !== null) w.forecasts[p] = w.forecasts[p] === null ? f : add(w.forecasts[p]!, f);
    }
    if (a.commentary) w.commentary = a.commentary;
  }
  return work;
}

function lineFigures(w: LineWork, latest: number | null, comments: LineComment[]): LineFigures {
  const whole = comments.find((c) => c.period === undefined);
  const commentary = whole?.text || w.commentary;
  const profile = w.profile ?? straightLineProfile(w.budget);
  const P = latest ?? 0;
  const budgetToDate = sum(profile.slice(0, P));
  const actualToDate = sum(w.actuals.slice(0, P).map((a) => a ?? ZERO));
  const given = P > 0 ? w.forecasts[P - 1]! : null;
  const forecastOutturn = given ?? add(actualToDate, sum(profile.slice(P)));
  return {
    block: w.block,
    line: w.line,
    ...(w.costCentre ? { costCentre: w.costCentre } : {}),
    budget: w.budget,
    profile,
    actuals: w.actuals,
    budgetToDate,
    actualToDate,
    forecastOutturn,
    forecastGiven: given !== null,
    variance: sub(forecastOutturn, w.budget),
    ...(commentary ? { commentary } : {}),
    ...(whole ? { commentBy: whole.by, commentAt: whole.at } : {}),
    monthComments: comments
      .filter((c) => c.period !== undefined)
      .map((c) => ({ period: c.period!, text: c.text, by: c.by, at: c.at }))
      .sort((a, b) => a.period - b.period),
    unbudgeted: !w.budgeted,
  };
}

const sumBy = <T>(xs: T[], f: (x: T) => Pence) => sum(xs.map(f));

function statusOf(
  y: Pick<YearFigures, 'label' | 'latestPeriod' | 'cumulativeDeficitGross' | 'agreementProfile' | 'inYearDeficit' | 'surplusRequired' | 'fy'>,
  excess: Pence | null,
  percent: Decimal | null,
  tolerance: Decimal,
  brokenChain: boolean,
): { status: Status; statusReason: string } {
  if (y.latestPeriod === null) return { status: 'no data', statusReason: `No actuals are loaded for ${y.label}.` };
  if (y.agreementProfile === null) {
    return { status: 'no data', statusReason: `${y.label} is not a year of the Safety Valve agreement, so there is no profile to compare against.` };
  }
  if (y.cumulativeDeficitGross === null || excess === null) {
    return {
      status: 'no data',
      statusReason: brokenChain
        ? `The cumulative deficit for ${y.label} cannot be worked out because an earlier year has no actuals.`
        : `The cumulative deficit for ${y.label} cannot be worked out.`,
    };
  }
  const asAt = `At period ${y.latestPeriod} (${monthLabel(monthOfPeriod(y.fy, y.latestPeriod))})`;
  const C = formatPounds(y.cumulativeDeficitGross);
  const profile = formatPounds(y.agreementProfile);
  const pct = percent ? ` (${formatPercent(percent.abs())})` : '';
  const tolText = formatPercent(tolerance.mul(100));
  const limit = new Decimal(y.agreementProfile).mul(tolerance);
  const surplusMissed = y.surplusRequired && y.inYearDeficit !== null && y.inYearDeficit > 0;
  const surplusText = surplusMissed
    ? ` The agreement requires an in-year surplus in ${y.label}, but the forecast is an in-year deficit of ${formatPounds(y.inYearDeficit!)}.`
    : y.surplusRequired
      ? ` The in-year surplus the agreement requires in ${y.label} is on course.`
      : '';
  let position: string;
  let status: Status;
  if (excess <= 0) {
    position = excess === 0
      ? `the gross cumulative deficit of ${C} is exactly the agreed profile of ${profile}.`
      : `the gross cumulative deficit of ${C} is ${formatPounds(-excess as Pence)}${pct} below the agreed profile of ${profile}.`;
    status = surplusMissed ? 'red' : 'green';
  } else if (limit.gte(excess)) {
    position = `the gross cumulative deficit of ${C} is ${formatPounds(excess)}${pct} above the agreed profile of ${profile}, within the ${tolText} tolerance.`;
    status = surplusMissed ? 'red' : 'amber';
  } else {
    position = `the gross cumulative deficit of ${C} is ${formatPounds(excess)}${pct} above the agreed profile of ${profile}, beyond the ${tolText} tolerance.`;
    status = 'red';
  }
  return { status, statusReason: `${asAt} ${position}${surplusText}` };
}

/**
 * DfE contributions for the agreement years up to fy. A year with instalments recorded counts
 * only those received; a year with none recorded counts its agreed contribution as paid, as the
 * agreement says it is paid by the year end.
 */
export function contributionsTo(fy: FinancialYear, agreement: AgreementYear[], instalments: Instalment[] = []) {
  let received = ZERO;
  let agreed = ZERO;
  let withheld = ZERO;
  let outstanding = ZERO;
  for (const a of agreement) {
    if (a.fy > fy) continue;
    agreed = add(agreed, a.contribution);
    const recorded = instalments.filter((i) => i.fy === a.fy);
    if (recorded.length === 0) {
      received = add(received, a.contribution);
      continue;
    }
    for (const i of recorded) {
      if (i.status === 'received') received = add(received, i.amount);
      else if (i.status === 'withheld') withheld = add(withheld, i.amount);
      else outstanding = add(outstanding, i.amount);
    }
  }
  return { received, agreed, withheld, outstanding };
}

export function analyse(data: Dataset, settings: Settings = DEFAULT_SETTINGS): Analysis {
  const warnings: string[] = [];
  const tolerance = new Decimal(settings.tolerance);
  const lines = joinLines(data, warnings);
  const commentsByLine = new Map<string, LineComment[]>();
  for (const c of data.comments ?? []) {
    const k = `${c.fy}|${c.block}|${lineKey(c.line)}`;
    commentsByLine.set(k, [...(commentsByLine.get(k) ?? []), c]);
  }
  const agreementYears = currentAgreement(data);
  const agreementByFy = new Map(agreementYears.map((a) => [a.fy, a]));
  const originalByFy = new Map(data.agreement.map((a) => [a.fy, a]));
  const revised = (data.revisions ?? []).length > 0;
  const fys = [...new Set([...agreementYears.map((a) => a.fy), ...lines.map((l) => l.fy), ...data.funding.map((f) => f.fy)])].sort((a, b) => a - b);

  const firstAgreementFy = agreementYears.length > 0 ? Math.min(...agreementYears.map((a) => a.fy)) : undefined;
  const opening =
    firstAgreementFy !== undefined ? (agreementByFy.get(firstAgreementFy)!.openingDeficit ?? originalByFy.get(firstAgreementFy)?.openingDeficit) : undefined;
  if (agreementYears.length === 0 && lines.length > 0) {
    warnings.push('no agreement is loaded: there is no profile to compare against, and the cumulative deficit counts from zero');
  } else if (firstAgreementFy !== undefined && opening === undefined) {
    warnings.push(`the agreement gives no opening deficit for ${fyLabel(firstAgreementFy)}: the cumulative deficit counts from zero`);
  }
  if (data.funding.length === 0 && lines.length > 0) {
    warnings.push('no DSG funding is loaded: the in-year deficit counts no income');
  }

  let carried: Pence | null = null;
  let chainStarted = false;
  let chainBroken = false;
  const years: YearFigures[] = [];
  for (const fy of fys) {
    const yearLines = lines.filter((l) => l.fy === fy);
    let latest: number | null = null;
    for (const l of yearLines) {
      for (let p = 11; p >= 0; p--) {
        if (l.actuals[p] !== null) {
          if (latest === null || p + 1 > latest) latest = p + 1;
          break;
        }
      }
    }
    const figures = yearLines.map((l) => lineFigures(l, latest, commentsByLine.get(`${fy}|${l.block}|${lineKey(l.line)}`) ?? []));
    figures.sort((a, b) => BLOCKS.indexOf(a.block) - BLOCKS.indexOf(b.block));
    const hasData = latest !== null;
    const income = (block: Block) => sum(data.funding.filter((f) => f.fy === fy && f.block === block).map((f) => f.income));
    const blocksPresent = BLOCKS.filter((b) => figures.some((l) => l.block === b) || data.funding.some((f) => f.fy === fy && f.block === b));
    const blocks: BlockFigures[] = blocksPresent.map((block) => {
      const ls = figures.filter((l) => l.block === block);
      const forecastOutturn = sumBy(ls, (l) => l.forecastOutturn);
      const budget = sumBy(ls, (l) => l.budget);
      return {
        block,
        budget,
        budgetToDate: sumBy(ls, (l) => l.budgetToDate),
        actualToDate: sumBy(ls, (l) => l.actualToDate),
        forecastOutturn,
        variance: sub(forecastOutturn, budget),
        income: income(block),
        inYearDeficit: sub(forecastOutturn, income(block)),
      };
    });
    for (const b of blocks) {
      if (hasData && b.income === 0 && b.forecastOutturn !== 0 && data.funding.length > 0) {
        warnings.push(`no DSG income is loaded for ${b.block} in ${fyLabel(fy)}: its in-year deficit counts no income`);
      }
    }
    const months: MonthFigures[] = [];
    for (let p = 1; p <= (latest ?? 0); p++) {
      for (const block of blocksPresent) {
        const ls = figures.filter((l) => l.block === block);
        if (ls.length === 0) continue;
        const budget = sumBy(ls, (l) => l.profile[p - 1]!);
        const actual = sumBy(ls, (l) => l.actuals[p - 1] ?? ZERO);
        months.push({ period: p, block, budget, actual, variance: sub(actual, budget) });
      }
    }
    const budget = sumBy(blocks, (b) => b.budget);
    const totalIncome = sumBy(blocks, (b) => b.income);
    const forecastOutturn = hasData ? sumBy(blocks, (b) => b.forecastOutturn) : null;
    const inYearDeficit = forecastOutturn === null ? null : sub(forecastOutturn, totalIncome);

    // The chain of cumulative deficits starts at the agreement's first year (or the first year
    // with data when there is no agreement) and stops at the first year without actuals.
    const startsChain = !chainStarted && (firstAgreementFy === undefined ? hasData : fy === firstAgreementFy);
    if (startsChain) {
      chainStarted = true;
      carried = opening ?? ZERO;
    }
    const broughtForward = chainStarted && !chainBroken ? carried : null;
    let cumulative: Pence | null = null;
    if (broughtForward !== null && inYearDeficit !== null) cumulative = add(broughtForward, inYearDeficit);
    if (chainStarted && inYearDeficit === null) chainBroken = true;
    carried = cumulative;

    const agreement = agreementByFy.get(fy) ?? null;
    const dfe = agreementYears.length > 0 ? contributionsTo(fy, agreementYears, data.instalments) : null;
    const K = dfe?.received ?? null;
    const other = sum((data.otherContributions ?? []).filter((o) => o.fy <= fy).map((o) => o.amount));
    const excess = cumulative !== null && agreement ? sub(cumulative, agreement.profile) : null;
    const percent = excess !== null && agreement && agreement.profile !== 0 ? new Decimal(excess).div(agreement.profile).mul(100) : null;
    const y = {
      fy,
      label: fyLabel(fy),
      latestPeriod: latest,
      cumulativeDeficitGross: cumulative,
      agreementProfile: agreement?.profile ?? null,
      inYearDeficit,
      surplusRequired: agreement?.surplusRequired ?? false,
    };
    years.push({
      ...y,
      budget,
      budgetToDate: hasData ? sumBy(blocks, (b) => b.budgetToDate) : null,
      actualToDate: hasData ? sumBy(blocks, (b) => b.actualToDate) : null,
      forecastOutturn,
      variance: forecastOutturn === null ? null : sub(forecastOutturn, budget),
      income: totalIncome,
      deficitBroughtForward: broughtForward,
      agreement,
      varianceToProfile: excess,
      varianceToProfilePercent: percent,
      dfeContributionsToDate: K,
      dfeContributionsAgreedToDate: dfe?.agreed ?? null,
      dfeWithheldToDate: dfe?.withheld ?? null,
      dfeOutstandingToDate: dfe?.outstanding ?? null,
      otherContributionsToDate: other,
      cumulativeDeficitNet: cumulative === null ? null : sub(sub(cumulative, K ?? ZERO), other),
      originalProfile: revised ? (originalByFy.get(fy)?.profile ?? null) : null,
      ...statusOf(y, excess, percent, tolerance, chainBroken && hasData),
      blocks,
      months,
      lines: figures,
    });
  }
  return { years, settings, warnings };
}

/** The year a dashboard opens on: the latest with actuals, else the first. */
export function currentYear(a: Analysis): YearFigures | undefined {
  return [...a.years].reverse().find((y) => y.latestPeriod !== null) ?? a.years[0];
}
