/**
 * The ESFA's allocations beside the council's own DSG income (its funding file), block by block,
 * with the differences: a reconciliation to explain, never an input to the calculations (a budget
 * file often holds only part of a block, e.g. the schools block after academies' recoupment).
 */
import { BLOCKS, type Block } from '../model/blocks';
import { fyLabel, type FinancialYear } from '../model/calendar';
import type { FundingRow } from '../model/dataset';
import { fromPounds, toFixed2 } from '../domain/money';
import { sub, sum, type Pence } from '../model/money';
import { readCell } from './cells';
import type { NationalData } from './merge';

const BLOCK_COLUMN: Record<Block, string> = { Schools: 'schools', 'Central School Services': 'cssb', 'High Needs': 'hnb', 'Early Years': 'ey' };

export interface ReconciliationRow {
  fy: FinancialYear;
  /** A block, or 'Total'. */
  block: Block | 'Total';
  before: Pence | null;
  after: Pence | null;
  /** The council's DSG income for the block in its funding file; null where it holds none. */
  income: Pence | null;
  /** income − before and income − after. */
  differenceBefore: Pence | null;
  differenceAfter: Pence | null;
}

export interface Reconciliation {
  file: string;
  rows: ReconciliationRow[];
}

const pence = (raw: string | undefined): Pence | null => {
  const c = readCell(raw);
  return c.ok ? fromPounds(c.value) : null;
};

export function reconcileAllocations(data: NationalData, la: string, funding: FundingRow[]): Reconciliation | null {
  const table = data.allocations;
  if (!table) return null;
  const at = (c: string) => table.columns.indexOf(c);
  const rows: ReconciliationRow[] = [];
  const files = new Set<string>();
  for (const r of table.rows.filter((x) => x.level === 'la' && x.la === la).sort((a, b) => a.period.localeCompare(b.period))) {
    const fy = Number(r.period.slice(0, 4));
    files.add(table.fileOf[r.period] ?? '');
    const held = funding.filter((f) => f.fy === fy);
    const line = (block: Block | 'Total', column: string): ReconciliationRow => {
      const before = pence(r.values[at(`${column}_before`)]);
      const after = pence(r.values[at(`${column}_after`)]);
      const inBlock = block === 'Total' ? held : held.filter((f) => f.block === block);
      const income = inBlock.length === 0 ? null : sum(inBlock.map((f) => f.income));
      return {
        fy, block, before, after, income,
        differenceBefore: income !== null && before !== null ? sub(income, before) : null,
        differenceAfter: income !== null && after !== null ? sub(income, after) : null,
      };
    };
    for (const b of BLOCKS) rows.push(line(b, BLOCK_COLUMN[b]));
    rows.push(line('Total', 'total'));
  }
  return rows.length === 0 ? null : { file: [...files].join(', '), rows };
}

export function reconciliationJson(r: Reconciliation) {
  const m = (p: Pence | null) => (p === null ? null : toFixed2(p));
  return r.rows.map((x) => ({
    year: fyLabel(x.fy), block: x.block, beforeRecoupment: m(x.before), afterRecoupment: m(x.after), fundingFileIncome: m(x.income),
    differenceBefore: m(x.differenceBefore), differenceAfter: m(x.differenceAfter),
  }));
}
