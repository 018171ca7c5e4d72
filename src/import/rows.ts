/**
 * Row validation and aggregation, one row at a time while Papa Parse streams the file, so a
 * million-row ledger is never held as rows: only one accumulator per budget line survives.
 */
import { BLOCK_ACCEPTED, parseBlock, type Block } from '../domain/blocks';
import {
  FIRST_FY,
  LAST_FY,
  DATE_ACCEPTED,
  MONTH_ACCEPTED,
  PERIOD_ACCEPTED,
  YEAR_ACCEPTED,
  fyLabel,
  fyOfPeriodOrMonth,
  monthKey,
  parseCalendarMonth,
  parseDate,
  parseFinancialYear,
  parsePeriodOrMonth,
  type FinancialYear,
  type PeriodOrMonth,
} from '../domain/calendar';
import { lineKey, type ActualLine, type AgeBand, type BudgetLine, type Condition, type PlacementCount, type Dataset, type EhcpField, type EhcpMonth, type Rag, emptyDataset } from '../domain/dataset';
import { AGE_BAND_ACCEPTED, PLACEMENT_ACCEPTED, parseAgeBand, parsePlacementType } from '../domain/placements';
import { MAX_CELL_PENCE, MONEY_ACCEPTED, add, parseMoney, sub, sum, toFixed2, type Pence } from '../domain/money';
import { KIND_SPECS, headerMatchesField, normaliseHeader, type ColumnMap, type Field } from './kinds';
import { columnName, listRows, type Problem, type SkippedRow } from './problems';

export const COUNT_ACCEPTED = 'a whole number of 0 or more, such as 1570 or 1,570 (empty or - where not known)';
export const YES_NO_ACCEPTED = 'yes or no (also y/n, true/false, 1/0; empty means no)';

/** Where a sink reports problems and notes. */
export interface RowContext {
  file: string;
  header: string[];
  errors: Problem[];
  warnings: Problem[];
  skipped: SkippedRow[];
  /** Count of every error, even past the cap on those kept. */
  errorCount: number;
}

export const MAX_KEPT_PROBLEMS = 5000;

interface Sink {
  /** Validates and aggregates one data row; false when the row was rejected (its errors reported). */
  row(cells: string[], rowNumber: number): boolean;
  finish(): Dataset;
}

export type RowOutcome = 'imported' | 'skipped' | 'rejected';

export interface RowSink {
  row(cells: string[], rowNumber: number): RowOutcome;
  finish(): Dataset;
}

const TOTAL_LABEL = /^(grand )?(sub ?)?totals?\b|\b(sub)?totals?$/;

/** Whether the text holds "total" in any case: a scan by character codes, cheaper than a regular expression. */
function holdsTotal(text: string): boolean {
  for (let i = text.length - 5; i >= 0; i--) {
    if ((text.charCodeAt(i) | 32) === 116 && (text.charCodeAt(i + 1) | 32) === 111 && (text.charCodeAt(i + 2) | 32) === 116
      && (text.charCodeAt(i + 3) | 32) === 97 && (text.charCodeAt(i + 4) | 32) === 108) return true;
  }
  return false;
}

export function isTotalLabel(text: string): boolean {
  // Normalising only drops punctuation and case, so a label without "total" in it never matches:
  // the quick test spares a million-row ledger a normalisation per cell.
  if (!holdsTotal(text)) return false;
  return TOTAL_LABEL.test(normaliseHeader(text));
}

/**
 * A cell without its surrounding white space. Almost every cell of a ledger starts and ends with
 * a printable ASCII character and is returned as it is, without a call to trim.
 */
export function trimCell(v: string | undefined): string {
  if (v === undefined) return '';
  const n = v.length;
  if (n === 0) return v;
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(n - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? v : v.trim();
}

/**
 * The plain figures that make up almost every ledger row ("1234", "-1234.5", "1234.56"), read by
 * character codes into exact pence with no intermediate strings; undefined for anything else,
 * which parseMoney then reads (or rejects) as usual.
 */
export function plainPence(s: string): Pence | undefined {
  const n = s.length;
  let i = n > 0 && s.charCodeAt(0) === 45 ? 1 : 0;
  const negative = i === 1;
  let whole = 0;
  const start = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  const digits = i - start;
  if (digits === 0 || digits > 12) return undefined;
  let frac = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46 || n - i - 1 < 1 || n - i - 1 > 2) return undefined;
    const places = n - i - 1;
    for (i++; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      frac = frac * 10 + c;
    }
    if (places === 1) frac *= 10;
  }
  const p = whole * 100 + frac;
  if (p > MAX_CELL_PENCE) return undefined;
  return (negative && p !== 0 ? -p : p) as Pence;
}

