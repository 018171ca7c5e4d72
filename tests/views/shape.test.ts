/** The dashboard's data shaping, in Node: exact figures in, the rows, steps and findings the charts and tables show. */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { moneyAxis, countTicks } from '../../src/charts/axis';
import { plot } from '../../src/charts/plot';
import { toFixed2 } from '../../src/domain/money';
import type { Pence } from '../../src/model/money';
import { agreementRows, contributionsAtStake } from '../../src/views/agreement/shape';
import { ehcpRows, ehcpWindow, flowsFinding, plansFinding, rsaFinding } from '../../src/views/ehcp/shape';
import { lineRows, sortRows, totals } from '../../src/views/lines/shape';
import { trajectoryFinding, trajectoryRows, waterfallSteps } from '../../src/views/trajectory/shape';
import { blockOutturnRows, outturnFinding, varianceFinding, varianceMonthRows, yearToDateByBlock } from '../../src/views/variance/shape';
import { exampleReport } from '../helpers';

const report = exampleReport();
const year = report.years.find((y) => y.label === '2022-23')!;
const money = (p: Pence | null) => (p === null ? null : toFixed2(p));

describe('trajectory', () => {
  it('has a row per year, with outturn for 2022-23 and gaps for years without actuals', () => {
    const rows = trajectoryRows(report);
    expect(rows.map((r) => r.label)).toEqual(['2022-23', '2023-24', '2024-25', '2025-26', '2026-27']);
    expect([money(rows[0]!.profile), money(rows[0]!.gross), rows[0]!.grossKind, money(rows[0]!.net), money(rows[0]!.contribution)]).toEqual([
      '11700000.00', '11862717.00', 'outturn', '6702717.00', '5160000.00',
    ]);
    expect(rows[1]!.gross).toBeNull();
    expect(rows.filter((r) => r.surplusRequired).map((r) => r.label)).toEqual(['2025-26', '2026-27']);
    expect(rows[0]!.pOutturn).toBe(11862717);
  });
  it('states the finding', () => {
    expect(trajectoryFinding(year)).toBe('At March 2023 the 2022-23 cumulative deficit of £11.86m was £163k (1.39%) above the £11.7m agreed profile');
    expect(trajectoryFinding(undefined)).toBe('No actuals are loaded yet: the chart shows the agreed deficit profile only');
  });
  it('walks the waterfall exactly from the opening deficit to the net deficit', () => {
    const steps = waterfallSteps(year)!;
    expect(steps.map((s) => [s.label, s.kind, money(s.amount), money(s.to), s.text])).toEqual([
      ['Deficit brought forward', 'total', '9131000.00', '9131000.00', '£9.13m'],
      ['Schools in-year', 'decrease', '-12000.00', '9119000.00', '(£12k)'],
      ['Central School Services in-year', 'decrease', '-114000.00', '9005000.00', '(£114k)'],
      ['High Needs in-year', 'increase', '2993717.00', '11998717.00', '+£2.99m'],
      ['Early Years in-year', 'decrease', '-136000.00', '11862717.00', '(£136k)'],
      ['Gross cumulative deficit', 'total', '11862717.00', '11862717.00', '£11.86m'],
      ['DfE contributions to date', 'decrease', '-5160000.00', '6702717.00', '(£5.16m)'],
      ['Net cumulative deficit', 'total', '6702717.00', '6702717.00', '£6.7m'],
    ]);
    expect(steps[3]!.range).toEqual([9005000, 11998717]);
    expect(waterfallSteps(report.years[1])).toBeNull();
  });
});

describe('variance', () => {
  it('sums the in-month variances to the block variances of SPEC section 7 at period 12', () => {
    expect(yearToDateByBlock(year).map((b) => [b.block, money(b.variance)])).toEqual([
      ['Schools', '-12000.00'], ['Central School Services', '-114000.00'], ['High Needs', '293717.00'], ['Early Years', '-136000.00'],
    ]);
    const rows = varianceMonthRows(year);
    expect(rows).toHaveLength(12);
    expect([rows[0]!.month, rows[0]!.short, money(rows[0]!.total), money(rows[11]!.cumulative)]).toEqual(['April 2022', 'Apr-22', '343528.66', '31717.00']);
    expect(rows[0]!['p:High Needs']).toBe(365362);
  });
  it('states the findings', () => {
    expect(varianceFinding(year)).toBe('By March 2023 spending was £31,717 over the year-to-date budget, driven by High Needs (£293,717 over)');
    expect(outturnFinding(year)).toBe('Over budget: High Needs £293,717; under: Schools £12,000, Central School Services £114,000, Early Years £136,000');
    expect(blockOutturnRows(year).map((r) => [r.block, r.pBudget, r.pOutturn])[2]).toEqual(['High Needs', 7959000, 8252717]);
  });
});

