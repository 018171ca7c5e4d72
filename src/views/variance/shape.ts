/**
 * Data for the Variance view: in-month variance (actual − budget profile) by block for each
 * period, the cumulative year-to-date variance, and budget against forecast outturn per block.
 */
import type { Block } from '../../model/blocks';
import type { YearFigures } from '../../domain/calculate';
import { monthLabel, monthOfPeriod, monthShortLabel } from '../../model/calendar';
import { formatPounds } from '../../domain/format';
import { abs, add, type Pence, sum, ZERO } from '../../model/money';
import { plot } from '../../charts/plot';

export interface VarianceMonthRow {
  period: number;
  /** "Apr-22", for the axis. */
  short: string;
  /** "April 2022", for tables and tooltips. */
  month: string;
  byBlock: Partial<Record<Block, Pence>>;
  total: Pence;
  /** Year-to-date variance at the end of this month, all blocks. */
  cumulative: Pence;
  /** Plotting numbers, keyed "p:<block>" and "p:cumulative". */
  [plotKey: `p:${string}`]: number;
}

export function blocksWithMonths(y: YearFigures): Block[] {
  return y.blocks.map((b) => b.block).filter((b) => y.months.some((m) => m.block === b));
}

export function varianceMonthRows(y: YearFigures): VarianceMonthRow[] {
  const blocks = blocksWithMonths(y);
  const rows: VarianceMonthRow[] = [];
  let running = ZERO;
  for (let p = 1; p <= (y.latestPeriod ?? 0); p++) {
    const ms = y.months.filter((m) => m.period === p);
    const byBlock: Partial<Record<Block, Pence>> = {};
    for (const m of ms) byBlock[m.block] = m.variance;
    const total = sum(ms.map((m) => m.variance));
    running = add(running, total);
    const cal = monthOfPeriod(y.fy, p);
    const row: VarianceMonthRow = { period: p, short: monthShortLabel(cal), month: monthLabel(cal), byBlock, total, cumulative: running };
    for (const b of blocks) row[`p:${b}`] = plot(byBlock[b] ?? ZERO);
    row['p:cumulative'] = plot(running);
    rows.push(row);
  }
  return rows;
}

/** Year-to-date variance per block: the sum of its in-month variances. */
export function yearToDateByBlock(y: YearFigures): { block: Block; variance: Pence }[] {
  return blocksWithMonths(y).map((block) => ({ block, variance: sum(y.months.filter((m) => m.block === block).map((m) => m.variance)) }));
}

/** The variance chart's heading; `money` is the page's form (whole pounds, or the paper's £m). */
export function varianceFinding(y: YearFigures, money: (p: Pence) => string = formatPounds): string {
  const rows = varianceMonthRows(y);
  const last = rows[rows.length - 1];
  if (!last) return `No actuals are loaded for ${y.label}`;
  const ytd = yearToDateByBlock(y);
  const driver = [...ytd].sort((a, b) => Math.abs(b.variance) - Math.abs(a.variance))[0];
  const c = last.cumulative;
  const position = c === 0 ? 'exactly on the year-to-date budget' : `${money(abs(c))} ${c > 0 ? 'over' : 'under'} the year-to-date budget`;
  const by = driver && driver.variance !== 0
    ? `, driven by ${driver.block} (${money(abs(driver.variance))} ${driver.variance > 0 ? 'over' : 'under'})`
    : '';
  return `By ${last.month} spending was ${position}${by}`;
}

export interface BlockOutturnRow {
  block: Block;
  budget: Pence;
  forecastOutturn: Pence;
  variance: Pence;
  pBudget: number;
  pOutturn: number;
}

export function blockOutturnRows(y: YearFigures): BlockOutturnRow[] {
  return y.blocks.map((b) => ({
    block: b.block,
    budget: b.budget,
    forecastOutturn: b.forecastOutturn,
    variance: b.variance,
    pBudget: plot(b.budget),
    pOutturn: plot(b.forecastOutturn),
  }));
}

export function outturnFinding(y: YearFigures): string {
  const final = y.latestPeriod === 12;
  const over = y.blocks.filter((b) => b.variance > 0);
  const under = y.blocks.filter((b) => b.variance < 0);
  const list = (bs: typeof over) => bs.map((b) => `${b.block} ${formatPounds(abs(b.variance))}`).join(', ');
  const parts: string[] = [];
  if (over.length) parts.push(`${final ? 'over budget' : 'forecast over budget'}: ${list(over)}`);
  if (under.length) parts.push(`${final ? 'under' : 'forecast under'}: ${list(under)}`);
  if (!parts.length) return `Every block ${final ? 'spent' : 'is forecast to spend'} exactly its budget`;
  const s = parts.join('; ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
