/**
 * The budget-lines table for finance officers: filter by block, period and words, sort by any
 * column. Sorting compares exact pence (integers), never formatted text.
 */
import type { Block } from '../../model/blocks';
import { BLOCKS } from '../../model/blocks';
import type { LineFigures } from '../../domain/calculate';
import { ZERO, sub, sum, type Pence } from '../../model/money';

export type SortKey = 'block' | 'line' | 'budget' | 'actualToDate' | 'forecastOutturn' | 'variance' | 'monthBudget' | 'monthActual' | 'monthVariance';
export type SortDir = 'ascending' | 'descending';

export interface LineFilter {
  block: Block | null;
  /** Show this period's in-month figures beside the year's. */
  period: number | null;
  query: string;
}

/** A line's year figures as calculated, with its key and the chosen period's in-month figures. */
export interface LineRow
  extends Pick<
    LineFigures,
    'block' | 'line' | 'costCentre' | 'budget' | 'actualToDate' | 'forecastOutturn' | 'forecastGiven' | 'variance' | 'commentary' | 'commentBy' | 'commentAt' | 'monthComments' | 'unbudgeted'
  > {
  key: string;
  /** In-month budget, actual and variance for the chosen period (null when none chosen). */
  month: { budget: Pence; actual: Pence | null; variance: Pence } | null;
}

export function lineRows(lines: LineFigures[], filter: LineFilter): LineRow[] {
  const q = filter.query.trim().toLowerCase();
  return lines
    .filter((l) => filter.block === null || l.block === filter.block)
    .filter((l) => !q || `${l.line} ${l.costCentre ?? ''} ${l.commentary ?? ''} ${l.monthComments.map((c) => c.text).join(' ')}`.toLowerCase().includes(q))
    .map((l, i) => {
      const p = filter.period;
      const mb = p === null ? null : l.profile[p - 1]!;
      const ma = p === null ? null : (l.actuals[p - 1] ?? null);
      return {
        key: `${l.block}|${l.line}|${l.costCentre ?? ''}|${i}`,
        block: l.block,
        line: l.line,
        ...(l.costCentre ? { costCentre: l.costCentre } : {}),
        budget: l.budget,
        actualToDate: l.actualToDate,
        forecastOutturn: l.forecastOutturn,
        forecastGiven: l.forecastGiven,
        variance: l.variance,
        ...(l.commentary ? { commentary: l.commentary } : {}),
        ...(l.commentBy ? { commentBy: l.commentBy, commentAt: l.commentAt } : {}),
        monthComments: l.monthComments,
        unbudgeted: l.unbudgeted,
        month: mb === null ? null : { budget: mb, actual: ma, variance: sub(ma ?? ZERO, mb) },
      };
    });
}

function value(r: LineRow, key: SortKey): number | string {
  switch (key) {
    case 'block': return BLOCKS.indexOf(r.block);
    case 'line': return r.line.toLowerCase();
    case 'monthBudget': return r.month?.budget ?? 0;
    case 'monthActual': return r.month?.actual ?? 0;
    case 'monthVariance': return r.month?.variance ?? 0;
    default: return r[key];
  }
}

export function sortRows(rows: LineRow[], key: SortKey, dir: SortDir): LineRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, key);
    const y = value(b, key);
    const c = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, 'en-GB') : (x as number) - (y as number);
    // Ties keep the ledger order (block, then as the files list them), so the table stays stable.
    return c * sign || BLOCKS.indexOf(a.block) - BLOCKS.indexOf(b.block);
  });
}

export interface LineTotals {
  budget: Pence;
  actualToDate: Pence;
  forecastOutturn: Pence;
  variance: Pence;
  month: { budget: Pence; actual: Pence; variance: Pence } | null;
}

export function totals(rows: LineRow[]): LineTotals {
  const months = rows.map((r) => r.month).filter((m) => m !== null);
  return {
    budget: sum(rows.map((r) => r.budget)),
    actualToDate: sum(rows.map((r) => r.actualToDate)),
    forecastOutturn: sum(rows.map((r) => r.forecastOutturn)),
    variance: sum(rows.map((r) => r.variance)),
    month: months.length === 0 ? null : {
      budget: sum(months.map((m) => m.budget)),
      actual: sum(months.map((m) => m.actual ?? ZERO)),
      variance: sum(months.map((m) => m.variance)),
    },
  };
}
