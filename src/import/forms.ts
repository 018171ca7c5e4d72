/**
 * The finance systems' own forms of a cell, and how each is recognised in a file (SPEC section 3
 * and 4 still hold for ordinary files; these widen what is read, never what is guessed).
 *
 * - Number format: UK (`1,234.56`) or European (`1.234,56`, typical of `;`-separated SAP files),
 *   decided per file from its money cells. `22.590` alone could be £22,590 (a thousands point)
 *   or £22.59, so it is read only once the file (or the user) has said which.
 * - Units: `£000`, `£'000`, `£k`, `£m` in a header, a title line or a units row: amounts are
 *   scaled exactly, by digits, before any rounding to the penny.
 * - Period codes: `202304` is year and month, or year and fiscal period; `001/2024` is fiscal
 *   period and year; a single-number year (`2023`, `FY2024`) names the year the financial year
 *   starts or ends in. Each is decided from the file's own dates, or asked (never guessed).
 * - Dates: `02-APR-2023` (Oracle), besides the forms calendar.ts reads.
 * - Title lines: the financial year, the period and the units a report gives only above its header.
 */
import { parseBlock, type Block } from '../model/blocks';
import { fyOfMonth, monthOfPeriod, parseFinancialYear, parsePeriodOrMonth, periodOfMonth, type FinancialYear, type Parsed, type PeriodOrMonth } from '../model/calendar';
import type { Pence } from '../model/money';

export type NumberFormat = 'uk' | 'european';
export type PeriodCodeForm = 'calendar' | 'fiscal';
export type SingleYearForm = 'start' | 'end';
export type UnitsChoice = 'pounds' | 'thousands' | 'millions';

/** What the user said where the file cannot say (the import option `forms`, the CLI's options). */
export interface FormChoices {
  numberFormat?: NumberFormat;
  /** How a six-digit period such as 202304 reads: year and calendar month, or year and fiscal period. */
  periodCode?: PeriodCodeForm;
  /** Which year a single-number year (2023, FY2024, a fiscal year beside a period) names. */
  singleYear?: SingleYearForm;
  units?: UnitsChoice;
}

export const NUMBER_FORMAT_ACCEPTED = 'uk (1,234.56) or european (1.234,56)';
export const PERIOD_CODE_ACCEPTED = 'calendar (202304 is April 2023) or fiscal (202304 is period 4 of the financial year 2023)';
export const SINGLE_YEAR_ACCEPTED = 'start (2023 is 2023-24) or end (2023 is 2022-23)';
export const UNITS_ACCEPTED = 'pounds, thousands (£000) or millions (£m)';

// ---------------------------------------------------------------------------------------------
// Number format

/** What a money cell's digits say about the number format. */
export type NumberEvidence = 'uk' | 'european' | 'ambiguous' | 'neutral';

/**
 * The number format a money cell is written in, from its separators: both (the last is the
 * decimal mark), a comma alone (UK thousands `1,234`, else a European decimal `589,63`), or a
 * point alone (`1.234.567` European; `22.590` ambiguous; `12.5`, `1234.56` UK).
 */
export function numberEvidence(raw: string): NumberEvidence {
  const m = /\d[\d.,]*/.exec(raw);
  if (!m) return 'neutral';
  let core = m[0];
  while (core.length > 1 && (core.endsWith('.') || core.endsWith(','))) core = core.slice(0, -1);
  const after = raw.charAt(m.index + m[0].length);
  const dot = core.lastIndexOf('.');
  const comma = core.lastIndexOf(',');
  if (dot < 0 && comma < 0) return 'neutral';
  if (dot >= 0 && comma >= 0) return dot > comma ? 'uk' : 'european';
  if (comma >= 0) return /^\d{1,3}(,\d{3})+$/.test(core) ? 'uk' : 'european';
  // A point before an exponent or a k/m suffix is a decimal point: 1.5E+06, £6.089m.
  if (/[eEkKmM]/.test(after)) return 'uk';
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(core)) return 'european';
  if (/^\d{1,3}\.\d{3}$/.test(core)) return 'ambiguous';
  return 'uk';
}

/** European to UK separators: `22.589,63` → `22,589.63`, so the UK reader reads it exactly. */
export function swapSeparators(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    out += c === '.' ? ',' : c === ',' ? '.' : c;
  }
  return out;
}

