/**
 * SPEC section 6: per line, block, month and year; the agreement comparison and its status.
 * Input is a Dataset, output plain figures in pence; nothing here rounds except the straight-line
 * budget profile, which the SPEC defines to the penny.
 */
import Decimal from 'decimal.js';
import { BLOCKS, type Block } from '../model/blocks';
import { fyLabel, monthLabel, monthOfPeriod, type FinancialYear } from '../model/calendar';
import {
  currentAgreement, lineId, type ActualLine, type AgreementYear, type BudgetLine, type Dataset, type FundingRow, type Instalment, type LineComment,
} from '../model/dataset';
import { add, mulDivRound, neg, type Pence, sub, sum, ZERO } from '../model/money';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import { formatPounds, formatPercent } from './format';
import { scaleProblem } from './scaleCheck';

export type Status = 'green' | 'amber' | 'red' | 'no data';

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
  /** Where the line stands in the council's own files (budget file order, then unbudgeted actuals): the forum report keeps it. */
  fileOrder?: number;
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
  /** Why the status is what it is, as a clause a chart's heading can carry ("the agreement requires an in-year surplus in 2025-26 and the year is in deficit"); null without data. */
  statusCause: string | null;
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
  // Integer maths, exactly as r(Decimal(B)·p/12) rounds: this runs for every line of every year.
  const out: Pence[] = [];
  let before = ZERO;
  for (let p = 1; p <= 12; p++) {
    const upTo = mulDivRound(budget, p, 12);
    out.push(sub(upTo, before));
    before = upTo;
  }
  return out;
}

/** Every field always present (undefined where none), so every line has one shape: the passes over them stay fast. */
interface LineWork {
  fy: FinancialYear;
  block: Block;
  line: string;
  costCentre: string | undefined;
  budget: Pence;
  profile: Pence[] | undefined;
  actuals: (Pence | null)[];
  forecasts: (Pence | null)[];
  commentary: string | undefined;
  budgeted: boolean;
  /**
   * How many actual lines are joined in: at one, `actuals` and `forecasts` are that line's own
   * arrays (not copied: a big council has a line per cost centre); a second is added into copies.
   */
  joined: number;
}

/** A budget line's periods before any actual line is joined in: replaced, never written to. */
const NOT_JOINED: (Pence | null)[] = noPeriods();

/** Twelve empty periods, as a literal: a packed array, read faster than Array(12).fill's. */
function noPeriods(): (Pence | null)[] {
  return [null, null, null, null, null, null, null, null, null, null, null, null];
}

/**
 * One year's budget and actual lines joined: by cost centre where both give one, else by block
 * and name. (Every key carries the year, so joining year by year is joining them all at once.)
 * A warning for each actual row that has no budget, kept by the row so they can be listed in the
 * files' order.
 */
function joinLines(budgets: BudgetLine[], actuals: ActualLine[], unbudgeted: Map<ActualLine, string>): LineWork[] {
  const work: LineWork[] = [];
  const byCostCentre = new Map<string, LineWork>();
  // The name index is needed only for actuals that no cost centre matches: built on first use
  // from every line so far, in order, so it holds what setting each line as it came would.
  let byName: Map<string, LineWork> | undefined;
  const nameKey = (l: { fy: FinancialYear; block: Block; line: string }) => lineId({ fy: l.fy, block: l.block, line: l.line });
  const names = () => {
    if (!byName) {
      byName = new Map();
      for (const w of work) byName.set(nameKey(w), w);
    }
    return byName;
  };
  const index = (w: LineWork) => {
    work.push(w);
    byName?.set(nameKey(w), w);
    if (w.costCentre) byCostCentre.set(w.costCentre.toLowerCase(), w);
  };
  for (const b of budgets) {
    index({
      fy: b.fy, block: b.block, line: b.line, costCentre: b.costCentre || undefined, budget: b.budget, profile: b.profile,
      actuals: NOT_JOINED, forecasts: NOT_JOINED, commentary: b.commentary || undefined, budgeted: true, joined: 0,
    });
  }
  for (const a of actuals) {
    let w = (a.costCentre && byCostCentre.get(a.costCentre.toLowerCase())) || names().get(nameKey(a));
    if (!w) {
      w = {
        fy: a.fy, block: a.block, line: a.line, costCentre: a.costCentre || undefined, budget: ZERO, profile: undefined,
        actuals: NOT_JOINED, forecasts: NOT_JOINED, commentary: undefined, budgeted: false, joined: 0,
      };
      index(w);
      unbudgeted.set(a, `unbudgeted line: ${fyLabel(a.fy)} ${a.block} "${a.line}" has actuals but no budget; it is counted with a budget of £0`);
    }
    if (w.joined === 0) {
      w.actuals = a.actuals;
      w.forecasts = a.forecasts;
    } else {
      if (w.joined === 1) {
        w.actuals = [...w.actuals];
        w.forecasts = [...w.forecasts];
      }
      for (let p = 0; p < 12; p++) {
        const v = a.actuals[p]!;
        if (v !== null) w.actuals[p] = w.actuals[p] === null ? v : add(w.actuals[p]!, v);
        const f = a.forecasts[p]!;
        if (f !== null) w.forecasts[p] = w.forecasts[p] === null ? f : add(w.forecasts[p]!, f);
      }
    }
    w.joined++;
    if (a.commentary) w.commentary = a.commentary;
  }
  // A line no actual joined gets periods of its own, so no two lines' figures share an array.
  for (const w of work) {
    if (w.joined === 0) {
      w.actuals = noPeriods();
      w.forecasts = noPeriods();
    }
  }
  return work;
}

