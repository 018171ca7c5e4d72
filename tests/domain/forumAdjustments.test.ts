/**
 * The forum report's EHCP funding table (the paper's "in-year adjustments"): at the year's end the
 * year's adjustments against its budget, as the paper prints it; mid-year the total to date is not
 * set against the whole year's budget, but the forecast outturn is. Figures by hand from data/.
 */
import { describe, expect, it } from 'vitest';
import { adjustmentTables } from '../../src/domain/forumReport';
import { buildReport } from '../../src/domain/report';
import { join } from 'node:path';
import { DATA_DIR, ROOT, loadFolder } from '../helpers';

const { data } = loadFolder(DATA_DIR);
const tableAt = (period?: number) => {
  const report = period === undefined ? buildReport(data) : buildReport(data, undefined, [], { fy: 2022, period });
  return adjustmentTables(report, report.years.find((y) => y.fy === 2022)!).find((t) => t.line === 'EHCP in-year adjustments')!;
};

describe('the EHCP in-year adjustments table', () => {
  it('at period 12 is the paper\'s: the year\'s adjustments, 702,853, against the budget of 550,000', () => {
    const t = tableAt();
    expect(t.toDate).toBeNull();
    // 133,189 + 97,442 + 65,574 + 116,471 + 221,556 + 35,796 − 33,353 + 44,883 + 10,002 − 1,109 + 14,470 − 2,068 = 702,853.
    expect(t.totalCurrent).toBe(70285300);
    expect(t.budgetCurrent).toBe(55000000);
    expect(t.overCurrent).toBe(15285300);
    expect(t.outturnCurrent).toBeNull();
  });

  it('at period 6 sets the forecast outturn against the budget, not the six months against the year', () => {
    const t = tableAt(6);
    expect(t.toDate).toBe('April to September');
    // 133,189 + 97,442 + 65,574 + 116,471 + 221,556 + 35,796 = 670,028 to September.
    expect(t.totalCurrent).toBe(67002800);
    expect(t.months.slice(6).every((m) => m.current === null)).toBe(true);
    // No forecast given: spend to date and the rest of the budget, 670,028 + 6/12 × 550,000 = 945,028,
    // so 395,028 over; the old table said 670,028 − 550,000 = 120,028, the six months against the year.
    expect(t.outturnCurrent).toBe(94502800);
    expect(t.overCurrent).toBe(39502800);
    expect(t.overCurrent).not.toBe(t.totalCurrent - t.budgetCurrent);
  });

  it('mid-year sets the year before beside it over the same months: 2025-26 at period 7 (three-year fixture)', () => {
    const three = buildReport(loadFolder(join(ROOT, 'tests/fixtures/three-years')).data);
    const y = three.years.find((x) => x.fy === 2025)!;
    expect(y.latestPeriod).toBe(7);
    const t = adjustmentTables(three, y).find((x) => x.line === 'EHCP in-year adjustments')!;
    expect([t.previousLabel, t.currentLabel, t.toDate]).toEqual(['24/25', '25/26', 'April to October']);
    // 7 × 50,000 = 350,000 this year; 2024-25's April to October: 133,189 + 97,442 + 65,574 + 116,471
    // + 221,556 + 35,796 − 33,353 = 636,675 (its whole year, 600,000, is not the like for like).
    expect(t.totalCurrent).toBe(35000000);
    expect(t.totalPrevious).toBe(63667500);
    // This year: 350,000 + 5/12 × 600,000 = 600,000, on budget (the old table: (250,000), an underspend
    // that was only the five months to come); 2024-25's outturn 600,000 against 600,000.
    expect([t.outturnCurrent, t.overCurrent]).toEqual([60000000, 0]);
    expect([t.outturnPrevious, t.overPrevious]).toEqual([60000000, 0]);
  });
});
