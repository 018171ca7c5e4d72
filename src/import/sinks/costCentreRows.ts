/**
 * The cost-centre map's place in the row stream: between the skipping of blank and totals rows
 * and the kind's sink, for a file whose rows give a cost centre or account but no block or line.
 * Each row is matched (a cached hash-map hit per distinct cell), then handed to the kind's sink
 * with its block and line from the map, or excluded (counted and totalled), or rejected with an
 * error naming the code.
 */
import { add, type Pence } from '../../model/money';
import { parseMoney } from '../../domain/money';
import type { CostCentreStage } from '../costCentreStage';
import { plainPence, type RowReader } from '../columns';
import type { Sink } from './common';

export function costCentreRows(r: RowReader, inner: Sink, stage: CostCentreStage): Sink {
  const amountCols = r.map.kind === 'actualsWide' ? r.map.months.map((m) => m.col) : r.map.fields.actual !== undefined ? [r.map.fields.actual] : [];
  let cells: string[] = [];
  /** The row's amount (a wide row's months added up); loud reports a cell that cannot be read. */
  const amount = (quiet: boolean): Pence | null | undefined => {
    let total: Pence | null = null;
    for (const col of amountCols) {
      let v: Pence | null | undefined;
      if (quiet) {
        const raw = cells[col] ?? '';
        const plain = plainPence(raw);
        const m = plain === undefined ? parseMoney(raw) : undefined;
        v = plain !== undefined ? plain : m && m.ok ? ('missing' in m ? null : m.pence) : undefined;
      } else v = r.moneyAt(col);
      if (v === undefined) return undefined;
      if (v !== null) total = total === null ? v : add(total, v);
    }
    return total;
  };
  return {
    row(row, rowNumber) {
      cells = row;
      r.start(row, rowNumber);
      const d = stage.decide(row, rowNumber, amount);
      if (d.kind === 'rejected') return false;
      if (d.kind === 'excluded') return r.rejected ? false : 'excluded';
      r.mapped = d.entry;
      try {
        return inner.row(row, rowNumber);
      } finally {
        r.mapped = undefined;
      }
    },
    finish() {
      return inner.finish();
    },
  };
}
