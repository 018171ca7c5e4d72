/**
 * Issue 14, point 3: the ESFA's allocation as a year's DSG income, but only for a year the user
 * chose and that no funding file covers. The allocations are otherwise never used in the
 * calculations (a budget file often holds only part of a block), so where they are, every view says
 * so. The figure used is the allocation after academies' recoupment and the ESFA's direct funding of
 * places: what the ESFA pays the council. A year is used whole or not at all: if any block's figure
 * is not published, none of that year's is used, and the reason is given.
 */
import { BLOCKS } from '../model/blocks';
import { fyLabel, type FinancialYear } from '../model/calendar';
import type { FundingRow } from '../model/dataset';
import { ZERO, sum, type Pence } from '../model/money';
import type { NationalData } from './merge';
import { reconcileAllocations } from './reconcile';

export interface AllocationIncomeUse {
  fy: FinancialYear;
  /** The allocations file the figures come from. */
  file: string;
  la: string;
  /** One row per block with a figure above zero, marked as from the allocation. */
  rows: FundingRow[];
  total: Pence;
}

export interface AllocationIncome {
  /** The council's funding rows with the allocation's added for the years used. */
  funding: FundingRow[];
  used: AllocationIncomeUse[];
  /** Years chosen but not used, each with the reason in words. */
  notUsed: { fy: FinancialYear; reason: string }[];
}

/** The funding file's own rows: those the allocation added are left out. */
export const ownFunding = (funding: FundingRow[]) => funding.filter((f) => f.fromAllocation === undefined);

export function allocationIncome(data: NationalData, la: string | undefined, years: readonly FinancialYear[], funding: FundingRow[]): AllocationIncome {
  const own = ownFunding(funding);
  const out: AllocationIncome = { funding: own, used: [], notUsed: [] };
  if (years.length === 0) return out;
  const chosen = [...new Set(years)].sort((a, b) => a - b);
  const no = (reason: (fy: FinancialYear) => string) => {
    for (const fy of chosen) out.notUsed.push({ fy, reason: reason(fy) });
    return out;
  };
  if (!la) return no(() => 'no LA code is set, so no allocation can be found');
  if (!data.allocations) return no(() => 'no DSG allocations table is held');
  const rec = reconcileAllocations(data, la, []);
  const added: FundingRow[] = [];
  for (const fy of chosen) {
    if (own.some((f) => f.fy === fy)) {
      out.notUsed.push({ fy, reason: `your funding file holds DSG income for ${fyLabel(fy)}, which is used instead` });
      continue;
    }
    const lines = rec?.rows.filter((r) => r.fy === fy && r.block !== 'Total') ?? [];
    if (lines.length === 0) {
      out.notUsed.push({ fy, reason: `the allocations held have no ${fyLabel(fy)} row for LA ${la}` });
      continue;
    }
    const missing = BLOCKS.filter((b) => lines.find((l) => l.block === b)?.after == null);
    if (missing.length > 0) {
      out.notUsed.push({ fy, reason: `the ${fyLabel(fy)} allocation after recoupment is not published for ${missing.join(', ')}, so none of that year's is used` });
      continue;
    }
    const file = rec!.file;
    const rows: FundingRow[] = [];
    for (const b of BLOCKS) {
      const after = lines.find((l) => l.block === b)!.after!;
      // A block with nothing allocated adds no row (no block of £0 income to show).
      if (after !== ZERO) rows.push({ fy, block: b, income: after, fromAllocation: file });
    }
    added.push(...rows);
    out.used.push({ fy, file, la, rows, total: rows.length === 0 ? ZERO : sum(rows.map((r) => r.income)) });
  }
  out.funding = [...own, ...added];
  return out;
}

/** "2023-24's DSG income is the ESFA's allocation after recoupment for LA 880 (file.ods), not a funding file: £50,021,046." */
export function allocationUseWords(u: AllocationIncomeUse, money: (p: Pence) => string): string {
  return `${fyLabel(u.fy)}: the DSG income is the ESFA's allocation after recoupment for LA ${u.la} (${u.file}), not a funding file: ${money(u.total)} (${u.rows.map((r) => `${r.block} ${money(r.income)}`).join(', ')})`;
}
