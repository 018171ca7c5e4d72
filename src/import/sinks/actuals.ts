/**
 * Actuals, one row per line and period, and ledgers (transactions), whose rows for the same line
 * and period are added up.
 */
import { PERIOD_ACCEPTED, type PeriodOrMonth } from '../../model/calendar';
import { emptyDataset } from '../../model/dataset';
import { MONEY_ACCEPTED } from '../../domain/money';
import { add, sub, type Pence } from '../../model/money';
import type { ActualLine } from '../../model/dataset';
import type { RowReader } from '../columns';
import { MAX_KEPT_PROBLEMS, columnName } from '../problems';
import { ActualsAccumulator, differenceYtd, rowYear, stripInternal } from './actualLines';
import type { Sink } from './common';

/**
 * A file detected as actuals (not chosen so by the user) whose rows repeat a line and period as a
 * transaction listing does is read as a ledger, and says so: it has no date, reference or supplier
 * column to tell it by, only its rows. On average this many rows per line and period, and at least
 * `LEDGER_MIN_REPEATS` repeated rows, make a listing; fewer repeats are errors in a one-row-per-line file.
 */
export const LEDGER_ROWS_PER_LINE = 1.5;
export const LEDGER_MIN_REPEATS = 3;

/** A row that repeated a line and period, added in for now, with what it changed (to take it back out). */
interface Repeat {
  line: ActualLine;
  /** The line's rows by period (its accumulator entry's). */
  rowAt: number[];
  p: number;
  actual: Pence;
  forecastBefore: Pence | null;
  rowAtBefore: number;
  commentaryBefore: string | undefined;
  rowNumber: number;
  value: string;
}

export function actualsSink(r: RowReader, ledger: boolean, mayBeLedger = false): Sink {
  const acc = new ActualsAccumulator();
  const repeats: Repeat[] = [];
  let rowsWithActual = 0;
  const periodCol = r.map.fields.period ?? r.map.fields.date;
  const actualCol = r.map.fields.actual!;
  const forecastCol = r.map.fields.forecast;
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const whenRaw = r.whenText(periodCol);
      let when: PeriodOrMonth | undefined;
      if (whenRaw === '') r.error(periodCol, '', 'the period is empty', PERIOD_ACCEPTED);
      else when = r.periodAt(periodCol, whenRaw);
      const fy = rowYear(r, when, periodCol);
      const block = r.block();
      const line = r.line();
      const actual = r.moneyAt(actualCol);
      const forecast = forecastCol === undefined ? null : r.moneyAt(forecastCol);
      if (r.rejected || !when || fy === undefined || !block || !line || actual === undefined || forecast === undefined) return false;
      const e = acc.get(fy, block, line, r.costCentre());
      const a = e.line;
      const p = when.period - 1;
      let adding = ledger;
      if (actual !== null) {
        rowsWithActual++;
        const prev = a.actuals[p]!;
        if (prev !== null && !ledger) {
          if (!mayBeLedger) {
            r.error(actualCol, (cells[actualCol] ?? '').trim(), repeatMessage(e.rowAt[p]!), REPEAT_ACCEPTED);
            return false;
          }
          // Added in for now; finish() decides whether the file is a listing or has repeated rows.
          repeats.push({
            line: a, rowAt: e.rowAt, p, actual, forecastBefore: a.forecasts[p]!, rowAtBefore: e.rowAt[p]!, commentaryBefore: a.commentary,
            rowNumber, value: (cells[actualCol] ?? '').trim(),
          });
          adding = true;
        }
        a.actuals[p] = prev === null ? actual : add(prev, actual);
        e.rowAt[p] = rowNumber;
      }
      if (forecast !== null) a.forecasts[p] = adding && a.forecasts[p] !== null ? add(a.forecasts[p]!, forecast) : forecast;
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
      if (repeats.length > 0) settleRepeats(r, repeats, rowsWithActual);
      if (r.map.ytd) differenceYtd(r, acc);
      r.finishWarnings();
      return { ...emptyDataset(), actuals: stripInternal(acc.lines) };
    },
  };
}

const REPEAT_ACCEPTED = 'one row per budget line and period';

function repeatMessage(firstRow: number): string {
  return `a second actual for this line and period (the first is in row ${firstRow}); if the file lists transactions, import it as a ledger, whose rows are added up`;
}

/**
 * Repeated lines and periods in a file detected as actuals: a listing's many repeats make it a
 * ledger (said in a warning), a few are errors, as in a file the user chose to read as actuals.
 */
function settleRepeats(r: RowReader, repeats: Repeat[], rowsWithActual: number) {
  const ctx = r.ctx;
  const distinct = rowsWithActual - repeats.length;
  if (repeats.length >= LEDGER_MIN_REPEATS && rowsWithActual >= LEDGER_ROWS_PER_LINE * distinct) {
    ctx.readAs = 'ledger';
    ctx.warnings.unshift({
      severity: 'warning', file: ctx.file,
      message: `read as a ledger (one row per transaction): ${repeats.length.toLocaleString('en-GB')} of its ${rowsWithActual.toLocaleString('en-GB')} rows repeat a line and period given earlier, as a transaction listing does, so the rows of each line and period were added up; if the file has one row per line and period, choose "actuals" as its kind and correct the repeated rows`,
      accepted: 'a ledger (rows added up), or actuals with one row per line and period',
    });
    return;
  }
  // Not a listing: take the repeats back out, latest first, and reject them as errors.
  for (let i = repeats.length - 1; i >= 0; i--) {
    const x = repeats[i]!;
    x.line.actuals[x.p] = sub(x.line.actuals[x.p]!, x.actual);
    x.line.forecasts[x.p] = x.forecastBefore;
    x.rowAt[x.p] = x.rowAtBefore;
    if (x.commentaryBefore === undefined) delete x.line.commentary;
    else x.line.commentary = x.commentaryBefore;
  }
  const col = columnName(ctx.header, r.map.fields.actual!);
  // The row each line and period was first given in: before its first repeat.
  const firstRow = new Map<ActualLine, number[]>();
  for (const x of repeats) {
    ctx.errorCount++;
    ctx.lateRejected = (ctx.lateRejected ?? 0) + 1;
    let rows = firstRow.get(x.line);
    if (!rows) firstRow.set(x.line, (rows = []));
    const first = (rows[x.p] ??= x.rowAtBefore);
    if (ctx.errors.length >= MAX_KEPT_PROBLEMS) continue;
    ctx.errors.push({ severity: 'error', file: ctx.file, row: x.rowNumber, column: col, value: x.value, message: repeatMessage(first), accepted: REPEAT_ACCEPTED });
  }
  ctx.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
