/**
 * The normalised data every calculation reads: what the import produces, what the store keeps,
 * what a workspace file holds. Plain data only (numbers, strings, arrays), so it can be cloned,
 * posted to and from a worker, and stored as it is.
 */
import type { Block } from './blocks';
import type { FinancialYear, MonthKey } from './calendar';
import type { Pence } from './money';
import type { Scenario } from './scenario';
import type { AgeBand, PlacementCount } from './placements';

export interface BudgetLine {
  fy: FinancialYear;
  block: Block;
  /** The line's name as the file gave it. */
  line: string;
  costCentre?: string;
  budget: Pence;
  /** Twelve monthly amounts, P1…P12, when the file gave a profile; they sum to the budget. */
  profile?: Pence[];
  commentary?: string;
}

export interface ActualLine {
  fy: FinancialYear;
  block: Block;
  line: string;
  costCentre?: string;
  /** In-month actuals, P1…P12; null where the files hold no figure. */
  actuals: (Pence | null)[];
  /** The officer's forecast outturn as given at each period; null where none. */
  forecasts: (Pence | null)[];
  commentary?: string;
}

export interface FundingRow {
  fy: FinancialYear;
  block: Block;
  income: Pence;
  /** Not from a funding file: the ESFA's allocation (this file) for a year the user chose (src/national/allocationIncome.ts). */
  fromAllocation?: string;
}

export interface AgreementYear {
  fy: FinancialYear;
  profile: Pence;
  contribution: Pence;
  surplusRequired: boolean;
  /** The gross cumulative deficit brought forward into the first year. */
  openingDeficit?: Pence;
}

export const EHCP_FIELDS = [
  'plansAtStart', 'newPlans', 'transfersIn', 'ceased', 'movedOut', 'inactive', 'plansEnded', 'plansAtEnd', 'rsaReceived', 'rsaRefused',
] as const;
export type EhcpField = (typeof EHCP_FIELDS)[number];

/** One calendar month of EHCP figures; a field is absent where the file left it empty. */
export type EhcpMonth = { month: MonthKey } & Partial<Record<EhcpField, number>>;

/**
 * The measures a progress report prints as a year-by-month grid (issue 14): plans issued, and plans
 * made inactive (ceased + moved out + inactive or deceased: the EHCP figures' plansEnded).
 */
export const GRID_MEASURES = ['newPlans', 'plansEnded'] as const;
export type GridMeasure = (typeof GRID_MEASURES)[number];

/**
 * One month's figure from a progress report's grid. Kept apart from `ehcp`, so a grid giving one
 * figure a month never wipes the EHCP file's other figures for it; a month the grid leaves "-" is absent.
 */
export interface GridFigure {
  measure: GridMeasure;
  /** "2023-01" */
  month: string;
  count: number;
}

/**
 * One age group's row of the progress report's cessations table: plans made inactive in the period
 * (year to date, "2022 / February 2023" being to February 2023) and plans ceasing in progress at its end.
 */
export interface AgeCessation {
  /** "2023-02": the last month of the period, from the table's heading. */
  asAt: string;
  /** The period as the heading gives it: "2022 / February 2023". */
  period: string;
  ageBand: AgeBand;
  madeInactive: number;
  ceasingInProgress: number;
}

