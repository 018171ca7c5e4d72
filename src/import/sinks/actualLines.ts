/** What the actuals sinks (long, ledger and wide) share: the lines they fill and the year of a row. */
import {
  FIRST_FY,
  LAST_FY,
  YEAR_ACCEPTED,
  fyLabel,
  fyOfPeriodOrMonth,
  type FinancialYear,
  type PeriodOrMonth,
} from '../../model/calendar';
import type { Block } from '../../model/blocks';
import type { ActualLine } from '../../model/dataset';
import { LineMap } from '../../domain/lineMap';
import { type Pence, sub, ZERO } from '../../model/money';
import type { RowReader } from '../columns';

/** The financial year of an actuals row: its year cell, or the year its month names; they must agree. */
export function rowYear(r: RowReader, when: PeriodOrMonth | undefined, whenCol: number | undefined, headerFy?: number): FinancialYear | undefined {
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

/** A line as the import returns it, with the row each of its periods came from (kept apart, so the line is returned as it is, not copied). */
export interface LineEntry {
  line: ActualLine;
  rowAt: number[];
}

/** Lines and their twelve periods, keyed by year, block, name and cost centre. */
export class ActualsAccumulator {
  /** The lines in the order first met. */
  readonly lines: LineEntry[] = [];
  private readonly index = new LineMap<LineEntry>();

  get(fy: FinancialYear, block: Block, line: string, costCentre: string): LineEntry {
    const found = this.index.find(fy, block, line, costCentre);
    if (found) return found;
    // Literals, not Array(12).fill: packed arrays, which every later pass over them reads faster.
    const actuals: (Pence | null)[] = [null, null, null, null, null, null, null, null, null, null, null, null];
    const forecasts: (Pence | null)[] = [null, null, null, null, null, null, null, null, null, null, null, null];
    const entry: LineEntry = {
      line: costCentre ? { fy, block, line, costCentre, actuals, forecasts } : { fy, block, line, actuals, forecasts },
      rowAt: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    };
    this.lines.push(entry);
    this.index.addNew(fy, block, line, costCentre, entry);
    return entry;
  }
}

export function stripInternal(entries: Iterable<LineEntry>): ActualLine[] {
  const out: ActualLine[] = [];
  for (const e of entries) out.push(e.line);
  return out;
}

/** In-month = YTD(p) − YTD(previous period held). */
export function differenceYtd(r: RowReader, acc: ActualsAccumulator) {
  const gaps: string[] = [];
  for (const { line } of acc.lines) {
    let previous: Pence = ZERO;
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

