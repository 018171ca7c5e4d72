/**
 * Actuals, one row per line and period, and ledgers (transactions), whose rows for the same line
 * and period are added up.
 */
import { PERIOD_ACCEPTED, type PeriodOrMonth } from '../../domain/calendar';
import { emptyDataset } from '../../domain/dataset';
import { MONEY_ACCEPTED, add } from '../../domain/money';
import { trimCell, type RowReader } from '../columns';
import { columnName } from '../problems';
import { ActualsAccumulator, differenceYtd, rowYear, stripInternal } from './actualLines';
import type { Sink } from './common';

export function actualsSink(r: RowReader, ledger: boolean): Sink {
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
