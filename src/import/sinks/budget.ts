/** Budgets: one row per line and year, with an optional twelve-month profile that must sum to the budget. */
import { emptyDataset, type BudgetLine } from '../../model/dataset';
import { LineMap } from '../../domain/lineMap';
import { sum, type Pence } from '../../model/money';
import { toFixed2 } from '../../domain/money';
import type { RowReader } from '../columns';
import type { Sink } from './common';

const NO_VALUES: (Pence | null)[] = [];

export function budgetSink(r: RowReader): Sink {
  const lines: BudgetLine[] = [];
  /** The row each line came from. */
  const seen = new LineMap<number>();
  return {
    row(cells, rowNumber) {
      r.start(cells, rowNumber);
      const fy = r.requiredYear();
      const block = r.block();
      const line = r.line();
      const budget = r.requiredMoney('budget', 'budget');
      const profileValues = r.map.months.length === 0 ? NO_VALUES : r.map.months.map((m) => r.moneyAt(m.col));
      if (r.rejected || fy === undefined || !block || !line || budget === undefined) return false;
      const costCentre = r.text('costCentre');
      const id = { fy, block, line, costCentre };
      // Taken as seen here, and forgotten again if the row is rejected below.
      const first = seen.getOrSet(id, rowNumber);
      if (first !== undefined) {
        r.fieldError('line', `the same budget line appears twice (first in row ${first})`, 'each budget line once per year');
        return false;
      }
      let profile: Pence[] | undefined;
      const given = profileValues.filter((v) => v !== null).length;
      if (given > 0) {
        if (given < 12 || r.map.months.length < 12) {
          r.error(r.map.months[0]?.col, undefined, `the monthly profile has ${given} of 12 months`, 'all twelve months P1 to P12, or none (straight-line)');
          seen.delete(id);
          return false;
        }
        profile = new Array<Pence>(12);
        for (let i = 0; i < r.map.months.length; i++) profile[r.map.months[i]!.period - 1] = profileValues[i]!;
        const total = sum(profile);
        if (total !== budget) {
          r.fieldError('budget', `the monthly profile adds up to ${toFixed2(total)}, not the budget of ${toFixed2(budget)}`, 'a profile that sums to the annual budget');
          seen.delete(id);
          return false;
        }
      }
      const comment = r.text('commentary');
      // The optional fields set after the literal, in the same order: cheaper than spreading them in.
      const b: BudgetLine = { fy, block, line, budget };
      if (costCentre) b.costCentre = costCentre;
      if (profile) b.profile = profile;
      if (comment) b.commentary = comment;
      lines.push(b);
      return true;
    },
    finish() {
      r.finishWarnings();
      return { ...emptyDataset(), budgets: lines };
    },
  };
}