/** Shared cell access and reporting for every kind. */
class RowReader {
  cells: string[] = [];
  rowNumber = 0;
  rejected = false;
  private readonly yearCache = new Map<string, ReturnType<typeof parseFinancialYear>>();
  private readonly periodCache = new Map<string, ReturnType<typeof parsePeriodOrMonth>>();
  private readonly blockCache = new Map<string, Block | undefined>();
  private readonly lineCache = new Map<string, string>();
  readonly roundedRows: number[] = [];
  /** The columns every row of the money kinds reads, looked up once (-1 where the file has none). */
  private readonly yearCol: number;
  private readonly blockCol: number;
  private readonly lineCol: number;

  constructor(
    readonly ctx: RowContext,
    readonly map: ColumnMap,
  ) {
    this.yearCol = map.fields.year ?? -1;
    this.blockCol = map.fields.block ?? -1;
    this.lineCol = map.fields.line ?? -1;
  }

  start(cells: string[], rowNumber: number) {
    this.cells = cells;
    this.rowNumber = rowNumber;
    this.rejected = false;
  }

  has(field: Field): boolean {
    return this.map.fields[field] !== undefined;
  }

  text(field: Field): string {
    const col = this.map.fields[field];
    return col === undefined ? '' : trimCell(this.cells[col]);
  }

  /** The row's financial year cell, trimmed ('' where there is no such column). */
  yearText(): string {
    return this.yearCol < 0 ? '' : trimCell(this.cells[this.yearCol]);
  }

  error(col: number | undefined, value: string | undefined, message: string, accepted?: string) {
    this.rejected = true;
    this.ctx.errorCount++;
    if (this.ctx.errors.length >= MAX_KEPT_PROBLEMS) return;
    this.ctx.errors.push({
      severity: 'error',
      file: this.ctx.file,
      row: this.rowNumber,
      ...(col !== undefined ? { column: columnName(this.ctx.header, col) } : {}),
      ...(value !== undefined ? { value } : {}),
      message,
      ...(accepted ? { accepted } : {}),
    });
  }

  fieldError(field: Field, message: string, accepted?: string) {
    const col = this.map.fields[field];
    this.error(col, col === undefined ? undefined : (this.cells[col] ?? '').trim(), message, accepted);
  }

  year(raw = this.yearText()): FinancialYear | undefined {
    if (raw === '') return undefined;
    let r = this.yearCache.get(raw);
    if (!r) this.yearCache.set(raw, (r = parseFinancialYear(raw)));
    if (!r.ok) {
      this.fieldError('year', `not a financial year (${r.reason})`, YEAR_ACCEPTED);
      return undefined;
    }
    return r.value;
  }

  /** The row's financial year, where an empty cell is an error too. */
  requiredYear(): FinancialYear | undefined {
    const fy = this.year();
    if (fy === undefined && this.yearText() === '') this.fieldError('year', 'the financial year is empty', YEAR_ACCEPTED);
    return fy;
  }

  periodAt(col: number, raw: string): PeriodOrMonth | undefined {
    let r = this.periodCache.get(raw);
    if (!r) this.periodCache.set(raw, (r = parsePeriodOrMonth(raw)));
    if (!r.ok) {
      this.error(col, raw, `not a period or month (${r.reason})`, PERIOD_ACCEPTED);
      return undefined;
    }
    return r.value;
  }

  block(): Block | undefined {
    const raw = this.blockCol < 0 ? '' : trimCell(this.cells[this.blockCol]);
    if (raw === '') {
      this.fieldError('block', 'the block is empty', BLOCK_ACCEPTED);
      return undefined;
    }
    let b = this.blockCache.get(raw);
    if (b === undefined && !this.blockCache.has(raw)) this.blockCache.set(raw, (b = parseBlock(raw)));
    if (!b) this.fieldError('block', 'not one of the four DSG blocks', BLOCK_ACCEPTED);
    return b;
  }

  line(): string | undefined {
    const raw = this.lineCol < 0 ? '' : trimCell(this.cells[this.lineCol]);
    if (raw === '') {
      this.fieldError('line', 'the budget line is empty', 'the name of the budget line, as in the budget file');
      return undefined;
    }
    let name = this.lineCache.get(raw);
    if (name === undefined) this.lineCache.set(raw, (name = raw.replace(/\s+/g, ' ')));
    return name;
  }

  /** Money in a column: a value, null where the cell is empty (missing, not zero), undefined on error. */
  moneyAt(col: number): Pence | null | undefined {
    const raw = this.cells[col] ?? '';
    const plain = plainPence(raw);
    if (plain !== undefined) return plain;
    const r = parseMoney(raw);
    if (!r.ok) {
      this.error(col, raw.trim(), `not an amount of money (${r.reason})`, MONEY_ACCEPTED);
      return undefined;
    }
    if ('missing' in r) return null;
    if (r.rounded && this.roundedRows[this.roundedRows.length - 1] !== this.rowNumber) this.roundedRows.push(this.rowNumber);
    return r.pence;
  }

