/**
 * The column stage: reads a row's cells as the kind's fields (money, year, period, block, line,
 * counts, months), reporting each cell that cannot be read, before a sink aggregates the row.
 *
 * Hook for a source's forms. Finance systems write their cells in forms of their own: period
 * codes (`202304`, `APR-23`, `001/2024`), debit and credit columns, a trailing minus, European
 * decimals, units (`£000`), values given only in the title lines, a cost-centre map. Such a
 * form belongs here, in the column stage, never in a sink: a sink asks the reader for a field
 * (`moneyAt`, `periodAt`, `year`, `block`, `line`, `text`) and gets it already in the one form the
 * domain uses (pence, a PeriodOrMonth, a FinancialYear, a Block, a line name). To add one:
 * detect it once per file (in detect.ts, from the header, title lines or the first rows), carry
 * it beside the ColumnMap into `new RowReader(ctx, map)` (made once per file in `createSink`,
 * sinks/index.ts), and apply it inside the reader that reads that field, keeping the reader's
 * per-value cache so a million-row ledger reads each distinct cell once. No form is applied yet.
 */
import { BLOCK_ACCEPTED, parseBlock, type Block } from '../domain/blocks';
import {
  MONTH_ACCEPTED,
  PERIOD_ACCEPTED,
  YEAR_ACCEPTED,
  monthKey,
  parseCalendarMonth,
  parseFinancialYear,
  parsePeriodOrMonth,
  type FinancialYear,
  type PeriodOrMonth,
} from '../domain/calendar';
import { MAX_CELL_PENCE, MONEY_ACCEPTED, parseMoney, type Pence } from '../domain/money';
import type { ColumnMap, Field } from './kinds';
import { MAX_KEPT_PROBLEMS, columnName, listRows, type RowContext } from './problems';

export const COUNT_ACCEPTED = 'a whole number of 0 or more, such as 1570 or 1,570 (empty or - where not known)';

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
/**
 * Shared cell access and reporting for every kind: one per file, made in createSink. The readers
 * below marked "Forms:" are where a source's forms are to be applied (see the top of this file).
 */
export class RowReader {
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

  /** Forms: a year given only in the title lines, or as FY2024 resolved from the file's dates. */
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

  /** Forms: period codes such as 202304, APR-23 or 001/2024, and dates such as 02-APR-2023. */
  periodAt(col: number, raw: string): PeriodOrMonth | undefined {
    let r = this.periodCache.get(raw);
    if (!r) this.periodCache.set(raw, (r = parsePeriodOrMonth(raw)));
    if (!r.ok) {
      this.error(col, raw, `not a period or month (${r.reason})`, PERIOD_ACCEPTED);
      return undefined;
    }
    return r.value;
  }

  /** Forms: a block from a heading row above, or from the cost-centre map. */
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

  /** Forms: a budget line from the cost-centre map. */
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

  /**
   * Money in a column: a value, null where the cell is empty (missing, not zero), undefined on error.
   * Forms: debit and credit columns, a trailing minus, European decimals, units such as £000.
   */
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

/** A calendar month cell (EHCP figures, targets, placements), as a month key such as 2023-04. */
export function calendarMonth(r: RowReader, field: Field): string | undefined {
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
