/**
 * The kinds of file (SPEC section 5) and how their header words are recognised.
 *
 * Headers are matched the way a person reads them: case, punctuation, "£" and "(£)" are ignored,
 * then each header is tested against the kind's fields in order, by the words it contains, so
 * "Fin Year" is a year and "Revised Budget £" a budget. A header matches at most one field; the
 * order of the fields settles overlaps ("In year surplus required" is a surplus flag, not a year).
 */
import { parsePeriodOrMonth, type PeriodOrMonth } from '../model/calendar';
import { parsePlacementType } from '../domain/placements';
import type { Kind } from '../model/kinds';

export type Field =
  | 'year' | 'period' | 'block' | 'line' | 'costCentre' | 'budget' | 'actual' | 'forecast' | 'commentary'
  | 'date' | 'reference' | 'supplier' | 'income' | 'profile' | 'contribution' | 'surplusRequired'
  | 'openingDeficit' | 'month' | 'plansAtStart' | 'newPlans' | 'transfersIn' | 'ceased' | 'movedOut'
  | 'inactive' | 'plansEnded' | 'plansAtEnd' | 'rsaReceived' | 'rsaRefused' | 'metric' | 'target'
  | 'conditionRef' | 'conditionText' | 'owner' | 'rag' | 'reviewed'
  | 'placementType' | 'ageBand' | 'primaryNeed' | 'count' | 'annualCost'
  | 'account' | 'treatment' | 'debit' | 'credit' | 'yearTotal' | 'ceasingInProgress' | 'caseType';

export const FIELD_LABELS: Record<Field, string> = {
  year: 'financial year', period: 'period', block: 'block', line: 'budget line', costCentre: 'cost centre',
  budget: 'budget', actual: 'actual', forecast: 'forecast outturn', commentary: 'commentary', date: 'date',
  reference: 'reference', supplier: 'supplier', income: 'DSG income', profile: 'deficit profile',
  contribution: 'DfE contribution', surplusRequired: 'in-year surplus required', openingDeficit: 'opening deficit',
  month: 'month', plansAtStart: 'plans at start', newPlans: 'new plans', transfersIn: 'transfers in',
  ceased: 'ceased', movedOut: 'moved out', inactive: 'inactive or deceased', plansEnded: 'plans ended',
  plansAtEnd: 'plans at end', rsaReceived: 'RSAs received', rsaRefused: 'RSAs refused', metric: 'metric', target: 'target',
  conditionRef: 'condition number', conditionText: 'condition', owner: 'owner', rag: 'RAG status', reviewed: 'date last reviewed',
  placementType: 'placement type', ageBand: 'age band', primaryNeed: 'primary need', count: 'number of plans', annualCost: 'annual cost per placement',
  account: 'account', treatment: 'treatment', debit: 'debit', credit: 'credit', yearTotal: 'year total', ceasingInProgress: 'ceasing in progress', caseType: 'tribunals or mediations',
};

const normalised = new Map<string, string>();

/** Lower case, "£", "(£)" and punctuation gone, "&" as "and", single spaces. */
export function normaliseHeader(h: string): string {
  // Remembered: the header search maps the same cells for every kind and every row it tries.
  let n = normalised.get(h);
  if (n === undefined) {
    if (normalised.size >= 10_000) normalised.clear();
    normalised.set(h, (n = normalise(h)));
  }
  return n;
}