  money(field: Field): Pence | null | undefined {
    const col = this.map.fields[field];
    return col === undefined ? null : this.moneyAt(col);
  }

  /** Money that must be there: an empty cell is an error, since missing is not zero. */
  requiredMoney(field: Field, what: string): Pence | undefined {
    const v = this.money(field);
    if (v === null) this.fieldError(field, `the ${what} is empty (an empty cell is missing, not zero: write 0 if it is nothing)`, MONEY_ACCEPTED);
    return v ?? undefined;
  }

  count(col: number): number | null | undefined {
    const raw = (this.cells[col] ?? '').trim();
    if (raw === '' || raw === '-' || raw === '–') return null;
    if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(raw)) {
      this.error(col, raw, 'not a whole number of plans or requests', COUNT_ACCEPTED);
      return undefined;
    }
    const n = Number(raw.replace(/,/g, ''));
    if (!Number.isSafeInteger(n)) {
      this.error(col, raw, 'too large', COUNT_ACCEPTED);
      return undefined;
    }
    return n;
  }

  finishWarnings() {
    if (this.roundedRows.length > 0) {
      this.ctx.warnings.push({
        severity: 'warning',
        file: this.ctx.file,
        message: `amounts with more than two decimal places were rounded to the penny (half away from zero) in ${listRows(this.roundedRows)}`,
      });
    }
  }
}

/** The financial year of an actuals row: its year cell, or the year its month names; they must agree. */
function rowYear(r: RowReader, when: PeriodOrMonth | undefined, whenCol: number | undefined, headerFy?: number): FinancialYear | undefined {
  const yearRaw = r.yearText();
  const fromYear = r.year(yearRaw);
  if (yearRaw !== '' && fromYear === undefined) return undefined;
  const fromMonth = when ? fyOfPeriodOrMonth(when) : headerFy;
  if (fromYear !== undefined && fromMonth !== undefined && fromYear !== fromMonth) {
    r.error(
      whenCol ?? r.map.fields.year,
      whenCol !== undefined ? (r.cells[whenCol] ?? '').trim() : yearRaw,
      `the month falls in ${fyLabel(fromMonth)} but the row's financial year is ${fyLabel(fromYear)}`,
      'a month inside the row\'s financial year (April to March)',
    );
    return undefined;
  }
  if (fromMonth !== undefined && (fromMonth < FIRST_FY || fromMonth > LAST_FY)) {
    // A month such as Apr-2100 or Jan-2000 fixes a financial year outside 2000-01 … 2099-00.
    const col = whenCol ?? r.map.months.find((m) => m.fy === fromMonth)?.col;
    const value = whenCol !== undefined ? (r.cells[whenCol] ?? '').trim() : col !== undefined ? (r.ctx.header[col] ?? '').trim() : undefined;
    r.error(col, value, `the month falls in ${fyLabel(fromMonth)}, outside the financial years 2000-01 to 2099-00`, YEAR_ACCEPTED);
    return undefined;
  }
  const fy = fromYear ?? fromMonth;
  if (fy === undefined) {
    if (r.has('year') || whenCol === undefined) {
      r.fieldError('year', 'no financial year: the row has none and its period names no year', YEAR_ACCEPTED);
    } else if (when) {
      // No year column: the period cell is where the year is missing.
      r.error(whenCol, (r.cells[whenCol] ?? '').trim(), 'no financial year: the file has no financial year column and this period names no year',
        'a financial year column, or periods that name their year, such as Apr-22, 2022-04 or 01/04/2022');
    }
  }
  return fy;
}

/** Lines and their twelve periods, keyed by year, block, name and cost centre. */
class ActualsAccumulator {
  readonly lines = new Map<string, ActualLine & { rowAt: number[]; ytd: (Pence | null)[] }>();
  /** lineKey of each name seen: ledgers repeat a few hundred names a million times. */
  private readonly keys = new Map<string, string>();
  /** The same lines by year, block, line key and cost centre, so a row builds no key string. */
  private readonly index = new Map<number, Map<string, Map<string, Map<string, ActualLine & { rowAt: number[]; ytd: (Pence | null)[] }>>>>();