/** A line's figures to date at P (its latest period): SPEC section 6's per-line formulas. */
function toDate(profile: Pence[], actuals: (Pence | null)[], forecasts: (Pence | null)[], P: number) {
  let budgetToDate = ZERO;
  let actualToDate = ZERO;
  let budgetToCome = ZERO;
  for (let p = 0; p < 12; p++) {
    if (p < P) {
      budgetToDate = add(budgetToDate, profile[p]!);
      actualToDate = add(actualToDate, actuals[p] ?? ZERO);
    } else budgetToCome = add(budgetToCome, profile[p]!);
  }
  const given = P > 0 ? forecasts[P - 1]! : null;
  return { budgetToDate, actualToDate, forecastOutturn: given ?? add(actualToDate, budgetToCome), forecastGiven: given !== null };
}

function lineFigures(w: LineWork, latest: number | null, comments: LineComment[], fileOrder: number): LineFigures {
  const whole = comments.length === 0 ? undefined : comments.find((c) => c.period === undefined);
  const commentary = whole?.text || w.commentary;
  const profile = w.profile ?? straightLineProfile(w.budget);
  const d = toDate(profile, w.actuals, w.forecasts, latest ?? 0);
  // One literal, the optional fields set after: spreading them in made every line's object the slow way.
  const f: LineFigures = {
    block: w.block,
    line: w.line,
    budget: w.budget,
    profile,
    actuals: w.actuals,
    budgetToDate: d.budgetToDate,
    actualToDate: d.actualToDate,
    forecastOutturn: d.forecastOutturn,
    forecastGiven: d.forecastGiven,
    variance: sub(d.forecastOutturn, w.budget),
    monthComments: comments.length === 0 ? [] : comments
      .filter((c) => c.period !== undefined)
      .map((c) => ({ period: c.period!, text: c.text, by: c.by, at: c.at }))
      .sort((a, b) => a.period - b.period),
    unbudgeted: !w.budgeted,
    // Where the line stands in the council's own files: the forum report keeps that order.
    fileOrder,
  };
  if (w.costCentre) f.costCentre = w.costCentre;
  if (commentary) f.commentary = commentary;
  if (whole) {
    f.commentBy = whole.by;
    f.commentAt = whole.at;
  }
  return f;
}

/**
 * The same line as at `period` (actuals and forecasts after it set aside, as dataset.asAtPeriod
 * does) with P the year's latest period then: only what depends on the actuals is worked out again.
 */
function lineAsAt(f: LineFigures, w: LineWork, period: number, P: number): LineFigures {
  const actuals = w.actuals.map((x, i) => (i < period ? x : null));
  // Only the forecast at P is read, and P is at most the period: none set aside is ever read.
  const d = toDate(f.profile, actuals, w.forecasts, P);
  return { ...f, actuals, ...d, variance: sub(d.forecastOutturn, f.budget) };
}

