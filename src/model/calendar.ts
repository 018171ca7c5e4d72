/**
 * Financial years, periods and calendar months (SPEC section 4).
 *
 * A financial year is held as the calendar year it starts in (2022 for 2022-23). Period 1 is
 * April, period 12 is March. Dates are always read UK style, day/month/year.
 */

export type FinancialYear = number;

export interface CalendarMonth {
  year: number;
  /** 1 = January. */
  month: number;
}

export const FIRST_FY = 2000;
export const LAST_FY = 2099;

export const YEAR_ACCEPTED = 'a financial year from 2000-01 to 2099-00, such as 2022-23, 2022/23, 22/23, 2022-2023 or FY22/23';
export const PERIOD_ACCEPTED =
  'a period 1 to 12 (P1, Period 1, M01) or a month such as Apr, April, Apr-22, April 2022, 2022-04, 04/2022 or 01/04/2022';
export const MONTH_ACCEPTED = 'a month with its year, such as 2023-01, Jan-23, January 2023, 01/2023 or 01/01/2023';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = MONTH_NAMES.map((m) => m[0]!.toUpperCase() + m.slice(1));

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

export function fyLabel(fy: FinancialYear): string {
  return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
}

function expandYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** "2022-23", "2022/23", "22/23", "22-23", "2022-2023", "FY22/23", "FY2022-23" → 2022. */
export function parseFinancialYear(raw: string): Parsed<FinancialYear> {
  const s = raw.trim().replace(/[–—−]/g, '-');
  if (s === '') return fail('empty');
  const m = /^(?:FY\s*)?(\d{2}|\d{4})\s*[-/]\s*(\d{2}|\d{4})$/i.exec(s);
  if (!m) {
    if (/^(?:FY\s*)?\d{2,4}$/i.test(s)) return fail('a single year is ambiguous: say which financial year, e.g. 2022-23');
    return fail('not a financial year');
  }
  const start = expandYear(m[1]!);
  const endDigits = m[2]!;
  const end = endDigits.length === 2 ? Number(endDigits) : Number(endDigits);
  const expected = endDigits.length === 2 ? (start + 1) % 100 : start + 1;
  if (end !== expected) return fail('the two years are not consecutive');
  if (start < FIRST_FY || start > LAST_FY) return fail('outside 2000-01 to 2099-00');
  return ok(start);
}

export function periodOfMonth(month: number): number {
  return ((month + 8) % 12) + 1;
}

/** The calendar month that period p of financial year fy falls in. */
export function monthOfPeriod(fy: FinancialYear, period: number): CalendarMonth {
  const month = ((period + 2) % 12) + 1;
  return { year: month >= 4 ? fy : fy + 1, month };
}

export function fyOfMonth(m: CalendarMonth): FinancialYear {
  return m.month >= 4 ? m.year : m.year - 1;
}

/** A calendar month as the data holds it (EHCP months, placements, scenario changes): "2023-03", year then two-digit month, so keys sort in time order. */
export type MonthKey = string;

