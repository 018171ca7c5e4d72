/** Wide actuals: one row per line, a column per month (P1 … P12, Apr-22 …), and a forecast column. */
import { fyLabel } from '../../model/calendar';
import { emptyDataset, type ActualLine } from '../../model/dataset';
import type { Pence } from '../../model/money';
import type { RowReader } from '../columns';
import { ActualsAccumulator, differenceYtd, rowYear, stripInternal } from './actualLines';
import type { Sink } from './common';

export function wideSink(r: RowReader): Sink {
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
      const months = r.map.months;
      const values = new Array<Pence | null | undefined>(months.length);
      for (let i = 0; i < months.length; i++) values[i] = r.moneyAt(months[i]!.col);
      const forecast = forecastCol === undefined ? null : r.moneyAt(forecastCol);
      if (r.rejected || fy === undefined || !block || !line || forecast === undefined) return false;
      const e = acc.get(fy, block, line, r.costCentre());
      const a = e.line;
      // Check the whole row before taking any of it, so a rejected row adds nothing.
      for (let i = 0; i < months.length; i++) {
        const m = months[i]!;
        if (values[i] !== null && a.actuals[m.period - 1] !== null) {
          r.error(m.col, (cells[m.col] ?? '').trim(), `a second actual for this line and period (the first is in row ${e.rowAt[m.period - 1]})`, 'one row per budget line');
        }
      }
      if (r.rejected) return false;
      for (let i = 0; i < months.length; i++) {
        const v = values[i];
        if (v === null || v === undefined) continue;
        const p = months[i]!.period;
        a.actuals[p - 1] = v;
        e.rowAt[p - 1] = rowNumber;
        if (p > latestPeriod) latestPeriod = p;
      }
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
      return { ...emptyDataset(), actuals: stripInternal(acc.lines) };
    },
  };
}