describe('budget lines', () => {
  it('filters, sorts by exact pence and totals what is shown', () => {
    const all = lineRows(year.lines, { block: null, period: null, query: '' });
    expect(all).toHaveLength(19);
    expect(money(totals(all).variance)).toBe('31717.00');
    const hn = lineRows(year.lines, { block: 'High Needs', period: 8, query: '' });
    expect(hn).toHaveLength(10);
    const ehcp = hn.find((r) => r.line === 'EHCP in-year adjustments')!;
    expect([money(ehcp.budget), money(ehcp.forecastOutturn), money(ehcp.variance)]).toEqual(['550000.00', '702853.00', '152853.00']);
    expect(money(ehcp.month!.actual)).toBe('44883.00'); // November 2022, as the forum paper gives it
    const sorted = sortRows(all, 'variance', 'descending');
    expect(money(sorted[0]!.variance)).toBe('166000.00');
    expect(money(sorted[18]!.variance)).toBe('-196000.00');
    expect(lineRows(year.lines, { block: null, period: null, query: 'in-year adj' }).map((r) => r.line)).toEqual([
      'EHCP in-year adjustments', 'Special Schools / High Needs in-year adjustments',
    ]);
  });
});

describe('EHCP', () => {
  const rows = ehcpRows(report.ehcp, ehcpWindow(2022, '2023-03'));
  it('covers April of the previous year to the as-at month', () => {
    expect(rows).toHaveLength(24);
    expect(rows[0]!.month).toBe('April 2021');
    expect(rows[23]).toMatchObject({ month: 'March 2023', plansAtEnd: 1570, target: 1568, gap: 2, inflows: 20, outflows: 40, pOutflows: -40 });
  });
  it('states the findings', () => {
    expect(plansFinding(rows)).toBe('1,570 plans at the end of March 2023: 2 above the target of 1,568');
    expect(flowsFinding(rows)).toBe('From April 2021 to March 2023, 422 plans began and 432 ended; more ended than began in 11 of 24 months');
    expect(rsaFinding(rows)).toBe('Requests for assessment were above target in 2 of the 2 months with a target (from January 2023)');
    expect(plansFinding([])).toBe('No figures for plans in force are loaded for these months');
  });
  it('gives the refusal rate where refusals are recorded', () => {
    const withRefusals = ehcpRows(
      [
        { ...report.ehcp.find((m) => m.month === '2023-01')!, rsaRefused: 12, rsaRefusalRate: null },
        { ...report.ehcp.find((m) => m.month === '2023-02')!, rsaRefused: 7, rsaRefusalRate: null },
      ].map((m) => ({ ...m, rsaRefusalRate: new Decimal(m.rsaRefused).div(m.rsaReceived!).mul(100) })),
      ehcpWindow(2022, '2023-03'),
    );
    expect(withRefusals.map((r) => [r.refusalRate, r.pRefusalRate])).toEqual([['40%', 40], ['20.6%', 20.6]]);
    expect(rsaFinding(withRefusals)).toBe(
      'Requests for assessment were above target in 2 of the 2 months with a target (from January 2023); 29.7% of requests were refused in the months that record refusals',
    );
  });
});

describe('agreement', () => {
  it('lists the years and what is still at stake', () => {
    const rows = agreementRows(report);
    expect(rows.map((r) => [r.label, money(r.profile), money(r.contribution), r.surplusRequired, r.status])).toEqual([
      ['2022-23', '11700000.00', '5160000.00', false, 'amber'],
      ['2023-24', '13000000.00', '1550000.00', false, 'no data'],
      ['2024-25', '13400000.00', '1550000.00', false, 'no data'],
      ['2025-26', '12900000.00', '1550000.00', true, 'no data'],
      ['2026-27', '11300000.00', '3100000.00', true, 'no data'],
    ]);
    expect(rows[0]!.percent).toBe('1.39%');
    const stake = contributionsAtStake(report, 2022)!;
    expect([money(stake.total), stake.years]).toEqual(['7750000.00', ['2023-24', '2024-25', '2025-26', '2026-27']]);
    expect(contributionsAtStake(report, 2026)).toBeNull();
  });
});

describe('chart axes', () => {
  it('uses one unit per axis, negatives in brackets', () => {
    const m = moneyAxis([11862717, -5160000]);
    expect(m.label).toBe('Pounds (£m)');
    expect([m.format(12_500_000), m.format(-2_000_000), m.format(0)]).toEqual(['£12.5m', '(£2m)', '£0']);
    const k = moneyAxis([365362, null]);
    expect([k.label, k.format(400_000), k.format(-200_000)]).toEqual(['Pounds (£k)', '£400k', '(£200k)']);
  });
  it('picks round count ticks', () => {
    expect(countTicks([1568, 1593, 1590, 1570])).toEqual([1560, 1570, 1580, 1590, 1600]);
    expect(countTicks([0, 47])).toEqual([0, 20, 40, 60]);
    expect(countTicks([null])).toBeUndefined();
  });
  it('plots pounds from exact pence, only for positions', () => {
    expect(plot(1234567 as Pence)).toBe(12345.67);
    expect(plot(null)).toBeNull();
  });
});
