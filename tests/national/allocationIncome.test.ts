/**
 * Issue 14, point 3: the allocation after recoupment as a year's DSG income, only for a year chosen
 * and not covered by a funding file, whole or not at all. Figures from the allocations workbook
 * (tests/fixtures/national), Allocations_summary row 123 (Torbay): [F] 21,384,976 [G] 859,362
 * [H] 20,270,274 [I] 7,506,434 [J] 50,021,046.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocationIncome, ownFunding } from '../../src/national/allocationIncome';
import { mergeNational, type NationalData } from '../../src/national/merge';
import { readNationalFile } from '../../src/national/read';
import { withAllocationIncome } from '../../src/store/history';
import { fromPounds } from '../../src/domain/money';
import { emptyDataset, type FundingRow } from '../../src/model/dataset';
import { buildReport } from '../../src/domain/report';
import type { ImportRecord } from '../../src/model/history';
import type { NationalImport } from '../../src/model/national';

const ODS = 'dedicated-schools-grant_2023-24_published-2024-07-20.ods';
let imp: NationalImport;
let data: NationalData;
beforeAll(async () => {
  imp = await readNationalFile(new Uint8Array(readFileSync(`tests/fixtures/national/${ODS}`)), ODS);
  data = mergeNational([imp]);
}, 60_000);

const p = (s: string) => fromPounds(s);
const own: FundingRow[] = [{ fy: 2022, block: 'High Needs', income: p('5259000') }];

describe('allocationIncome', () => {
  it("adds the year's four blocks after recoupment, marked, beside the funding file's own rows", () => {
    const r = allocationIncome(data, '880', [2023], own);
    expect(r.notUsed).toEqual([]);
    expect(r.used).toHaveLength(1);
    expect(r.used[0]!.total).toBe(p('50021046'));
    expect(r.funding).toEqual([
      ...own,
      { fy: 2023, block: 'Schools', income: p('21384976'), fromAllocation: ODS },
      { fy: 2023, block: 'Central School Services', income: p('859362'), fromAllocation: ODS },
      { fy: 2023, block: 'High Needs', income: p('20270274'), fromAllocation: ODS },
      { fy: 2023, block: 'Early Years', income: p('7506434'), fromAllocation: ODS },
    ]);
    // Applied twice, the rows are not added twice: the marked ones are set aside first.
    expect(allocationIncome(data, '880', [2023], r.funding).funding).toEqual(r.funding);
    expect(ownFunding(r.funding)).toEqual(own);
  });

  it.each([
    [[2022], '880', 'your funding file holds DSG income for 2022-23, which is used instead'],
    [[2024], '880', 'the allocations held have no 2024-25 row for LA 880'],
    [[2023], undefined, 'no LA code is set, so no allocation can be found'],
    [[2023], '999', 'the allocations held have no 2023-24 row for LA 999'],
  ])('%j for LA %s is not used: %s', (years, la, reason) => {
    const r = allocationIncome(data, la, years, own);
    expect(r.used).toEqual([]);
    expect(r.notUsed).toEqual([{ fy: years[0], reason }]);
    expect(r.funding).toEqual(own);
  });

  it('without an allocations table, nothing is used, and said', () => {
    expect(allocationIncome({}, '880', [2023], own).notUsed).toEqual([{ fy: 2023, reason: 'no DSG allocations table is held' }]);
  });

  it('nothing chosen: the funding as it was', () => {
    expect(allocationIncome(data, '880', [], own)).toEqual({ funding: own, used: [], notUsed: [] });
  });
});

describe('withAllocationIncome (the store rebuilding the data)', () => {
  const record = (undone = false): ImportRecord => ({
    id: 1, time: '2026-12-01T10:00:00Z', file: ODS, size: 0, sha256: '', kind: 'national', kindLabel: 'DfE national tables', rowsRead: 1, rowsImported: 1,
    rowsRejected: 0, rowsSkipped: 0, warningCount: 0, leftOutRows: [], replaced: [], additive: false, data: emptyDataset(), national: imp,
    ...(undone ? { undoneAt: '2026-12-01T11:00:00Z' } : {}),
  });
  // A 2023-24 year with £53,400,000 spent (all twelve months) and no funding file.
  const dataset = () => ({
    ...emptyDataset(),
    budgets: [{ fy: 2023, block: 'High Needs' as const, line: 'Top-up funding', budget: p('53400000') }],
    actuals: [{ fy: 2023, block: 'High Needs' as const, line: 'Top-up funding', actuals: Array.from({ length: 12 }, () => p('4450000')), forecasts: Array.from({ length: 12 }, () => null) }],
  });

  it('takes the income from the allocation only when the year is chosen, and not once the national record is undone', () => {
    const off = buildReport(withAllocationIncome(dataset(), [record()], { tolerance: '0.02', laCode: '880' }), { tolerance: '0.02' });
    expect(off.years[0]!.income).toBe(0);
    const on = buildReport(withAllocationIncome(dataset(), [record()], { tolerance: '0.02', laCode: '880', allocationYears: [2023] }), { tolerance: '0.02' });
    // £53,400,000 − £50,021,046 = £3,378,954.
    expect(on.years[0]!.income).toBe(p('50021046'));
    expect(on.years[0]!.inYearDeficit).toBe(p('3378954'));
    const undone = withAllocationIncome(dataset(), [record(true)], { tolerance: '0.02', laCode: '880', allocationYears: [2023] });
    expect(undone.funding).toEqual([]);
  });
});