  get(fy: FinancialYear, block: Block, line: string, costCentre: string) {
    let lk = this.keys.get(line);
    if (lk === undefined) this.keys.set(line, (lk = lineKey(line)));
    let byBlock = this.index.get(fy);
    if (!byBlock) this.index.set(fy, (byBlock = new Map()));
    let byLine = byBlock.get(block);
    if (!byLine) byBlock.set(block, (byLine = new Map()));
    let byCc = byLine.get(lk);
    if (!byCc) byLine.set(lk, (byCc = new Map()));
    let acc = byCc.get(costCentre);
    if (acc) return acc;
    const key = `${fy}|${block}|${lk}|${costCentre}`;
    acc = this.lines.get(key);
    if (!acc) {
      acc = {
        fy, block, line,
        ...(costCentre ? { costCentre } : {}),
        actuals: new Array<Pence | null>(12).fill(null),
        forecasts: new Array<Pence | null>(12).fill(null),
        rowAt: new Array<number>(12).fill(0),
        ytd: [],
      };
      this.lines.set(key, acc);
    }
    byCc.set(costCentre, acc);
    return acc;
  }
}

function stripInternal(lines: Iterable<ActualLine & { rowAt: number[]; ytd: (Pence | null)[] }>): ActualLine[] {
  return [...lines].map(({ rowAt: _r, ytd: _y, ...line }) => line);
}

/** In-month = YTD(p) − YTD(previous period held). */
function differenceYtd(r: RowReader, acc: ActualsAccumulator) {
  const gaps: string[] = [];
  for (const line of acc.lines.values()) {
    let previous: Pence = 0 as Pence;
    let previousPeriod = 0;
    for (let p = 0; p < 12; p++) {
      const v = line.actuals[p]!;
      if (v === null) continue;
      line.actuals[p] = sub(v, previous);
      if (p !== previousPeriod) gaps.push(`${line.line} (P${p + 1})`);
      previous = v;
      previousPeriod = p + 1;
    }
  }
  if (gaps.length > 0) {
    r.ctx.warnings.push({
      severity: 'warning',
      file: r.ctx.file,
      message: `the actuals are year to date; where a period is missing before one that is held, its spend is counted in the later period: ${gaps.slice(0, 10).join('; ')}${gaps.length > 10 ? ` and ${gaps.length - 10} more` : ''}`,
    });
  }
}

function actualsSink(r: RowReader, ledger: boolean): Sink {
  const acc = new ActualsAccumulator();
  const periodCol = r.map.fields.period ?? r.map.fields.date;
  const actualCol = r.map.fields.actual!;
  const forecastCol = r.map.fields.forecast;
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const whenRaw = periodCol === undefined ? '' : trimCell(cells[periodCol]);
      let when: PeriodOrMonth | undefined;
      if (whenRaw === '') r.error(periodCol, '', 'the period is empty', PERIOD_ACCEPTED);
      else when = r.periodAt(periodCol!, whenRaw);
      const fy = rowYear(r, when, periodCol);
      const block = r.block();
      const line = r.line();
      const actual = r.moneyAt(actualCol);
      const forecast = forecastCol === undefined ? null : r.moneyAt(forecastCol);
      if (r.rejected || !when || fy === undefined || !block || !line || actual === undefined || forecast === undefined) return false;
      const a = acc.get(fy, block, line, r.text('costCentre'));
      const p = when.period - 1;
      if (actual !== null) {
        const prev = a.actuals[p]!;
        if (prev !== null && !ledger) {
          r.error(actualCol, (cells[actualCol] ?? '').trim(),
            `a second actual for this line and period (the first is in row ${a.rowAt[p]}); if the file lists transactions, import it as a ledger, whose rows are added up`,
            'one row per budget line and period');
          return false;
        }
        a.actuals[p] = prev === null ? actual : add(prev, actual);
        a.rowAt[p] = rowNumber;
      }
      if (forecast !== null) a.forecasts[p] = ledger && a.forecasts[p] !== null ? add(a.forecasts[p]!, forecast) : forecast;
      const comment = r.text('commentary');
      if (comment) a.commentary = comment;
      if (actual === null && forecast === null) {
        r.ctx.warnings.push({
          severity: 'warning', file: r.ctx.file, row: rowNumber, column: columnName(r.ctx.header, actualCol), value: '',
          message: 'the actual is empty, so this row adds no spend (an empty cell is missing, not zero)',
          accepted: MONEY_ACCEPTED,
        });
      }
      return true;
    },
    finish() {
      if (r.map.ytd) differenceYtd(r, acc);
      r.finishWarnings();
      return { ...emptyDataset(), actuals: stripInternal(acc.lines.values()) };
    },
  };
}