/** "2023-03" */
export function monthKey(m: CalendarMonth): MonthKey {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

/** The calendar month a month key names: "2023-03" is March 2023. */
export function monthOfKey(key: MonthKey): CalendarMonth {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/** The month after this one: "2023-12" → "2024-01". */
export function nextMonthKey(key: MonthKey): MonthKey {
  const { year, month } = monthOfKey(key);
  return month === 12 ? monthKey({ year: year + 1, month: 1 }) : monthKey({ year, month: month + 1 });
}

/** "March 2023", as GOV.UK writes dates. */
export function monthLabel(m: CalendarMonth): string {
  return `${LONG_MONTHS[m.month - 1]} ${m.year}`;
}

/** "Mar-23", for table headings. */
export function monthShortLabel(m: CalendarMonth): string {
  return `${SHORT_MONTHS[m.month - 1]}-${String(m.year % 100).padStart(2, '0')}`;
}

export function compareMonths(a: CalendarMonth, b: CalendarMonth): number {
  return a.year - b.year || a.month - b.month;
}

export function monthIndex(m: CalendarMonth): number {
  return m.year * 12 + (m.month - 1);
}

export function monthFromIndex(i: number): CalendarMonth {
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

function monthFromName(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return undefined;
  if (n === 'sept') return 9;
  const i = MONTH_NAMES.findIndex((full) => full.startsWith(n));
  return i < 0 ? undefined : i + 1;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What a period cell says: a bare period, or a month that may carry its year. */
export type PeriodOrMonth = { period: number; month?: number; year?: number };

/**
 * Reads a period or month cell. Returns the period (1-12) and, when the cell names a year,
 * the calendar month so the caller can fix or check the financial year.
 */
export function parsePeriodOrMonth(raw: string): Parsed<PeriodOrMonth> {
  const s = raw.trim().replace(/[–—−]/g, '-');
  if (s === '') return fail('empty');
  let m: RegExpExecArray | null;

  if ((m = /^(?:P|Period|M|Month|Per|Prd)?\s*0?(\d{1,2})$/i.exec(s))) {
    const p = Number(m[1]);
    if (p < 1 || p > 12) return fail('period outside 1 to 12');
    return ok({ period: p });
  }
  if ((m = /^([A-Za-z]+\.?)$/.exec(s))) {
    const month = monthFromName(m[1]!);
    if (!month) return fail('not a month name');
    return ok({ period: periodOfMonth(month), month });
  }
  if ((m = /^([A-Za-z]+\.?)[\s\-/']*(\d{2}|\d{4})$/.exec(s))) {
    const month = monthFromName(m[1]!);
    if (!month) return fail('not a month name');
    return withYear(month, expandYear(m[2]!));
  }
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) return withYear(Number(m[2]), Number(m[1]));
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) return withYear(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s))) {
    return withDay(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s))) {
    return withDay(Number(m[1]), Number(m[2]), expandYear(m[3]!));
  }
  return fail('not a period or month');
}

function withYear(month: number, year: number): Parsed<PeriodOrMonth> {
  if (month < 1 || month > 12) return fail('month outside 1 to 12');
  if (year < FIRST_FY || year > LAST_FY + 1) return fail('year outside 2000 to 2100');
  return ok({ period: periodOfMonth(month), month, year });
}

function withDay(day: number, month: number, year: number): Parsed<PeriodOrMonth> {
  const r = withYear(month, year);
  if (r.ok && (day < 1 || day > daysIn(year, month))) return fail('no such day (dates are read day/month/year)');
  return r;
}

/** A calendar month with its year (EHCP and target files). */
export function parseCalendarMonth(raw: string): Parsed<CalendarMonth> {
  const r = parsePeriodOrMonth(raw);
  if (!r.ok) return r;
  if (r.value.year === undefined || r.value.month === undefined) return fail('a month needs its year here');
  return ok({ year: r.value.year, month: r.value.month });
}

/** The financial year a period-or-month cell fixes, if it names a year. */
export function fyOfPeriodOrMonth(v: PeriodOrMonth): FinancialYear | undefined {
  return v.year !== undefined && v.month !== undefined ? fyOfMonth({ year: v.year, month: v.month }) : undefined;
}

export const DATE_ACCEPTED = 'a date such as 29/03/2023, 2023-03-29 or 29 March 2023 (day/month/year)';

/** A UK date to "2023-03-29". */
export function parseDate(raw: string): Parsed<string> {
  const s = raw.trim();
  let m: RegExpExecArray | null;
  let day: number, month: number | undefined, year: number;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s))) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) [day, month, year] = [Number(m[1]), Number(m[2]), expandYear(m[3]!)];
  else if ((m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?)\s+(\d{4})$/.exec(s))) [day, month, year] = [Number(m[1]), monthFromName(m[2]!), Number(m[3])];
  else return fail('not a date');
  if (month === undefined || month < 1 || month > 12) return fail('no such month');
  if (year < FIRST_FY || year > LAST_FY + 1) return fail('year outside 2000 to 2100');
  if (day < 1 || day > daysIn(year, month)) return fail('no such day (dates are read day/month/year)');
  return ok(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}