/** `12,345.67-` → `-12,345.67`: a trailing minus, as SAP and some ledgers print a negative. */
export function moveTrailingMinus(s: string): string {
  const t = s.trim();
  if (t.length > 1 && t.endsWith('-') && /\d\s*-$/.test(t)) return '-' + t.slice(0, -1).trim();
  return s;
}

/**
 * Appends a unit to the cell's figure (`(1,234.5)` in £000 → `(1,234.5k)`), so the money reader
 * scales it by digits; undefined where the cell has a unit of its own.
 */
export function withUnit(s: string, exp: number): string | undefined {
  if (exp === 0) return s;
  const m = /\d[\d.,]*(?:[eE][+-]?\d+)?/.exec(s);
  if (!m) return s;
  const end = m.index + m[0].length;
  if (/^\s*[kKmM]\b/.test(s.slice(end))) return undefined;
  return s.slice(0, end) + (exp === 3 ? 'k' : 'm') + s.slice(end);
}

// ---------------------------------------------------------------------------------------------
// Units

/** `£000`, `£'000`, `(£000s)`, `£k`, `£m`, `£ thousands`, `£ millions`: 3 or 6 (powers of ten), or 0. */
export function unitOf(text: string): { exp: number; label: string } | undefined {
  const m = /£\s*['’]?\s*0{3}s?(?!\d)|£\s*k\b|£\s*m\b|£\s*(?:thousands?|millions?)\b|\bgbp\s*['’]?0{3}s?\b|(?:^|[\s(])['’]?000s(?![\d,.])|\bin\s+(?:thousands|millions)\b/i.exec(text);
  if (!m) return undefined;
  const t = m[0].trim().toLowerCase();
  const exp = /m\b|million/.test(t) ? 6 : 3;
  return { exp, label: exp === 6 ? '£m' : '£000' };
}

const UNIT_CHOICE_EXP: Record<UnitsChoice, number> = { pounds: 0, thousands: 3, millions: 6 };
export function unitChoiceExp(u: UnitsChoice): number {
  return UNIT_CHOICE_EXP[u];
}

/** A row of units under a header (`£000`, `£`, `£'000` and nothing else): each cell's unit, by column. */
export function unitsRow(row: string[]): (number | undefined)[] | undefined {
  let any = false;
  const exps: (number | undefined)[] = [];
  for (const cell of row) {
    const c = cell.trim();
    if (c === '') {
      exps.push(undefined);
      continue;
    }
    const u = unitOf(c);
    if (u && c.replace(/[£'’()\s]|000s?|\bk\b|\bm\b|thousands?|millions?/gi, '') === '') {
      exps.push(u.exp);
      any = true;
    } else if (/^\(?£\)?$/.test(c)) exps.push(0);
    else return undefined;
  }
  return any ? exps : undefined;
}

// ---------------------------------------------------------------------------------------------
// Title lines

export interface TitleValues {
  year?: { fy: FinancialYear; row: number; text: string };
  period?: { period: number; row: number; text: string };
  unit?: { exp: number; label: string; row: number; text: string };
  /** Two different years in the title lines: neither is applied. */
  conflictingYears?: string;
  spendOver500?: { row: number; text: string };
}

const SPEND_500 = /\b(?:spend(?:ing)?|expenditure|payments?|transactions?)\s+(?:over|above|exceeding|of\s+more\s+than)\s+£?\s*500\b|\bover\s+£\s*500\b|£\s*500\s+(?:and\s+)?(?:over|above|plus)\b/i;

export function isSpendOver500(text: string): boolean {
  return SPEND_500.test(text);
}

/** The values the title lines above a header give (rows 0 … before - 1). */
export function titleValues(rows: string[][], before: number): TitleValues {
  return titleScan(rows)(before);
}

/**
 * The title values above each row in turn: the header search asks for them above row 0, 1, 2 …,
 * so each row is read once rather than once for every row below it.
 */
export function titleScan(rows: string[][]): (before: number) => TitleValues {
  const out: TitleValues = {};
  const years = new Map<FinancialYear, { row: number; text: string }>();
  let read = 0;
  return (before) => {
    if (before < read) return titleScan(rows)(before);
    for (; read < Math.min(before, rows.length); read++) readTitleLine(rows[read]!, read, out, years);
    const values: TitleValues = { ...out };
    if (years.size === 1) {
      const [fy, at] = [...years.entries()][0]!;
      values.year = { fy, ...at };
    } else if (years.size > 1) values.conflictingYears = [...years.values()].map((y) => `"${y.text}"`).join(', ');
    return values;
  };
}

function readTitleLine(row: string[], i: number, out: TitleValues, years: Map<FinancialYear, { row: number; text: string }>): void {
  const text = row.map((c) => c.trim()).filter(Boolean).join(' ').replace(/\s+/g, ' ');
  if (text === '') return;
  for (const m of text.matchAll(/(?:^|[^\d])(20\d{2})\s*[/-]\s*(\d{2}|20\d{2})(?![\d/])/g)) {
    const fy = parseFinancialYear(`${m[1]}-${m[2]}`);
    if (fy.ok && !years.has(fy.value)) years.set(fy.value, { row: i + 1, text });
  }
  const p = /\b(?:period|month|p)\s*[:.]?\s*(\d{1,2})\b(?:\s*\(\s*([A-Za-z]+)\s+(20\d{2})\s*\))?/i.exec(text);
  if (p && !out.period) {
    const period = Number(p[1]);
    if (period >= 1 && period <= 12) {
      out.period = { period, row: i + 1, text };
      if (p[2] && p[3] && years.size === 0) {
        const named = parsePeriodOrMonth(`${p[2]} ${p[3]}`);
        if (named.ok && named.value.month !== undefined && named.value.year !== undefined && named.value.period === period) {
          years.set(fyOfMonth({ year: named.value.year, month: named.value.month }), { row: i + 1, text });
        }
      }
    }
  }
  const u = unitOf(text);
  if (u && !out.unit) out.unit = { ...u, row: i + 1, text };
  if (!out.spendOver500 && isSpendOver500(text)) out.spendOver500 = { row: i + 1, text };
}

// ---------------------------------------------------------------------------------------------
// Periods, dates and single-number years

const MONTHS3 = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `02-APR-2023`, `2-Apr-23`, `02 APR 2023 00:00:00` (Oracle's DD-MON-YYYY) as a month with its year. */
export function parseMonDate(raw: string): PeriodOrMonth | undefined {
  const m = /^(\d{1,2})[-\s]([A-Za-z]{3})[a-z]*\.?[-\s](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(raw.trim());
  if (!m) return undefined;
  const month = MONTHS3.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const day = Number(m[1]);
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return { period: periodOfMonth(month), month, year };
}

/** A period code that needs a form to be read: `202304` (six digits) or `001/2024` (fiscal period and year). */
export type PeriodCode = { kind: 'yyyypp'; year: number; nn: number } | { kind: 'ppp/yyyy'; year: number; nn: number };

export function periodCodeOf(raw: string): PeriodCode | undefined {
  let m = /^(20\d{2})(\d{2})$/.exec(raw);
  if (m) return { kind: 'yyyypp', year: Number(m[1]), nn: Number(m[2]) };
  m = /^(\d{3})\s*[/.]\s*(20\d{2})$/.exec(raw);
  if (m) return { kind: 'ppp/yyyy', year: Number(m[2]), nn: Number(m[1]) };
  return undefined;
}

/** Fiscal period `period` of the financial year named by `year` under the single-year form. */
export function fiscalPeriod(period: number, year: number, single: SingleYearForm): PeriodOrMonth {
  const fy = single === 'start' ? year : year - 1;
  const m = monthOfPeriod(fy, period);
  return { period, month: m.month, year: m.year };
}

/** A single-number year (`2023`, `FY2024`, `FY 24`), or undefined for anything else. */
export function singleYearOf(raw: string): number | undefined {
  const m = /^(?:FY\s*)?(\d{4}|\d{2})$/i.exec(raw.trim());
  if (!m) return undefined;
  return m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
}

/** A date or dated period cell's calendar month: the forms here, then those calendar.ts reads. */
export function monthOfDate(raw: string): { year: number; month: number } | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  const mon = parseMonDate(s);
  const r: Parsed<PeriodOrMonth> | undefined = mon ? { ok: true, value: mon } : parsePeriodOrMonth(s);
  if (!r.ok || r.value.year === undefined || r.value.month === undefined) return undefined;
  return { year: r.value.year, month: r.value.month };
}

/** Votes, from rows with a date, on how the period codes and single years of a file read. */
export interface FormVotes {
  calendar: number;
  fiscalStart: number;
  fiscalEnd: number;
  yearStart: number;
  yearEnd: number;
}

export function emptyVotes(): FormVotes {
  return { calendar: 0, fiscalStart: 0, fiscalEnd: 0, yearStart: 0, yearEnd: 0 };
}

/** One row's vote: its date's month against its period code and its single-number year. */
export function vote(votes: FormVotes, date: { year: number; month: number } | undefined, periodRaw: string, yearRaw: string) {
  if (!date) return;
  const fy = fyOfMonth(date);
  const code = periodCodeOf(periodRaw);
  if (code) {
    if (code.kind === 'yyyypp' && code.year === date.year && code.nn === date.month) votes.calendar++;
    if (code.nn === periodOfMonth(date.month)) {
      if (code.year === fy) votes.fiscalStart++;
      if (code.year === fy + 1) votes.fiscalEnd++;
    }
  }
  const y = singleYearOf(yearRaw);
  if (y !== undefined) {
    if (y === fy) votes.yearStart++;
    else if (y === fy + 1) votes.yearEnd++;
  }
}

/** The one reading most rows' dates agree with (more than half of those that agree with any), else none. */
export function decide<T extends string>(counts: [T, number][]): T | undefined {
  const total = counts.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return undefined;
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  if (sorted[0]![1] * 2 <= total || (sorted[1] && sorted[1][1] === sorted[0]![1])) return undefined;
  return sorted[0]![0];
}

/** A block heading row: one cell filled, naming a DSG block ("High Needs Block", "Schools"). */
export function blockHeading(cells: string[]): Block | undefined {
  let label: string | undefined;
  for (const c of cells) {
    const t = c.trim();
    if (t === '') continue;
    if (label !== undefined) return undefined;
    label = t;
  }
  return label === undefined || label.length > 40 ? undefined : parseBlock(label);
}

/** A form the file leaves open, asked in the browser with a preview under each reading (formChoices.ts). */
export type FormQuestionKey = 'numberFormat' | 'periodCode' | 'singleYear';

/** The values each open form can take, as the import option `forms` and the CLI's options spell them. */
export const FORM_VALUES: { readonly [K in FormQuestionKey]: readonly NonNullable<FormChoices[K]>[] } = {
  numberFormat: ['uk', 'european'],
  periodCode: ['calendar', 'fiscal'],
  singleYear: ['start', 'end'],
};

/** Each open form's accepted values in words, as its errors give them. */
export const FORM_ACCEPTED: Record<FormQuestionKey, string> = {
  numberFormat: NUMBER_FORMAT_ACCEPTED,
  periodCode: PERIOD_CODE_ACCEPTED,
  singleYear: SINGLE_YEAR_ACCEPTED,
};

/**
 * A form the file leaves open, as the column stage found it (RowReader, columns.ts): which setting,
 * the values it can take, the first cell that raised it (with its error's words), and how many
 * errors and rows wait on it. Each of those errors carries the same `question` (problems.ts).
 */
export interface OpenQuestion {
  key: FormQuestionKey;
  values: readonly string[];
  /** The accepted values in words, as the errors' `accepted` ends. */
  accepted: string;
  /** The first cell that raised it, as a spreadsheet shows it, and its error's message. */
  row: number;
  column?: string;
  value?: string;
  message: string;
  /** Errors raised by it (every one, even past those kept), and the rows they are in. */
  errors: number;
  rows: number;
}

export interface FormOption {
  /** A stable id for the option (the radio's value). */
  id: string;
  label: string;
  /** What choosing it sets. */
  choices: FormChoices;
}

export interface PreviewRow {
  /** The row as a spreadsheet shows it. */
  row: number;
  /** "P1 2023-24 (April 2023)", or the financial year for a budget row. */
  period?: string;
  line?: string;
  /** Pence the row adds, exact. */
  amount?: Pence;
  /** Why the row would not be read under this option. */
  error?: string;
}

export interface FormQuestion {
  key: FormQuestionKey;
  /** The question, as the radio group's legend. */
  legend: string;
  /** One cell that raised it, for the user to find. */
  example: { row?: number; value?: string };
  options: (FormOption & { preview: PreviewRow[] })[];
}