function wideSink(r: RowReader): Sink {
  const acc = new ActualsAccumulator();
  const forecastCol = r.map.fields.forecast;
  const pendingForecasts: { line: ActualLine; forecast: Pence }[] = [];
  let latestPeriod = 0;
  const headerFys = new Set(r.map.months.map((m) => m.fy).filter((fy) => fy !== undefined));
  if (headerFys.size > 1) {
    r.ctx.errors.push({
      severity: 'error', file: r.ctx.file, row: undefined,
      message: `the month columns span more than one financial year (${[...headerFys].map((fy) => fyLabel(fy!)).join(', ')})`,
      accepted: 'one financial year per file, April to March',
    });
    r.ctx.errorCount++;
  }
  const headerFy = headerFys.size === 1 ? [...headerFys][0] : undefined;
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const fy = rowYear(r, undefined, undefined, headerFy);
      const block = r.block();
      const line = r.line();
      const values = r.map.months.map((m) => r.moneyAt(m.col));
      const forecast = forecastCol === undefined ? null : r.moneyAt(forecastCol);
      if (r.rejected || fy === undefined || !block || !line || forecast === undefined) return false;
      const a = acc.get(fy, block, line, r.text('costCentre'));
      // Check the whole row before taking any of it, so a rejected row adds nothing.
      r.map.months.forEach((m, i) => {
        if (values[i] !== null && a.actuals[m.period - 1] !== null) {
          r.error(m.col, (cells[m.col] ?? '').trim(), `a second actual for this line and period (the first is in row ${a.rowAt[m.period - 1]})`, 'one row per budget line');
        }
      });
      if (r.rejected) return false;
      r.map.months.forEach((m, i) => {
        const v = values[i];
        if (v === null || v === undefined) return;
        a.actuals[m.period - 1] = v;
        a.rowAt[m.period - 1] = rowNumber;
        latestPeriod = Math.max(latestPeriod, m.period);
      });
      if (forecast !== null) pendingForecasts.push({ line: a, forecast });
      const comment = r.text('commentary');
      if (comment) a.commentary = comment;
      return true;
    },
    finish() {
      // A wide file's forecast column is the forecast as at the latest month it holds.
      if (latestPeriod > 0) for (const { line, forecast } of pendingForecasts) line.forecasts[latestPeriod - 1] = forecast;
      if (r.map.ytd) differenceYtd(r, acc);
      r.finishWarnings();
      return { ...emptyDataset(), actuals: stripInternal(acc.lines.values()) };
    },
  };
}

function budgetSink(r: RowReader): Sink {
  const lines = new Map<string, BudgetLine & { rowNumber: number }>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const fy = r.requiredYear();
      const block = r.block();
      const line = r.line();
      const budget = r.requiredMoney('budget', 'budget');
      const profileValues = r.map.months.map((m) => r.moneyAt(m.col));
      if (r.rejected || fy === undefined || !block || !line || budget === undefined) return false;
      const costCentre = r.text('costCentre');
      const key = `${fy}|${block}|${lineKey(line)}|${costCentre}`;
      const first = lines.get(key);
      if (first) {
        r.fieldError('line', `the same budget line appears twice (first in row ${first.rowNumber})`, 'each budget line once per year');
        return false;
      }
      let profile: Pence[] | undefined;
      const given = profileValues.filter((v) => v !== null).length;
      if (given > 0) {
        if (given < 12 || r.map.months.length < 12) {
          r.error(r.map.months[0]?.col, undefined, `the monthly profile has ${given} of 12 months`, 'all twelve months P1 to P12, or none (straight-line)');
          return false;
        }
        profile = new Array<Pence>(12);
        for (let i = 0; i < r.map.months.length; i++) profile[r.map.months[i]!.period - 1] = profileValues[i] as Pence;
        const total = sum(profile);
        if (total !== budget) {
          r.fieldError('budget', `the monthly profile adds up to ${toFixed2(total)}, not the budget of ${toFixed2(budget)}`, 'a profile that sums to the annual budget');
          return false;
        }
      }
      const comment = r.text('commentary');
      lines.set(key, {
        fy, block, line, budget, rowNumber,
        ...(costCentre ? { costCentre } : {}),
        ...(profile ? { profile } : {}),
        ...(comment ? { commentary: comment } : {}),
      });
      return true;
    },
    finish() {
      r.finishWarnings();
      return { ...emptyDataset(), budgets: [...lines.values()].map(({ rowNumber: _n, ...l }) => l) };
    },
  };
}