function normalise(h: string): string {
  return h
    .toLowerCase()
    .replace(/\(£\)|£|\bgbp\b/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const has = (h: string, re: RegExp) => re.test(h);
const YTD = /\b(ytd|year to date|cumulative|cum)\b|^(actuals?|spend|expenditure) to date\b/;

/** Each field's test on a normalised header. */
const MATCHERS: Record<Field, (h: string) => boolean> = {
  surplusRequired: (h) => has(h, /\bsurplus\b/),
  openingDeficit: (h) => has(h, /\bopening\b|\bbrought forward\b|\bb f\b|\bbfwd\b/),
  profile: (h) =>
    h === 'profile' || (has(h, /\bdeficit\b/) && has(h, /\b(profile|cumulative|forecast|agreed|ceiling|target|limit)\b/)),
  contribution: (h) => has(h, /\bcontributions?\b|\bsafety valve (payment|funding)\b|\bdfe (payment|funding)\b/),
  commentary: (h) => has(h, /\b(comments?|commentary|notes?|explanation|narrative|reasons?)\b/),
  forecast: (h) => has(h, /\b(forecast|projected|projection|outturn|fot)\b/) && !has(h, /\bvariance\b/),
  costCentre: (h) => has(h, /\bcost (centre|center|code)\b|^cc\b|\bcost centre code\b/) && !has(h, /\b(description|name)\b/),
  // An account code or a composite account string (Oracle's accounting flexfield), not its description.
  // "Account(T)" is Unit4's text column beside the code.
  account: (h) => has(h, /\b(account|acct|flexfield|code combination|gl code|nominal code)\b/) && !has(h, /\b(description|name|text|type)\b|\bt$/),
  treatment: (h) => has(h, /\btreatment\b/),
  budget: (h) =>
    has(h, /\bbudgets?\b/) &&
    !has(h, /\b(actual|actuals|forecast|outturn|variance|heading|line|year|profile|description|to date|ytd)\b/),
  // "Val.in rep.cur." and "Val/COArea Crcy" are SAP KSB1's amount columns.
  actual: (h) =>
    (has(h, /\b(actual|actuals|spend|spent|amount|value|val|net|expenditure|ytd)\b/) || YTD.test(h)) &&
    !has(h, /\b(forecast|budget|variance|outturn|commitments?|committed)\b/),
  // Debit and credit columns (net = Dr − Cr); never a Dr/Cr indicator or a "Debit/Credit" column.
  debit: (h) => has(h, /\b(debit|debits|dr)\b/) && !has(h, /\b(credit|cr|indicator|ind)\b/),
  credit: (h) => has(h, /\b(credit|credits|cr)\b/) && !has(h, /\b(debit|dr|indicator|ind|card|note|limit)\b/),
  date: (h) => has(h, /\bdate\b/) && !YTD.test(h),
  reference: (h) => has(h, /\b(reference|ref|document|doc|journal|invoice|transaction|voucher)\b/),
  supplier: (h) => has(h, /\b(supplier|vendor|payee|creditor|customer)\b/),
  // "Period/year" (SAP's 001/2024) is a period code, not a year.
  year: (h) => has(h, /\b(year|yr|fy)\b/) && !YTD.test(h) && !has(h, /\b(end|start|period)\b/),
  period: (h) => has(h, /\b(period|month|mth|per|prd|p)\b/) && !YTD.test(h),
  month: (h) => has(h, /\b(month|period|date|census)\b/) && !YTD.test(h),
  block: (h) => has(h, /\bblock\b|\bfunding stream\b/),
  line: (h) =>
    has(h, /\b(line|heading|description|service|subjective|item|detail|budget area|name)\b/) &&
    !has(h, /\b(supplier|vendor|payee)\b/),
  income: (h) => has(h, /\b(income|allocation|grant|funding)\b/),
  plansAtStart: (h) => has(h, /\bstart\b/),
  newPlans: (h) => has(h, /\bnew\b/),
  transfersIn: (h) => has(h, /\btransfers? in\b|\bmoved in\b/),
  ceased: (h) => has(h, /\b(ceased|cessations?|ceasing)\b/),
  movedOut: (h) => has(h, /\bmoved out\b|\btransfers? out\b|\bmoved away\b/),
  inactive: (h) => has(h, /\b(inactive|deceased)\b/),
  plansEnded: (h) => has(h, /\bended\b|\b(plans|ehcps?) out\b|\boutflows?\b/),
  plansAtEnd: (h) => has(h, /\bend\b|\bmonth to date\b/),
  rsaRefused: (h) => has(h, /\b(rsa|rsas|requests?|assessments?)\b/) && has(h, /\b(refused|refusals?|declined)\b/),
  rsaReceived: (h) => has(h, /\b(rsa|rsas|requests? for statutory assessment|requests?)\b/),
  metric: (h) => has(h, /\b(metric|measure|indicator)\b/),
  target: (h) => has(h, /\btarget\b/),
  conditionText: (h) => has(h, /\b(description|text|action|undertaking|wording)\b/),
  conditionRef: (h) => has(h, /\b(condition|ref|reference|paragraph|para|number|no|id)\b/),
  owner: (h) => has(h, /\b(owner|lead|responsible|officer)\b/),
  rag: (h) => has(h, /\b(rag|rating|status)\b/),
  reviewed: (h) => has(h, /\b(reviewed|review)\b/) || h === 'date',
  placementType: (h) => has(h, /\b(placement|provision|setting|establishment type)\b/) && !has(h, /\b(cost|count|number)\b/),
  ageBand: (h) => has(h, /\b(age|ages)\b/),
  primaryNeed: (h) => has(h, /\bneed\b/),
  annualCost: (h) => has(h, /\b(cost|price|fee|fees)\b/),
  count: (h) => has(h, /\b(count|number|plans|ehcps?|children|pupils|total)\b/),
  yearTotal: (h) => has(h, /\btotals?\b/),
  caseType: (h) => has(h, /\b(registered|cases?|tribunals?|mediations?|appeals?)\b/),
  ceasingInProgress: (h) => has(h, /\bceasing\b/) && has(h, /\b(prog|progress|in progress)\b/),
};

export function headerMatchesField(field: Field, normalisedHeader: string): boolean {
  return MATCHERS[field](normalisedHeader);
}

interface KindSpec {
  /** Fields in matching order. */
  fields: Field[];
  /** Each entry lists alternatives, one of which must be present. */
  required: Field[][];
  /** Month columns carry the figures (wide actuals) or a budget profile. */
  months?: 'required' | 'optional';
  /** Fields whose absence leaves a row with only a label (for spotting subtotal rows). */
  keys: Field[];
  /**
   * Whether the header (normalised) and the first rows under it mean this kind, beyond having its
   * required columns: words such as "number" and "description" fit many files, and a kind taken
   * on those alone reads a transaction listing as something it is not.
   */
  means?: (map: ColumnMap, header: string[], sample: string[][]) => boolean;
  /** Columns needed, beside the required ones, for the kind to be detected (not when the user chooses it). */
  identifiedBy?: Field[][];
  /** Fields whose presence means the file is not of this kind (money in a cost centre map). */
  forbidden?: Field[];
  /** The field an unheaded first column holds (a progress report's grid has its years under an empty cell). */
  firstColumn?: Field;
}

/** Tribunals and mediations: calendar years as column headings, and rows naming tribunals or mediations. */
function meansCases(map: ColumnMap, header: string[], sample: string[][]): boolean {
  if (!map.extra.some((c) => /^20\d{2}$/.test(header[c] ?? ''))) return false;
  const col = map.fields.caseType!;
  return sample.some((row) => /\b(tribunals?|mediations?)\b/i.test(row[col] ?? ''));
}

const MONTH_NAME = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/;

/**
 * A progress report's year-by-month grid: twelve month columns named as months (not P1…P12, which
 * are financial periods), and years in the first column of its first rows.
 */
function meansGrid(map: ColumnMap, header: string[], sample: string[][]): boolean {
  if (map.months.length !== 12 || !map.months.every((m) => MONTH_NAME.test(header[m.col] ?? ''))) return false;
  const col = map.fields.year!;
  return sample.some((row) => /^\d{4}$/.test((row[col] ?? '').trim()));
}

/** Headers of a transaction listing or a money column: no conditions tracker has them. */
const TRANSACTION_WORDS = /\b(voucher|document|doc|journal|invoice|transaction|trans|posting|batch|debit|credit|dr|cr|amount|net|value|gross|vat|supplier|vendor|payee|account|gl|ledger|cost centre|cost center)\b/;

/** A conditions tracker names its conditions, or rates them, or gives them owners. */
function meansConditions(map: ColumnMap, header: string[]): boolean {
  if (header.some((h) => TRANSACTION_WORDS.test(h))) return false;
  return header.some((h) => /\b(conditions?|undertakings?|commitments?)\b/.test(h)) || map.fields.rag !== undefined || map.fields.owner !== undefined;
}

/** A placements file names placement types as the DfE template does, in its first rows at least once. */
function meansPlacements(map: ColumnMap, _header: string[], sample: string[][]): boolean {
  const col = map.fields.placementType!;
  const values = sample.map((row) => (row[col] ?? '').trim()).filter((v) => v !== '');
  return values.length === 0 || values.some((v) => parsePlacementType(v) !== undefined);
}

const ACTUAL_FIELDS: Field[] = [
  'debit', 'credit', 'commentary', 'forecast', 'costCentre', 'account', 'actual', 'reference', 'supplier', 'year', 'period', 'date', 'block', 'line',
];
const EHCP_COUNTS: Field[] = [
  'plansAtStart', 'transfersIn', 'movedOut', 'ceased', 'inactive', 'plansEnded', 'plansAtEnd', 'rsaRefused', 'rsaReceived', 'newPlans',
];

export const KIND_SPECS: Record<Kind, KindSpec> = {
  ledger: {
    fields: ACTUAL_FIELDS,
    // A cost centre or account stands for the block and line: the cost-centre map gives them.
    required: [['period', 'date'], ['block', 'costCentre', 'account'], ['line', 'costCentre', 'account'], ['actual']],
    // What tells a listing by its header; one without these is told by its rows (sinks/actuals.ts),
    // or chosen by the user.
    identifiedBy: [['date', 'reference', 'supplier']],
    keys: ['year', 'period', 'date', 'block', 'line', 'costCentre', 'account'],
  },
  actuals: {
    fields: ACTUAL_FIELDS,
    required: [['period'], ['block', 'costCentre', 'account'], ['line', 'costCentre', 'account'], ['actual']],
    keys: ['year', 'period', 'block', 'line', 'costCentre', 'account'],
  },
  budget: {
    fields: ['commentary', 'costCentre', 'budget', 'year', 'block', 'line'],
    required: [['year'], ['block'], ['line'], ['budget']],
    months: 'optional',
    keys: ['year', 'block', 'line'],
  },
  actualsWide: {
    fields: ['commentary', 'forecast', 'costCentre', 'account', 'year', 'block', 'line'],
    required: [['block', 'costCentre', 'account'], ['line', 'costCentre', 'account']],
    months: 'required',
    keys: ['year', 'block', 'line', 'costCentre', 'account'],
  },
  agreement: {
    fields: ['surplusRequired', 'openingDeficit', 'profile', 'contribution', 'year'],
    required: [['year'], ['profile'], ['contribution']],
    keys: ['year'],
  },
  funding: {
    fields: ['block', 'income', 'year'],
    required: [['year'], ['block'], ['income']],
    keys: ['year', 'block'],
  },
  targets: {
    fields: ['metric', 'target', 'month'],
    required: [['metric'], ['month'], ['target']],
    keys: ['metric', 'month'],
  },
  conditions: {
    fields: ['commentary', 'reviewed', 'conditionText', 'conditionRef', 'owner', 'rag'],
    required: [['conditionRef'], ['conditionText']],
    keys: ['conditionRef'],
    means: meansConditions,
  },
  placements: {
    fields: ['annualCost', 'ageBand', 'primaryNeed', 'placementType', 'count', 'month'],
    required: [['month'], ['placementType'], ['count']],
    keys: ['month', 'placementType'],
    means: meansPlacements,
  },
  costCentreMap: {
    // Money and period columns are matched only to tell a budget or actuals file from a map.
    fields: ['budget', 'actual', 'income', 'period', 'treatment', 'costCentre', 'account', 'block', 'line'],
    required: [['costCentre', 'account'], ['block', 'line', 'treatment']],
    forbidden: ['budget', 'actual', 'income', 'period'],
    keys: ['treatment', 'costCentre', 'account', 'block', 'line'],
  },
  ehcpGrid: {
    // "Year Total" before "year", so the total column is never taken as the years.
    fields: ['yearTotal', 'year'],
    required: [['year'], ['yearTotal']],
    months: 'required',
    keys: ['year'],
    means: meansGrid,
    firstColumn: 'year',
  },
  ageCessations: {
    // "Ceasing in Prog Total" before "Made Inactive", so neither is taken as the other.
    fields: ['ceasingInProgress', 'inactive', 'ageBand'],
    required: [['ageBand'], ['inactive'], ['ceasingInProgress']],
    keys: ['ageBand'],
  },
  tribunals: {
    // A column per calendar year ("2018" … "2023"), read by the sink from the header.
    fields: ['caseType'],
    required: [['caseType']],
    keys: ['caseType'],
    means: meansCases,
  },
  ehcp: {
    // Counts first, so "EHCPs start of month" is a count and only a bare "Month" is the month.
    fields: [...EHCP_COUNTS, 'month'],
    required: [['month'], EHCP_COUNTS],
    keys: ['month'],
  },
};

/** When several kinds fit the same header row, the most specific wins. */
export const KIND_PRIORITY: Kind[] = ['ledger', 'actuals', 'budget', 'actualsWide', 'costCentreMap', 'agreement', 'funding', 'targets', 'conditions', 'placements', 'ageCessations', 'ehcp', 'ehcpGrid', 'tribunals'];

export interface MonthColumn {
  col: number;
  period: number;
  /** Financial year fixed by the header ("Apr-22"), if any. */
  fy?: number;
}

export interface ColumnMap {
  kind: Kind;
  fields: Partial<Record<Field, number>>;
  months: MonthColumn[];
  /** Header cells used by no field, by column index. */
  extra: number[];
  /** The actual column holds year-to-date figures. */
  ytd: boolean;
}

/** A month or period heading: "P1", "Period 1", "M01", "Apr", "April", "Apr-22", "Apr-22 Actual". */
export function parseMonthHeader(raw: string): PeriodOrMonth | undefined {
  const s = raw.replace(/\b(actuals?|spend|£|\(£\))\b|£|\(£\)/gi, ' ').replace(/\s+/g, ' ').trim();
  if (s === '' || /^\d{1,2}$/.test(s)) return undefined;
  const r = parsePeriodOrMonth(s);
  return r.ok ? r.value : undefined;
}

function budgetPreference(h: string): number {
  if (has(h, /\b(revised|current|latest|working|approved)\b/)) return 3;
  if (has(h, /\boriginal\b/)) return 1;
  return 2;
}

/** Maps one header row to a kind's fields. */
export function mapColumns(kind: Kind, header: string[]): ColumnMap {
  const spec = KIND_SPECS[kind];
  const fields: Partial<Record<Field, number>> = {};
  const months: MonthColumn[] = [];
  const extra: number[] = [];
  let ytd = false;
  header.forEach((cell, col) => {
    const h = normaliseHeader(cell);
    if (h === '') return;
    if (spec.months) {
      const m = parseMonthHeader(cell);
      if (m && !months.some((x) => x.period === m.period)) {
        const fy = m.year !== undefined && m.month !== undefined ? (m.month >= 4 ? m.year : m.year - 1) : undefined;
        months.push(fy === undefined ? { col, period: m.period } : { col, period: m.period, fy });
        return;
      }
    }
    // A heading that names one period ("P1", "Period 7") is a month column, never the period column.
    const field = spec.fields.find((f) => MATCHERS[f](h) && !(f === 'period' && parseMonthHeader(cell)));
    if (!field) {
      extra.push(col);
      return;
    }
    const existing = fields[field];
    if (existing === undefined) {
      fields[field] = col;
      if (field === 'actual') ytd = YTD.test(h);
    } else if (field === 'budget' && budgetPreference(h) > budgetPreference(normaliseHeader(header[existing]!))) {
      extra.push(existing);
      fields[field] = col;
    } else {
      extra.push(col);
    }
  });
  // Only beside the month columns that make the grid: any other row with an empty first cell is not one.
  if (spec.firstColumn && months.length > 0 && fields[spec.firstColumn] === undefined && normaliseHeader(header[0] ?? '') === '') fields[spec.firstColumn] = 0;
  return { kind, fields, months, extra: extra.sort((a, b) => a - b), ytd };
}

/** The user's choice for some columns of a header (by column index): a field of the kind, or 'ignore'. */
export type ColumnChoices = Record<number, Field | 'ignore'>;

/** The fields a kind can have, in the order a mapping screen lists them. */
export function kindFields(kind: Kind): Field[] {
  return [...KIND_SPECS[kind].fields].sort((a, b) => FIELD_LABELS[a].localeCompare(FIELD_LABELS[b]));
}

/**
 * The matched columns with the user's choices laid over them. A choice for a column that is empty
 * in this row is not applied, so title lines above the header never match through them.
 */
export function applyChoices(map: ColumnMap, header: string[], choices: ColumnChoices): ColumnMap {
  const fields = { ...map.fields };
  let months = map.months;
  const extra = new Set(map.extra);
  let ytd = map.ytd;
  const allowed = new Set<string>(KIND_SPECS[map.kind].fields);
  for (const [key, choice] of Object.entries(choices).sort(([a], [b]) => Number(a) - Number(b))) {
    const col = Number(key);
    if ((header[col] ?? '').trim() === '' || (choice !== 'ignore' && !allowed.has(choice))) continue;
    for (const f of Object.keys(fields) as Field[]) if (fields[f] === col) delete fields[f];
    months = months.filter((m) => m.col !== col);
    extra.delete(col);
    if (choice === 'ignore') {
      extra.add(col);
      continue;
    }
    const previous = fields[choice];
    if (previous !== undefined) extra.add(previous);
    if (choice === 'actual') ytd = YTD.test(normaliseHeader(header[col]!));
    fields[choice] = col;
  }
  return { ...map, fields, months, extra: [...extra].sort((a, b) => a - b), ytd };
}

const NONE_GIVEN: ReadonlySet<Field> = new Set();

/**
 * Whether a header row has the kind's required columns and, given the row itself and the rows
 * under it, means that kind (see KindSpec.means).
 */
export function satisfies(map: ColumnMap, header?: string[], sample: string[][] = [], given: ReadonlySet<Field> = NONE_GIVEN): boolean {
  const spec = KIND_SPECS[map.kind];
  if (spec.months === 'required' && map.months.length === 0) return false;
  if (spec.forbidden?.some((f) => map.fields[f] !== undefined)) return false;
  // A field the file gives other than in a column (a year in its title lines) counts as present.
  const present = (alts: Field[]) => alts.some((f) => map.fields[f] !== undefined || given.has(f));
  if (!spec.required.every(present)) return false;
  if (header === undefined) return true;
  if (spec.identifiedBy && !spec.identifiedBy.every(present)) return false;
  return !spec.means || spec.means(map, header.map(normaliseHeader), sample);
}

/** What a kind needs, in words, for "kind not recognised" messages. */
export function describeRequired(kind: Kind): string {
  const spec = KIND_SPECS[kind];
  const parts = spec.required.map((alts) => alts.map((f) => FIELD_LABELS[f]).join(' or '));
  if (spec.months === 'required') parts.push('month columns (Apr-22 … Mar-23, P1 … P12 or April … March)');
  return parts.join(', ');
}
