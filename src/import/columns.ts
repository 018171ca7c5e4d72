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
 * per-value cache so a million-row ledger reads each distinct cell once. The forms are in
 * forms.ts (each cell form) and sourceForms.ts (their detection per file); a file with none takes
 * the same fast paths as before.
 */
import { BLOCK_ACCEPTED, parseBlock, type Block } from '../model/blocks';
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
} from '../model/calendar';
import { MAX_TOTAL_PENCE } from '../domain/exactRange';
import { quoteValue } from '../domain/quote';
import { fyLabel } from '../model/calendar';
import { MAX_CELL_PENCE, pence, type Pence, sub, ZERO } from '../model/money';
import { MONEY_ACCEPTED, parseMoney, quickPence } from '../domain/money';
import {
  NUMBER_FORMAT_ACCEPTED,
  PERIOD_CODE_ACCEPTED,
  SINGLE_YEAR_ACCEPTED,
  fiscalPeriod,
  moveTrailingMinus,
  numberEvidence,
  parseMonDate,
  periodCodeOf,
  singleYearOf,
  swapSeparators,
  withUnit,
  FORM_ACCEPTED,
  FORM_VALUES,
  type FormQuestionKey,
} from './forms';
import type { MapEntry } from '../model/costCentreMap';
import type { ColumnMap, Field } from './kinds';
import { hasForms, noForms, type SourceForms } from './sourceForms';
import { MAX_KEPT_PROBLEMS, columnName, listRows, type Problem, type RowContext } from './problems';

/** A cell's reading, which where it fails may name the open form it waits on (see RowReader.error). */
type Reading<T> = { ok: true; value: T } | { ok: false; reason: string; question?: FormQuestionKey };

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

/** Whether `raw.replace(/\s+/g, ' ')` would leave it as it is: printable ASCII with no two spaces together. */
function singleSpaced(raw: string): boolean {
  // A regular expression: for a scan of every character it is quicker than a loop of charCodeAt.
  return !NOT_SINGLE_SPACED.test(raw);
}

/** A character other than printable ASCII and the space, or two spaces together. */
const NOT_SINGLE_SPACED = /[^ -~]| {2}/;