function fundingSink(r: RowReader): Sink {
  const totals = new Map<string, { fy: FinancialYear; block: Block; income: Pence; rows: number[] }>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const fy = r.requiredYear();
      const block = r.block();
      const income = r.requiredMoney('income', 'DSG income');
      if (r.rejected || fy === undefined || !block || income === undefined) return false;
      const key = `${fy}|${block}`;
      const t = totals.get(key);
      if (t) {
        t.income = add(t.income, income);
        t.rows.push(rowNumber);
      } else totals.set(key, { fy, block, income, rows: [rowNumber] });
      return true;
    },
    finish() {
      for (const t of totals.values()) {
        if (t.rows.length > 1) {
          r.ctx.warnings.push({
            severity: 'warning', file: r.ctx.file,
            message: `${t.block} income for ${fyLabel(t.fy)} is given in ${t.rows.length} rows (${listRows(t.rows)}); they were added together to ${toFixed2(t.income)}`,
          });
        }
      }
      r.finishWarnings();
      const funding = [...totals.values()].map(({ fy, block, income }) => ({ fy, block, income }));
      return { ...emptyDataset(), funding };
    },
  };
}

function yesNo(r: RowReader): boolean | undefined {
  const raw = r.text('surplusRequired').toLowerCase();
  if (['', 'no', 'n', 'false', '0', '-'].includes(raw)) return false;
  if (['yes', 'y', 'true', '1', 'required'].includes(raw)) return true;
  r.fieldError('surplusRequired', 'not yes or no', YES_NO_ACCEPTED);
  return undefined;
}

function agreementSink(r: RowReader): Sink {
  const years = new Map<FinancialYear, { rowNumber: number; opening: Pence | null; profile: Pence; contribution: Pence; surplusRequired: boolean }>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const fy = r.requiredYear();
      const profile = r.requiredMoney('profile', 'deficit profile');
      const contribution = r.requiredMoney('contribution', 'DfE contribution');
      const surplusRequired = yesNo(r);
      const opening = r.money('openingDeficit');
      if (r.rejected || fy === undefined || profile === undefined || contribution === undefined || surplusRequired === undefined || opening === undefined) return false;
      const first = years.get(fy);
      if (first) {
        r.fieldError('year', `the agreement gives ${fyLabel(fy)} twice (first in row ${first.rowNumber})`, 'each agreement year once');
        return false;
      }
      years.set(fy, { rowNumber, opening, profile, contribution, surplusRequired });
      return true;
    },
    finish() {
      const sorted = [...years.entries()].sort((a, b) => a[0] - b[0]);
      const agreement = sorted.map(([fy, y], i) => {
        if (i > 0 && y.opening !== null) {
          r.ctx.warnings.push({
            severity: 'warning', file: r.ctx.file, row: y.rowNumber,
            column: columnName(r.ctx.header, r.map.fields.openingDeficit!), value: toFixed2(y.opening),
            message: `an opening deficit belongs on the first agreement year (${fyLabel(sorted[0]![0])}) only; the one given for ${fyLabel(fy)} was not used`,
          });
        }
        return {
          fy, profile: y.profile, contribution: y.contribution, surplusRequired: y.surplusRequired,
          ...(i === 0 && y.opening !== null ? { openingDeficit: y.opening } : {}),
        };
      });
      r.finishWarnings();
      return { ...emptyDataset(), agreement };
    },
  };
}

const EHCP_FIELD_OF: Partial<Record<Field, EhcpField>> = {
  plansAtStart: 'plansAtStart', newPlans: 'newPlans', transfersIn: 'transfersIn', ceased: 'ceased', movedOut: 'movedOut',
  inactive: 'inactive', plansEnded: 'plansEnded', plansAtEnd: 'plansAtEnd', rsaReceived: 'rsaReceived', rsaRefused: 'rsaRefused',
};

function calendarMonth(r: RowReader, field: Field): string | undefined {
  const raw = r.text(field);
  if (raw === '') {
    r.fieldError(field, 'the month is empty', MONTH_ACCEPTED);
    return undefined;
  }
  const m = parseCalendarMonth(raw);
  if (!m.ok) {
    r.fieldError(field, `not a month (${m.reason})`, MONTH_ACCEPTED);
    return undefined;
  }
  return monthKey(m.value);
}

function ehcpSink(r: RowReader): Sink {
  const months = new Map<string, EhcpMonth & { rowNumber: number }>();
  const countFields = (Object.keys(EHCP_FIELD_OF) as Field[]).filter((f) => r.map.fields[f] !== undefined);
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const month = calendarMonth(r, 'month');
      const entry: EhcpMonth & { rowNumber: number } = { month: month ?? '', rowNumber };
      for (const f of countFields) {
        const v = r.count(r.map.fields[f]!);
        if (v !== null && v !== undefined) entry[EHCP_FIELD_OF[f]!] = v;
      }
      if (r.rejected || !month) return false;
      const first = months.get(month);
      if (first) {
        r.fieldError('month', `the month appears twice (first in row ${first.rowNumber})`, 'each month once');
        return false;
      }
      months.set(month, entry);
      return true;
    },
    finish() {
      const ehcp = [...months.values()].sort((a, b) => a.month.localeCompare(b.month)).map(({ rowNumber: _n, ...m }) => m);
      return { ...emptyDataset(), ehcp };
    },
  };
}