function sumBy<T>(xs: T[], f: (x: T) => Pence): Pence {
  let total = ZERO;
  for (const x of xs) total = add(total, f(x));
  return total;
}

function statusOf(
  y: Pick<YearFigures, 'label' | 'latestPeriod' | 'cumulativeDeficitGross' | 'agreementProfile' | 'inYearDeficit' | 'surplusRequired' | 'fy'>,
  excess: Pence | null,
  percent: Decimal | null,
  tolerance: Decimal,
  brokenChain: boolean,
  money: (p: Pence) => string = formatPounds,
): { status: Status; statusReason: string; statusCause: string | null } {
  if (y.latestPeriod === null) return { status: 'no data', statusReason: `No actuals are loaded for ${y.label}.`, statusCause: null };
  if (y.agreementProfile === null) {
    return { status: 'no data', statusReason: `${y.label} is not a year of the Safety Valve agreement, so there is no profile to compare against.`, statusCause: null };
  }
  if (y.cumulativeDeficitGross === null || excess === null) {
    return {
      status: 'no data',
      statusCause: null,
      statusReason: brokenChain
        ? `The cumulative deficit for ${y.label} cannot be worked out because an earlier year has no actuals.`
        : `The cumulative deficit for ${y.label} cannot be worked out.`,
    };
  }
  const asAt = `At period ${y.latestPeriod} (${monthLabel(monthOfPeriod(y.fy, y.latestPeriod))})`;
  const C = money(y.cumulativeDeficitGross);
  const profile = money(y.agreementProfile);
  const pct = percent ? ` (${formatPercent(percent.abs())})` : '';
  const tolText = formatPercent(tolerance.mul(100));
  const limit = new Decimal(y.agreementProfile).mul(tolerance);
  const surplusMissed = y.surplusRequired && y.inYearDeficit !== null && y.inYearDeficit > 0;
  const surplusText = surplusMissed
    ? ` The agreement requires an in-year surplus in ${y.label}, but the forecast is an in-year deficit of ${money(y.inYearDeficit!)}.`
    : y.surplusRequired
      ? ` The in-year surplus the agreement requires in ${y.label} is on course.`
      : '';
  let position: string;
  let status: Status;
  const surplusCause = `the agreement requires an in-year surplus in ${y.label} and the year ${y.latestPeriod === 12 ? 'was' : 'is forecast to be'} in deficit`;
  let statusCause: string;
  if (excess <= 0) {
    position = excess === 0
      ? `the gross cumulative deficit of ${C} is exactly the agreed profile of ${profile}.`
      : `the gross cumulative deficit of ${C} is ${money(neg(excess))}${pct} below the agreed profile of ${profile}.`;
    status = surplusMissed ? 'red' : 'green';
    statusCause = surplusMissed ? surplusCause : 'within the agreed profile';
  } else if (limit.gte(excess)) {
    position = `the gross cumulative deficit of ${C} is ${money(excess)}${pct} above the agreed profile of ${profile}, within the ${tolText} tolerance.`;
    status = surplusMissed ? 'red' : 'amber';
    statusCause = surplusMissed ? surplusCause : `above the profile, within the ${tolText} tolerance`;
  } else {
    position = `the gross cumulative deficit of ${C} is ${money(excess)}${pct} above the agreed profile of ${profile}, beyond the ${tolText} tolerance.`;
    status = 'red';
    statusCause = `more than the ${tolText} tolerance above the profile${surplusMissed ? `, and ${surplusCause}` : ''}`;
  }
  return { status, statusReason: `${asAt} ${position}${surplusText}`, statusCause };
}

/**
 * A year's status reason with its money in a page's own form (the forum report's £m, so that one
 * figure has one form on the page); the same words as `statusReason`, which gives whole pounds.
 */