export const CASE_TYPES = ['tribunals', 'mediations'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** The progress report's registered SEND Tribunal appeals or mediations in one calendar year. */
export interface CaseCount {
  caseType: CaseType;
  year: number;
  count: number;
}

export interface Target {
  metric: EhcpField;
  /** "2023-03": the target holds from this month until the next for the same metric. */
  month: MonthKey;
  target: number;
}

export type InstalmentStatus = 'scheduled' | 'received' | 'withheld';

/** One DfE Safety Valve payment: the agreement pays each year's contribution in instalments. */
export interface Instalment {
  /** The agreement year whose contribution it is part of. */
  fy: FinancialYear;
  amount: Pence;
  status: InstalmentStatus;
  /** "2023-03-31": when it was received or withheld, or is due. */
  date?: string;
  note?: string;
}

/** Contributions other than the DfE's that reduce the deficit (SPEC: net of them too). */
export interface OtherContribution {
  fy: FinancialYear;
  amount: Pence;
  source: 'council' | 'stability-grant' | 'other';
  label: string;
  date?: string;
}

/** A re-profiled or extended agreement; the original stays in `agreement`. */
export interface AgreementRevision {
  /** "2024-03-01" */
  date: string;
  label: string;
  years: AgreementYear[];
}

export type Rag = 'red' | 'amber' | 'green' | 'not rated';

/** A condition of the agreement (Torbay's 3.1 to 3.8) as the council tracks it for the DfE. */
export interface Condition {
  /** "3.1" */
  ref: string;
  text: string;
  owner?: string;
  rag: Rag;
  commentary?: string;
  /** "2023-03-29" */
  reviewed?: string;
}

/** Commentary entered by hand on a budget line (or one month of it), with who and when. */
export interface LineComment {
  fy: FinancialYear;
  block: Block;
  line: string;
  costCentre?: string;
  /** 1-12 for a month's comment; absent for the line as a whole. */
  period?: number;
  /** Empty text removes an earlier comment. */
  text: string;
  by: string;
  /** ISO 8601 time. */
  at: string;
}

/**
 * A narrative section of the forum report (issue 11) written by an officer: the position, a
 * block's paragraph or the recommendation. Empty text removes it (the report's own words return).
 */
export interface ReportNarrative {
  fy: number;
  /** 'position', 'recommendation', or a block's name. */
  section: string;
  text: string;
  by: string;
  /** ISO 8601 time. */
  at: string;
}

/** A named forecast scenario the user saved (issue 6); its drivers are decimal strings. */
export interface SavedScenario {
  name: string;
  savedAt: string;
  scenario: Scenario;
}

export interface Dataset {
  budgets: BudgetLine[];
  actuals: ActualLine[];
  funding: FundingRow[];
  /** The agreement as first signed. */
  agreement: AgreementYear[];
  ehcp: EhcpMonth[];
  targets: Target[];
  /** Instalments recorded against agreement years; a year with none counts its contribution as paid. */
  instalments?: Instalment[];
  otherContributions?: OtherContribution[];
  /** Later revisions of the agreement, any order; the latest by date is in force. */
  revisions?: AgreementRevision[];
  conditions?: Condition[];
  placements?: PlacementCount[];
  comments?: LineComment[];
  scenarios?: SavedScenario[];
  narratives?: ReportNarrative[];
  /** The progress report's year-by-month grids (plans issued, plans made inactive). */
  progressGrids?: GridFigure[];
  /** The progress report's cessations by age group, for each period held. */
  ageCessations?: AgeCessation[];
  /** The progress report's tribunals and mediations by calendar year. */
  cases?: CaseCount[];
}

export function emptyDataset(): Dataset {
  return { budgets: [], actuals: [], funding: [], agreement: [], ehcp: [], targets: [] };
}

/** The agreement in force: the latest revision, else the original. */
export function currentAgreement(data: Dataset): AgreementYear[] {
  const revisions = [...(data.revisions ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return revisions.length > 0 ? revisions[revisions.length - 1]!.years : data.agreement;
}

const lineKeys = new Map<string, string>();

/** Whether the name's key is just its lower case: printable ASCII, no backquote, single spaces, none at either end. */
function plainAscii(name: string): boolean {
  const n = name.length;
  if (n === 0 || name.charCodeAt(0) === 32 || name.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    // (The backquote, 96, is read as an apostrophe.)
    if (c === 32 ? name.charCodeAt(i + 1) === 32 : c < 33 || c > 126 || c === 96) return false;
  }
  return true;
}

/** Line identity: spacing, case, dashes and quote marks as a person would ignore them. */
export function lineKey(name: string): string {
  // Remembered: merging and joining ask for every line of every year, and names repeat.
  let key = lineKeys.get(name);
  if (key === undefined) {
    if (lineKeys.size >= 100_000) lineKeys.clear();
    // Printable ASCII with single spaces inside has no curly quote, dash or run of spaces to fold.
    key = plainAscii(name) ? name.toLowerCase() : name
      .toLowerCase()
      .replace(/[‘’`´]/g, "'")
      .replace(/[–—−]/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
    lineKeys.set(name, key);
  }
  return key;
}

/**
 * One line's identity in the data: its year, block, name (compared as `lineKey` does) and cost
 * centre. Given without a cost centre it is the key that matches lines by block and name only.
 */
export function lineId(l: { fy: FinancialYear; block: string; line: string; costCentre?: string | undefined }): string {
  return `${l.fy}|${l.block}|${lineKey(l.line)}|${l.costCentre ?? ''}`;
}

/**
 * The data as it stood at period `period` of year `fy`: later actuals and forecasts of that year
 * are set aside, so every figure is "as at" that period (later years are untouched).
 */
export function asAtPeriod(data: Dataset, fy: number, period: number): Dataset {
  const keep = <T>(xs: (T | null)[]) => xs.map((x, i) => (i < period ? x : null));
  return {
    ...data,
    actuals: data.actuals.map((a) => (a.fy === fy ? { ...a, actuals: keep(a.actuals), forecasts: keep(a.forecasts) } : a)),
  };
}