/** Target metric names use the EHCP file's column words: plans_at_end, rsa_received, … */
export function parseMetric(raw: string): EhcpField | undefined {
  const h = normaliseHeader(raw);
  const field = KIND_SPECS.ehcp.fields.find((f) => f !== 'month' && headerMatchesField(f, h));
  return field ? EHCP_FIELD_OF[field] : undefined;
}

function targetsSink(r: RowReader): Sink {
  const targets = new Map<string, { metric: EhcpField; month: string; target: number; rowNumber: number }>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const metricRaw = r.text('metric');
      const metric = parseMetric(metricRaw);
      if (!metric) r.fieldError('metric', 'not a metric the EHCP figures hold', 'plans_at_end, plans_at_start, new_plans, transfers_in, ceased, moved_out, inactive_or_deceased, plans_ended, rsa_received or rsa_refused');
      const month = calendarMonth(r, 'month');
      const target = r.count(r.map.fields.target!);
      if (target === null) r.fieldError('target', 'the target is empty', COUNT_ACCEPTED);
      if (r.rejected || !metric || !month || target === null || target === undefined) return false;
      const key = `${metric}|${month}`;
      const first = targets.get(key);
      if (first) {
        r.fieldError('month', `a second ${metricRaw} target for this month (first in row ${first.rowNumber})`, 'one target per metric and month');
        return false;
      }
      targets.set(key, { metric, month, target, rowNumber });
      return true;
    },
    finish() {
      const list = [...targets.values()]
        .sort((a, b) => a.metric.localeCompare(b.metric) || a.month.localeCompare(b.month))
        .map(({ rowNumber: _n, ...t }) => t);
      return { ...emptyDataset(), targets: list };
    },
  };
}

export const RAG_ACCEPTED = 'red, amber or green (or R, A, G); empty if not yet rated';

function parseRag(raw: string): Rag | undefined {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === '-' || v === 'not rated' || v === 'n/a') return 'not rated';
  if (v === 'r' || v === 'red') return 'red';
  if (v === 'a' || v === 'amber') return 'amber';
  if (v === 'g' || v === 'green') return 'green';
  return undefined;
}

function placementsSink(r: RowReader): Sink {
  const counts = new Map<string, PlacementCount & { rowNumber: number }>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const month = calendarMonth(r, 'month');
      const type = parsePlacementType(r.text('placementType'));
      if (!type) r.fieldError('placementType', 'not a placement type the DfE template names', PLACEMENT_ACCEPTED);
      let ageBand: AgeBand | undefined;
      if (r.text('ageBand') !== '') {
        ageBand = parseAgeBand(r.text('ageBand'));
        if (!ageBand) r.fieldError('ageBand', 'not an age band of the DfE template', AGE_BAND_ACCEPTED);
      }
      const count = r.count(r.map.fields.count!);
      if (count === null) r.fieldError('count', 'the number of plans is empty', COUNT_ACCEPTED);
      const cost = r.money('annualCost');
      if (r.rejected || !month || !type || count === null || count === undefined || cost === undefined) return false;
      const need = r.text('primaryNeed');
      const key = `${month}|${type}|${ageBand ?? ''}|${need.toLowerCase()}`;
      const first = counts.get(key);
      if (first) {
        r.fieldError('placementType', `the same month, placement type, age band and need appear twice (first in row ${first.rowNumber})`, 'one row for each');
        return false;
      }
      counts.set(key, {
        month, type, count, rowNumber,
        ...(ageBand ? { ageBand } : {}),
        ...(need ? { need } : {}),
        ...(cost !== null ? { annualCost: cost } : {}),
      });
      return true;
    },
    finish() {
      r.finishWarnings();
      return { ...emptyDataset(), placements: [...counts.values()].map(({ rowNumber: _n, ...c }) => c) };
    },
  };
}

