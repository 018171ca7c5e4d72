/** DSG income: one total per year and block, rows for the same one added up (with a warning). */
import type { Block } from '../../model/blocks';
import { fyLabel, type FinancialYear } from '../../model/calendar';
import { emptyDataset } from '../../model/dataset';
import { add, type Pence } from '../../model/money';
import { toFixed2 } from '../../domain/money';
import type { RowReader } from '../columns';
import { listRows } from '../problems';
import type { Sink } from './common';

export function fundingSink(r: RowReader): Sink {
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