export function statusReasonIn(y: YearFigures, tolerance: string, money: (p: Pence) => string): string {
  if (y.status === 'no data' || y.cumulativeDeficitGross === null || y.varianceToProfile === null) return y.statusReason;
  return statusOf(y, y.varianceToProfile, y.varianceToProfilePercent, new Decimal(tolerance), false, money).statusReason;
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

/** One year's inputs: what its line, block and month figures are worked out from. */
interface YearInputs {
  budgets: BudgetLine[];
  actuals: ActualLine[];
  comments: LineComment[];
  funding: FundingRow[];
  /** Whether any funding is loaded at all (a block without income is warned of only then). */
  fundingLoaded: boolean;
}

/** A year's line, block and month figures: everything in it that grows with the number of lines. */
interface YearCore {
  latest: number | null;
  figures: LineFigures[];
  /** Each figure's joined line, in the same order. */
  works: LineWork[];
  blocks: BlockFigures[];
  months: MonthFigures[];
  unbudgeted: Map<ActualLine, string>;
  blockWarnings: string[];
}

function yearCore(fy: FinancialYear, input: YearInputs): YearCore {
  const unbudgeted = new Map<ActualLine, string>();
  const yearLines = joinLines(input.budgets, input.actuals, unbudgeted);
  const commentsByLine = new Map<string, LineComment[]>();
  for (const c of input.comments) {
    const k = lineId({ fy: c.fy, block: c.block, line: c.line });
    commentsByLine.set(k, [...(commentsByLine.get(k) ?? []), c]);
  }
  const latest = latestPeriod(yearLines, 12);
  const noComments: LineComment[] = [];
  // The lines grouped by block in BLOCKS order, each block's lines in file order (a stable sort).
  const byBlock = new Map<Block, { f: LineFigures; w: LineWork }[]>(BLOCKS.map((b) => [b, []]));
  for (let i = 0; i < yearLines.length; i++) {
    const w = yearLines[i]!;
    const comments = commentsByLine.size === 0 ? noComments : (commentsByLine.get(lineId({ fy: w.fy, block: w.block, line: w.line })) ?? noComments);
    byBlock.get(w.block)!.push({ f: lineFigures(w, latest, comments, i), w });
  }
  const figures: LineFigures[] = [];
  const works: LineWork[] = [];
  for (const b of BLOCKS) {
    for (const x of byBlock.get(b)!) {
      figures.push(x.f);
      works.push(x.w);
    }
  }
  return { latest, figures, works, unbudgeted, ...totals(fy, input, latest, figures) };
}

/** The latest period, up to `before`, that any line has an actual for; null when none has. */
function latestPeriod(lines: LineWork[], before: number): number | null {
  let latest: number | null = null;
  for (const l of lines) {
    for (let p = Math.min(before, 12) - 1; p >= 0 && (latest === null || p + 1 > latest); p--) {
      if (l.actuals[p] !== null) {
        latest = p + 1;
        break;
      }
    }
  }
  return latest;
}

/** The year as at `period` from the whole year's figures: the join, profiles and comments reused. */
function yearCoreAsAt(fy: FinancialYear, input: YearInputs, full: YearCore, period: number): YearCore {
  const latest = latestPeriod(full.works, period);
  const P = latest ?? 0;
  const figures = full.figures.map((f, i) => lineAsAt(f, full.works[i]!, period, P));
  // Month totals up to P are the whole year's: nothing before the period is set aside.
  const months = full.months.filter((m) => m.period <= P);
  return { latest, figures, works: full.works, unbudgeted: full.unbudgeted, ...totals(fy, input, latest, figures, months) };
}

/** Block totals, month totals (unless given) and the warnings about blocks, from the line figures. */
function totals(fy: FinancialYear, input: YearInputs, latest: number | null, figures: LineFigures[], givenMonths?: MonthFigures[]) {
  const byBlock = new Map<Block, LineFigures[]>(BLOCKS.map((b) => [b, []]));
  for (const f of figures) byBlock.get(f.block)!.push(f);
  const hasData = latest !== null;
  const income = (block: Block) => sum(input.funding.filter((f) => f.block === block).map((f) => f.income));
  const blocksPresent = BLOCKS.filter((b) => byBlock.get(b)!.length > 0 || input.funding.some((f) => f.block === b));
  const blocks: BlockFigures[] = blocksPresent.map((block) => {
    // The four sums in one pass over the block's lines.
    let budget = ZERO;
    let budgetToDate = ZERO;
    let actualToDate = ZERO;
    let forecastOutturn = ZERO;
    for (const l of byBlock.get(block)!) {
      budget = add(budget, l.budget);
      budgetToDate = add(budgetToDate, l.budgetToDate);
      actualToDate = add(actualToDate, l.actualToDate);
      forecastOutturn = add(forecastOutturn, l.forecastOutturn);
    }
    return {
      block,
      budget,
      budgetToDate,
      actualToDate,
      forecastOutturn,
      variance: sub(forecastOutturn, budget),
      income: income(block),
      inYearDeficit: sub(forecastOutturn, income(block)),
    };
  });
  const blockWarnings: string[] = [];
  for (const b of blocks) {
    if (hasData && b.income === 0 && b.forecastOutturn !== 0 && input.fundingLoaded) {
      blockWarnings.push(`no DSG income is loaded for ${b.block} in ${fyLabel(fy)}: its in-year deficit counts no income`);
    }
  }
  if (givenMonths) return { blocks, months: givenMonths, blockWarnings };
  // Each block's month totals in one pass over its lines (not a pass per block and month).
  const months: MonthFigures[] = [];
  const P = latest ?? 0;
  const monthBudget = new Map<Block, Pence[]>();
  const monthActual = new Map<Block, Pence[]>();
  for (const block of blocksPresent) {
    const ls = byBlock.get(block)!;
    if (ls.length === 0) continue;
    const b = new Array<Pence>(P).fill(ZERO);
    const a = new Array<Pence>(P).fill(ZERO);
    for (const l of ls) {
      for (let p = 0; p < P; p++) {
        b[p] = add(b[p]!, l.profile[p]!);
        a[p] = add(a[p]!, l.actuals[p] ?? ZERO);
      }
    }
    monthBudget.set(block, b);
    monthActual.set(block, a);
  }
  for (let p = 1; p <= P; p++) {
    for (const block of blocksPresent) {
      const b = monthBudget.get(block);
      const a = monthActual.get(block);
      if (!b || !a) continue;
      months.push({ period: p, block, budget: b[p - 1]!, actual: a[p - 1]!, variance: sub(a[p - 1]!, b[p - 1]!) });
    }
  }
  return { blocks, months, blockWarnings };
}

/**
 * The last few years worked out, by their inputs' identity. Choosing another "as at" period
 * changes one year's actuals (dataset.asAtPeriod copies only those), so the other years' figures,
 * unchanged, are taken from here rather than worked out again for every line. Results are shared
 * between analyses: nothing may change them in place.
 */
const CORE_CACHE_SIZE = 8;
const coreCache: { fy: FinancialYear; input: YearInputs; core: YearCore }[] = [];

function sameItems<T>(a: T[], b: T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
function sameInputs(a: YearInputs, b: YearInputs): boolean {
  return a.fundingLoaded === b.fundingLoaded && sameItems(a.budgets, b.budgets) && sameItems(a.actuals, b.actuals) && sameItems(a.comments, b.comments) && sameItems(a.funding, b.funding);
}

function cachedYearCore(fy: FinancialYear, input: YearInputs): YearCore {
  const i = coreCache.findIndex((c) => c.fy === fy && sameInputs(c.input, input));
  if (i >= 0) {
    const [hit] = coreCache.splice(i, 1);
    coreCache.push(hit!);
    return hit!.core;
  }
  const core = yearCore(fy, input);
  coreCache.push({ fy, input, core });
  if (coreCache.length > CORE_CACHE_SIZE) coreCache.shift();
  return core;
}

/** A year viewed part way through: its actuals and forecasts after `period` set aside. */
export interface AsAt {
  fy: FinancialYear;
  period: number;
}

/**
 * The figures for every year. With `asAt`, the year it names is worked out as at that period,
 * exactly as `analyse(asAtPeriod(data, fy, period))` (a property test holds them equal), but from
 * the whole year's figures, so choosing another period does not join and profile every line again.
 */
export function analyse(data: Dataset, settings: Settings = DEFAULT_SETTINGS, asAt?: AsAt): Analysis {
  const warnings: string[] = [];
  const tolerance = new Decimal(settings.tolerance);
  const inputs = new Map<FinancialYear, YearInputs>();
  const fundingLoaded = data.funding.length > 0;
  const inputOf = (fy: FinancialYear) => {
    let i = inputs.get(fy);
    if (!i) inputs.set(fy, (i = { budgets: [], actuals: [], comments: [], funding: [], fundingLoaded }));
    return i;
  };
  for (const b of data.budgets) inputOf(b.fy).budgets.push(b);
  for (const a of data.actuals) inputOf(a.fy).actuals.push(a);
  const hasLines = inputs.size > 0;
  for (const c of data.comments ?? []) inputOf(c.fy).comments.push(c);
  for (const f of data.funding) inputOf(f.fy).funding.push(f);
  const agreementYears = currentAgreement(data);
  const agreementByFy = new Map(agreementYears.map((a) => [a.fy, a]));
  const originalByFy = new Map(data.agreement.map((a) => [a.fy, a]));
  const revised = (data.revisions ?? []).length > 0;
  const lineYears = [...inputs].filter(([, i]) => i.budgets.length > 0 || i.actuals.length > 0).map(([fy]) => fy);
  const fys = [...new Set([...agreementYears.map((a) => a.fy), ...lineYears, ...data.funding.map((f) => f.fy)])].sort((a, b) => a - b);
  const cores = new Map(
    fys.map((fy) => {
      const core = cachedYearCore(fy, inputOf(fy));
      return [fy, asAt && asAt.fy === fy && asAt.period < 12 ? yearCoreAsAt(fy, inputOf(fy), core, asAt.period) : core];
    }),
  );

  // Actuals without a budget, in the files' order.
  const unbudgeted = new Map<ActualLine, string>();
  for (const c of cores.values()) for (const [a, w] of c.unbudgeted) unbudgeted.set(a, w);
  if (unbudgeted.size > 0) {
    for (const a of data.actuals) {
      const w = unbudgeted.get(a);
      if (w !== undefined) warnings.push(w);
      unbudgeted.delete(a);
    }
  }

  const firstAgreementFy = agreementYears.length > 0 ? Math.min(...agreementYears.map((a) => a.fy)) : undefined;
  const opening =
    firstAgreementFy !== undefined ? (agreementByFy.get(firstAgreementFy)!.openingDeficit ?? originalByFy.get(firstAgreementFy)?.openingDeficit) : undefined;
  if (agreementYears.length === 0 && hasLines) {
    warnings.push('no agreement is loaded: there is no profile to compare against, and the cumulative deficit counts from zero');
  } else if (firstAgreementFy !== undefined && opening === undefined) {
    warnings.push(`the agreement gives no opening deficit for ${fyLabel(firstAgreementFy)}: the cumulative deficit counts from zero`);
  }
  if (data.funding.length === 0 && hasLines) {
    warnings.push('no DSG funding is loaded: the in-year deficit counts no income');
  }

  let carried: Pence | null = null;
  let chainStarted = false;
  let chainBroken = false;
  /** The first year whose figures are out of scale (scaleCheck.ts): it and the years after it get no status. */
  let outOfScale: string | undefined;
  const years: YearFigures[] = [];
  for (const fy of fys) {
    const { latest, figures, blocks, months, blockWarnings } = cores.get(fy)!;
    const hasData = latest !== null;
    warnings.push(...blockWarnings);
    const budget = sumBy(blocks, (b) => b.budget);
    const totalIncome = sumBy(blocks, (b) => b.income);
    const forecastOutturn = hasData ? sumBy(blocks, (b) => b.forecastOutturn) : null;
    const inYearDeficit = forecastOutturn === null ? null : sub(forecastOutturn, totalIncome);
    // Out-of-scale figures give no status, for this year and the years whose cumulative deficit it feeds.
    const scale = hasData ? scaleProblem(fy, budget, forecastOutturn, totalIncome) : undefined;
    if (scale) {
      warnings.push(scale);
      outOfScale ??= fyLabel(fy);
    }

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
      ...(outOfScale && hasData
        ? { status: 'no data' as const, statusReason: scale ? `No status: ${scale}.` : `No status: the figures for ${outOfScale}, which this year's cumulative deficit counts, are out of scale (see ${outOfScale}).`, statusCause: 'the figures are out of scale with the DSG income' }
        : statusOf(y, excess, percent, tolerance, chainBroken && hasData)),
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