/** A cell of one or two digits as a slot of its own (0–9, then 10–109 for "00" to "99"); -1 for any other cell. */
function digitSlot(raw: string): number {
  const a = raw.charCodeAt(0) - 48;
  if (raw.length === 1) return a >= 0 && a <= 9 ? a : -1;
  if (raw.length !== 2) return -1;
  const b = raw.charCodeAt(1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? 10 + a * 10 + b : -1;
}

/** Whether a figure quickPence took has a separator in it, and so shows the UK number format. */
function showsUkFormat(raw: string): boolean {
  return raw.indexOf('.') >= 0 || raw.indexOf(',') >= 0;
}

/** Counts an error that waits on an open form, noting the form where it is the first (`p` is the error as kept, or would be). */
function noteOpenQuestion(ctx: RowContext, key: FormQuestionKey, p: Problem) {
  const questions = (ctx.openQuestions ??= new Map());
  const at = questions.get(key);
  if (!at) {
    questions.set(key, {
      question: {
        key, values: FORM_VALUES[key], accepted: FORM_ACCEPTED[key], row: p.row ?? 0,
        ...(p.column !== undefined ? { column: p.column } : {}), ...(p.value !== undefined ? { value: p.value } : {}),
        message: p.message, errors: 1, rows: 1,
      },
      lastRow: p.row ?? 0,
    });
    return;
  }
  at.question.errors++;
  if (p.row !== at.lastRow) {
    at.question.rows++;
    at.lastRow = p.row ?? 0;
  }
}

/**
 * Shared cell access and reporting for every kind: one per file, made in createSink. The readers
 * below marked "Forms:" are where a source's forms are to be applied (see the top of this file).
 */
export class RowReader {
  cells: string[] = [];
  rowNumber = 0;
  rejected = false;
  private readonly yearCache = new Map<string, Reading<FinancialYear>>();
  private readonly periodCache = new Map<string, Reading<PeriodOrMonth>>();
  /** Periods of one or two digits ("3", "03", "11"), by their digits: no hashing of the row's new string. */
  private readonly digitPeriods: (Reading<PeriodOrMonth> | undefined)[] = [];
  /** The last year cell read and its reading: a ledger's rows mostly repeat one year. */
  private lastYearRaw = '';
  private lastYear: Reading<FinancialYear> | undefined;
  private readonly blockCache = new Map<string, Block | undefined>();
  private readonly lineCache = new Map<string, string>();
  readonly roundedRows: number[] = [];
  /**
   * The cost-centre map's entry for the row being read, when the file takes its blocks and lines
   * from the map (set by the map stage, sinks/costCentreRows.ts, before the kind's sink reads the row).
   */
  mapped: MapEntry | undefined = undefined;
  /** The columns every row of the money kinds reads, looked up once (-1 where the file has none). */
  private readonly yearCol: number;
  private readonly blockCol: number;
  private readonly lineCol: number;
  /** Any form to apply: false for an ordinary file, which then takes the fast paths only. */
  private formed: boolean;
  /** The block of the last block heading row above (set by the sink stage's heading hook). */
  headingBlock: Block | undefined;
  /** Where the number format was first shown by a cell, for the message when another contradicts it. */
  private numberFormatAt: string | undefined;

  constructor(
    readonly ctx: RowContext,
    readonly map: ColumnMap,
    readonly forms: SourceForms = noForms(),
  ) {
    this.yearCol = map.fields.year ?? -1;
    this.blockCol = map.fields.block ?? -1;
    this.lineCol = map.fields.line ?? -1;
    this.formed = hasForms(forms);
    this.numberFormatAt = forms.numberFormatFrom;
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

  /**
   * The cost centre an actual line is kept under: a row mapped through the budget's own cost
   * centres keeps the budget line's, so the two join; a row mapped by hand or by a map file none,
   * so every code mapped to one line adds to that line.
   */
  costCentre(): string {
    if (this.mapped) return this.mapped.source === 'budget' ? this.mapped.code : '';
    return this.text('costCentre');
  }

  /** The row's financial year cell, trimmed ('' where there is no such column). */
  yearText(): string {
    if (this.yearCol < 0) return this.forms.titleYear === undefined ? '' : fyLabel(this.forms.titleYear);
    return trimCell(this.cells[this.yearCol]);
  }

  /** The row's period or date cell, trimmed; where the file has neither, the period its title lines give. */
  whenText(col: number | undefined): string {
    if (col !== undefined) return trimCell(this.cells[col]);
    return this.forms.titlePeriod === undefined ? '' : `P${this.forms.titlePeriod}`;
  }

  /** Reports a cell; `question` where it cannot be read only because the file leaves that form open. */
  error(col: number | undefined, value: string | undefined, message: string, accepted?: string, question?: FormQuestionKey) {
    this.rejected = true;
    this.ctx.errorCount++;
    const kept = this.ctx.errors.length < MAX_KEPT_PROBLEMS;
    if (!kept && question === undefined) return;
    const p: Problem = {
      severity: 'error',
      file: this.ctx.file,
      row: this.rowNumber,
      ...(col !== undefined ? { column: columnName(this.ctx.header, col) } : {}),
      // A 5 MB cell is quoted as its first and last characters and its length, never whole.
      ...(value !== undefined ? { value: quoteValue(value) } : {}),
      message,
      ...(accepted ? { accepted } : {}),
      ...(question !== undefined ? { question } : {}),
    };
    // Counted even past the errors kept, so the open question says how many rows wait on it.
    if (question !== undefined) noteOpenQuestion(this.ctx, question, p);
    if (kept) this.ctx.errors.push(p);
  }

  fieldError(field: Field, message: string, accepted?: string, question?: FormQuestionKey) {
    const col = this.map.fields[field];
    this.error(col, col === undefined ? undefined : (this.cells[col] ?? '').trim(), message, accepted, question);
  }

  /** Forms: a year given only in the title lines, or as FY2024 resolved from the file's dates. */
  year(raw = this.yearText()): FinancialYear | undefined {
    if (raw === '') return undefined;
    let r = raw === this.lastYearRaw ? this.lastYear : undefined;
    if (!r) {
      r = this.yearCache.get(raw);
      if (!r) this.yearCache.set(raw, (r = this.parseYear(raw)));
      this.lastYearRaw = raw;
      this.lastYear = r;
    }
    if (!r.ok) {
      this.fieldError('year', `not a financial year (${r.reason})`, YEAR_ACCEPTED, r.question);
      return undefined;
    }
    return r.value;
  }

  /** A year cell: the forms calendar.ts reads, or a single-number year (2023, FY2024) as the file's dates say. */
  private parseYear(raw: string): Reading<FinancialYear> {
    const r = parseFinancialYear(raw);
    if (r.ok) return r;
    const y = singleYearOf(raw);
    if (y === undefined) return r;
    const single = this.forms.singleYear;
    if (!single) {
      return { ok: false, question: 'singleYear', reason: `a single year is ambiguous (${y} may be ${fyLabel(y)} or ${fyLabel(y - 1)}) and the file's dates do not say which: choose with the single-year option, ${SINGLE_YEAR_ACCEPTED}` };
    }
    const fy = single === 'start' ? y : y - 1;
    return parseFinancialYear(fyLabel(fy));
  }

  /** The row's financial year, where an empty cell is an error too. */
  requiredYear(): FinancialYear | undefined {
    const fy = this.year();
    if (fy === undefined && this.yearText() === '') this.fieldError('year', 'the financial year is empty', YEAR_ACCEPTED);
    return fy;
  }

  /** Forms: period codes such as 202304, APR-23 or 001/2024, and dates such as 02-APR-2023. */
  periodAt(col: number | undefined, raw: string): PeriodOrMonth | undefined {
    const slot = digitSlot(raw);
    let r = slot < 0 ? this.periodCache.get(raw) : this.digitPeriods[slot];
    if (!r) {
      r = this.parsePeriod(raw);
      if (slot < 0) this.periodCache.set(raw, r);
      else this.digitPeriods[slot] = r;
    }
    if (!r.ok) {
      this.error(col, raw, `not a period or month (${r.reason})`, PERIOD_ACCEPTED + '; and 202304, 001/2024, APR-23, 02-APR-2023', r.question);
      return undefined;
    }
    return r.value;
  }

  /** A period cell: period codes (202304, 001/2024) read as the file's dates (or the user) say, Oracle's 02-APR-2023, then calendar.ts's forms. */
  private parsePeriod(raw: string): Reading<PeriodOrMonth> {
    const code = periodCodeOf(raw);
    if (code) {
      const single = this.forms.singleYear;
      const { periodCode } = this.forms;
      if (code.kind === 'yyyypp' && !periodCode) {
        return { ok: false, question: 'periodCode', reason: `${raw} may be year and month or year and fiscal period, and the file's dates do not say which: choose with the period-code option, ${PERIOD_CODE_ACCEPTED}` };
      }
      if (code.kind === 'yyyypp' && periodCode === 'calendar') return parsePeriodOrMonth(`${code.year}-${String(code.nn).padStart(2, '0')}`);
      if (code.nn < 1 || code.nn > 12) return { ok: false, reason: `fiscal period ${code.nn} is outside 1 to 12 (periods 13 and later are year-end adjustments, not months)` };
      if (!single) {
        return { ok: false, question: 'singleYear', reason: `the fiscal year ${code.year} may be ${fyLabel(code.year)} or ${fyLabel(code.year - 1)}, and the file's dates do not say which: choose with the single-year option, ${SINGLE_YEAR_ACCEPTED}` };
      }
      return { ok: true, value: fiscalPeriod(code.nn, code.year, single) };
    }
    const mon = parseMonDate(raw);
    return mon ? { ok: true, value: mon } : parsePeriodOrMonth(raw);
  }

  /** Forms: a block from a heading row above, or from the cost-centre map. */
  block(): Block | undefined {
    if (this.blockCol < 0 && this.forms.blockHeadings) {
      if (!this.headingBlock) this.error(undefined, undefined, 'no block heading (such as "High Needs Block") above this row, and the file has no block column', BLOCK_ACCEPTED);
      return this.headingBlock;
    }
    const raw = this.blockCol < 0 ? '' : trimCell(this.cells[this.blockCol]);
    if (this.mapped) {
      // The map gives the block; a block the row gives as well must agree with it.
      if (raw !== '' && parseBlock(raw) !== this.mapped.block) {
        this.fieldError('block', `the cost-centre map puts this row in ${this.mapped.block} / ${this.mapped.line}, but its block is "${raw}"`, 'a block that agrees with the cost-centre map');
        return undefined;
      }
      return this.mapped.block;
    }
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
    if (this.mapped) return this.mapped.line;
    const raw = this.lineCol < 0 ? '' : trimCell(this.cells[this.lineCol]);
    if (raw === '') {
      this.fieldError('line', 'the budget line is empty', 'the name of the budget line, as in the budget file');
      return undefined;
    }
    // Most names have no run of spaces, tab or newline to fold: taken as they are, with no hashing
    // into the cache (a budget's names are each new).
    if (singleSpaced(raw)) return raw;
    let name = this.lineCache.get(raw);
    if (name === undefined) this.lineCache.set(raw, (name = raw.replace(/\s+/g, ' ')));
    return name;
  }

  /**
   * Money in a column: a value, null where the cell is empty (missing, not zero), undefined on error.
   * Forms: debit and credit columns, a trailing minus, European decimals, units such as £000.
   */
  moneyAt(col: number): Pence | null | undefined {
    // (A budget-v-actual report's two readers share the forms: either may find the file European.)
    if (this.formed || this.forms.numberFormat === 'european') return this.formedMoneyAt(col);
    const raw = this.cells[col] ?? '';
    // An empty cell is missing, not zero (a wide file's months not yet reached).
    if (raw === '') return null;
    const quick = quickPence(raw);
    if (quick !== undefined) {
      // A decimal point or a thousands comma in a figure the quick reader takes shows the file's
      // numbers are UK style (1,234.56, 1,234, 12.5): 22.590 is then £22.59.
      if (this.forms.numberFormat === undefined && showsUkFormat(raw)) this.lockNumberFormat('uk', col, raw);
      return this.counted(quick);
    }
    return this.slowMoney(col, raw, 0);
  }

  private lockNumberFormat(format: 'uk' | 'european', col: number, raw: string) {
    this.forms.numberFormat = format;
    // From here on every cell takes the formed path, where a European file's 1234.56 is not plain.
    if (format === 'european') this.formed = true;
    this.numberFormatAt = `as row ${this.rowNumber}, column ${columnName(this.ctx.header, col)}, "${raw.trim()}", shows`;
  }

  /** Money with the file's forms: Dr − Cr, units, the European form. */
  private formedMoneyAt(col: number): Pence | null | undefined {
    const { debitCol, creditCol } = this.forms;
    if (col === debitCol && creditCol !== undefined) {
      const d = this.formedCell(debitCol);
      const c = this.formedCell(creditCol);
      if (d === undefined || c === undefined) return undefined;
      if (d === null && c === null) return null;
      return sub(d ?? ZERO, c ?? ZERO);
    }
    return this.formedCell(col);
  }

  private formedCell(col: number): Pence | null | undefined {
    const raw = this.cells[col] ?? '';
    const exp = this.forms.unitExp[col] ?? 0;
    if (this.forms.numberFormat !== 'european') {
      const plain = quickPence(raw);
      if (plain !== undefined) {
        if (this.forms.numberFormat === undefined && showsUkFormat(raw)) this.lockNumberFormat('uk', col, raw);
        if (exp === 0) return this.counted(plain);
        const scaled = plain * 10 ** exp;
        if (Math.abs(scaled) <= MAX_CELL_PENCE) return this.counted(pence(scaled));
      }
    }
    return this.slowMoney(col, raw, exp);
  }

  /**
   * A cell the plain reader did not take: a trailing minus moved to the front, the number format
   * decided (or asked for where `22.590` could be either), a unit applied by digits, then parseMoney.
   */
  private slowMoney(col: number, raw: string, exp: number): Pence | null | undefined {
    let s = moveTrailingMinus(raw);
    const evidence = numberEvidence(s);
    const format = this.forms.numberFormat;
    if (evidence === 'ambiguous' && format === undefined) {
      this.error(col, raw.trim(), `the amount could be whole pounds with a thousands point (European, £${swapSeparators(raw.trim()).replace(/[^\d,]/g, '')}) or pounds and pence (UK), and the file's other amounts do not say which`,
        `choose with the number-format option, ${NUMBER_FORMAT_ACCEPTED}`, 'numberFormat');
      return undefined;
    }
    if ((evidence === 'uk' || evidence === 'european') && format !== undefined && evidence !== format) {
      this.error(col, raw.trim(), `the amount is written in the ${evidence === 'uk' ? 'UK form (1,234.56)' : 'European form (1.234,56)'}, but the file's amounts are ${format === 'uk' ? 'UK' : 'European'} style (${this.numberFormatAt ?? 'as chosen'})`,
        `every amount of a file in one form, ${NUMBER_FORMAT_ACCEPTED}`);
      return undefined;
    }
    if ((evidence === 'uk' || evidence === 'european') && format === undefined) this.lockNumberFormat(evidence, col, raw);
    if (this.forms.numberFormat === 'european') s = swapSeparators(s);
    if (exp > 0) {
      const scaled = withUnit(s, exp);
      if (scaled === undefined) {
        this.error(col, raw.trim(), `the amount has a unit of its own, but its column is in ${exp === 6 ? '£m' : '£000'}`, 'the figure alone, in the column\'s unit');
        return undefined;
      }
      s = scaled;
    }
    const r = parseMoney(s);
    if (!r.ok) {
      this.error(col, raw.trim(), `not an amount of money (${r.reason})`, MONEY_ACCEPTED);
      return undefined;
    }
    if ('missing' in r) return null;
    if (r.rounded && this.roundedRows[this.roundedRows.length - 1] !== this.rowNumber) this.roundedRows.push(this.rowNumber);
    return this.counted(r.pence);
  }

  /**
   * Each cell is at most £1tn, but a file's cells together must stay within MAX_TOTAL_PENCE, or
   * the totals worked out from them could not be exact. Past it, no more amounts are taken (so no
   * sum can overflow) and importSource refuses the file, naming the row where the total passed.
   */
  private counted(p: Pence): Pence | undefined {
    const ctx = this.ctx;
    if (ctx.totalPassedAt === undefined) {
      ctx.moneyTotal = (ctx.moneyTotal ?? 0) + Math.abs(p);
      if (ctx.moneyTotal <= MAX_TOTAL_PENCE) return p;
      ctx.totalPassedAt = this.rowNumber;
    }
    this.rejected = true;
    return undefined;
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