function conditionsSink(r: RowReader): Sink {
  const conditions = new Map<string, Condition & { rowNumber: number }>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const ref = r.text('conditionRef').replace(/\.$/, '');
      const text = r.text('conditionText');
      if (text === '') r.fieldError('conditionText', 'the condition is empty', "the condition's wording, as in the agreement");
      const rag = parseRag(r.text('rag'));
      if (!rag) r.fieldError('rag', 'not a RAG status', RAG_ACCEPTED);
      let reviewed: string | undefined;
      if (r.text('reviewed') !== '') {
        const d = parseDate(r.text('reviewed'));
        if (d.ok) reviewed = d.value;
        else r.fieldError('reviewed', `not a date (${d.reason})`, DATE_ACCEPTED);
      }
      if (r.rejected || !rag) return false;
      const first = conditions.get(ref);
      if (first) {
        r.fieldError('conditionRef', `condition ${ref} appears twice (first in row ${first.rowNumber})`, 'each condition once');
        return false;
      }
      const owner = r.text('owner');
      const commentary = r.text('commentary');
      conditions.set(ref, {
        ref, text, rag, rowNumber,
        ...(owner ? { owner } : {}),
        ...(commentary ? { commentary } : {}),
        ...(reviewed ? { reviewed } : {}),
      });
      return true;
    },
    finish() {
      return { ...emptyDataset(), conditions: [...conditions.values()].map(({ rowNumber: _n, ...c }) => c) };
    },
  };
}

/** Label values remembered as not totals; past this, a file's labels are checked one by one. */
const MAX_REMEMBERED_LABELS = 10_000;

/** The value columns of a kind: what a subtotal row carries beside its label. */
function valueColumns(map: ColumnMap): number[] {
  const valueFields: Field[] = [
    'budget', 'actual', 'forecast', 'income', 'profile', 'contribution', 'openingDeficit', 'target',
    'plansAtStart', 'newPlans', 'transfersIn', 'ceased', 'movedOut', 'inactive', 'plansEnded', 'plansAtEnd', 'rsaReceived', 'rsaRefused',
    'count', 'annualCost',
  ];
  const cols = valueFields.map((f) => map.fields[f]).filter((c): c is number => c !== undefined);
  return [...cols, ...map.months.map((m) => m.col)];
}

/**
 * Wraps a kind's sink with what every kind shares: blank rows, totals and subtotal rows, and
 * section headings are skipped with a note, never added in.
 */
export function createSink(ctx: RowContext, map: ColumnMap): RowSink {
  const r = new RowReader(ctx, map);
  const inner =
    map.kind === 'actuals' ? actualsSink(r, false)
    : map.kind === 'ledger' ? actualsSink(r, true)
    : map.kind === 'actualsWide' ? wideSink(r)
    : map.kind === 'budget' ? budgetSink(r)
    : map.kind === 'funding' ? fundingSink(r)
    : map.kind === 'agreement' ? agreementSink(r)
    : map.kind === 'ehcp' ? ehcpSink(r)
    : map.kind === 'conditions' ? conditionsSink(r)
    : map.kind === 'placements' ? placementsSink(r)
    : targetsSink(r);
  const keyCols = KIND_SPECS[map.kind].keys.map((f) => map.fields[f]).filter((c): c is number => c !== undefined);
  const labelCols = [...new Set([0, ...keyCols])];
  const valueCols = valueColumns(map);
  const blankRows: number[] = [];
  // Labels already seen not to be totals. A ledger repeats a few hundred labels a million times,
  // and the rows' readers hash the same cells for their own caches, so asking here costs little.
  const notTotals = new Set<string>();
  return {
    row(cells, rowNumber) {
      let empty = true;
      for (let i = 0; i < cells.length; i++) {
        if (trimCell(cells[i]) !== '') {
          empty = false;
          break;
        }
      }
      if (empty) {
        blankRows.push(rowNumber);
        return 'skipped';
      }
      for (let i = 0; i < labelCols.length; i++) {
        const v = cells[labelCols[i]!];
        if (!v || notTotals.has(v)) continue;
        if (!isTotalLabel(v)) {
          if (notTotals.size < MAX_REMEMBERED_LABELS) notTotals.add(v);
        } else {
          ctx.skipped.push({ row: rowNumber, reason: `a totals row ("${v.trim()}"): not added in` });
          return 'skipped';
        }
      }
      let keysFilled = 0;
      for (let i = 0; i < keyCols.length; i++) if (trimCell(cells[keyCols[i]!]) !== '') keysFilled++;
      if (keysFilled === 0 || (keyCols.length >= 2 && keysFilled <= 1)) {
        const hasValues = valueCols.some((c) => (cells[c] ?? '').trim() !== '');
        const label = cells.find((c) => c.trim() !== '')?.trim() ?? '';
        ctx.skipped.push({
          row: rowNumber,
          reason: hasValues ? `a subtotal row (a label, "${label}", and only sums): not added in` : `a heading or note row ("${label}")`,
        });
        return 'skipped';
      }
      return inner.row(cells, rowNumber) ? 'imported' : 'rejected';
    },
    finish() {
      if (blankRows.length > 0) ctx.skipped.push({ row: blankRows[0]!, reason: `blank ${listRows(blankRows)} skipped` });
      ctx.skipped.sort((a, b) => a.row - b.row);
      return inner.finish();
    },
  };
}

