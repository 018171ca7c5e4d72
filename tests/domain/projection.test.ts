/** The projection on hand-built data where every answer can be worked out by hand. */
import { describe, expect, it } from 'vitest';
import { toFixed2 } from '../../src/domain/money';
import type { Pence } from '../../src/model/money';
import { answers, project, projectionBase, sensitivity, type ProjectionBase } from '../../src/domain/projection';
import type { Scenario } from '../../src/model/scenario';
import { buildReport } from '../../src/domain/report';
import { handBuilt } from './handBuilt';


function setup(): { base: ProjectionBase; scenario: Scenario } {
  const data = handBuilt();
  const base = projectionBase(buildReport(data), data.agreement);
  if ('error' in base) throw new Error(base.error);
  return { base, scenario: { drivers: base.drivers, oneOffs: [], changes: [] } };
}

const money = (p: Pence | null) => (p === null ? null : toFixed2(p));

describe('the projection base', () => {
  it('takes the cost per plan and the EHCP rates from the data, and says so in words', () => {
    const { base } = setup();
    expect(base.drivers).toEqual({ newPlansPerMonth: '5', endingsPerMonth: '5', costPerPlan: '12000', inflation: '0', incomeGrowth: '0' });
    expect(money(base.cumulativeStart)).toBe('700000.00');
    expect(base.method.join(' ')).toContain('Starts from 100 plans at the end of March 2025');
    expect(base.method.join(' ')).toContain('£12,000.00 a plan');
  });
  it('explains why there is none without EHCP numbers', () => {
    const data = { ...handBuilt(), ehcp: [] };
    expect(projectionBase(buildReport(data), data.agreement)).toEqual({ error: expect.stringMatching(/needs EHCP numbers/) });
  });
});

describe('flat EHCP numbers and no inflation', () => {
  it('reproduce the budgets in every later year', () => {
    const { base, scenario } = setup();
    const years = project(base, scenario);
    expect(years.map((y) => y.label)).toEqual(['2025-26', '2026-27']);
    for (const y of years) {
      expect(money(y.highNeedsSpend)).toBe('1200000.00');
      expect(money(y.otherSpend)).toBe('120000.00');
      expect(money(y.inYearDeficit)).toBe('200000.00');
    }
    expect(years.map((y) => money(y.cumulativeDeficitGross))).toEqual(['900000.00', '1100000.00']);
    expect(years.map((y) => money(y.cumulativeDeficitNet))).toEqual(['600000.00', '500000.00']);
  });
});

describe('a known change in a driver', () => {
  it('one more new plan a month adds 6.5 average plans a year, moving the deficit by 6.5 × £12,000 then 18.5 × £12,000', () => {
    const { base, scenario } = setup();
    const changed = project(base, { ...scenario, changes: [{ label: 'one more a month', driver: 'newPlansPerMonth', change: '1', fromMonth: '2025-04' }] });
    expect(changed.map((y) => y.averagePlans.toString())).toEqual(['106.5', '118.5']);
    expect(changed.map((y) => y.plansAtEnd.toString())).toEqual(['112', '124']);
    expect(changed.map((y) => money(y.highNeedsSpend))).toEqual(['1278000.00', '1422000.00']);
    expect(money(changed[1]!.cumulativeDeficitGross)).toBe('1400000.00');
  });
  it('10% inflation compounds from the base year', () => {
    const { base, scenario } = setup();
    const years = project(base, { ...scenario, drivers: { ...scenario.drivers, inflation: '0.1' } });
    expect(years.map((y) => money(y.highNeedsSpend))).toEqual(['1320000.00', '1452000.00']);
  });
  it('a one-off saving lowers that year only', () => {
    const { base, scenario } = setup();
    const years = project(base, { ...scenario, oneOffs: [{ label: 'Saving', fy: 2025, pounds: '-250000' }] });
    expect(years.map((y) => money(y.inYearDeficit))).toEqual(['-50000.00', '200000.00']);
  });
});

describe('answers in words', () => {
  it('for the flat case', () => {
    const { base, scenario } = setup();
    expect(answers(project(base, scenario), base)).toEqual([
      'The cumulative deficit would first exceed the agreed profile in 2026-27, by £100,000.',
      'The in-year balance would not turn to a surplus by 2026-27.',
      'The net deficit would not be cleared by 2026-27: £500,000 would remain.',
      'The projection would be off the agreement in 2026-27 (whose £300,000 contribution depends on progress).',
      'EHCPs the plan implies at the end of each year: 2025-26 100, 2026-27 100.',
    ]);
  });
  it('for a plan that meets the agreement', () => {
    const { base, scenario } = setup();
    const years = project(base, { ...scenario, oneOffs: [{ label: 'Plan', fy: 2025, pounds: '-400000', everyYearFrom: true }] });
    expect(answers(years, base)).toEqual([
      'The cumulative deficit would stay within the agreed profile in every year projected.',
      'The in-year balance would turn to a surplus in 2025-26 (£200,000).',
      'The net deficit (after DfE contributions) would be cleared in 2026-27.',
      'Every projected year would meet the agreement.',
      'EHCPs the plan implies at the end of each year: 2025-26 100, 2026-27 100.',
    ]);
  });
});

describe('sensitivity', () => {
  it('ranks drivers by how far they move the final cumulative deficit', () => {
    const { base, scenario } = setup();
    const s = sensitivity(base, scenario);
    const cost = s.find((x) => x.driver === 'costPerPlan')!;
    // ±10% of £12,000 a plan on 100 plans for two years: ±£240,000.
    expect([money(cost.lowEffect), money(cost.highEffect)]).toEqual(['-240000.00', '240000.00']);
    const growth = s.find((x) => x.driver === 'incomeGrowth')!;
    // ±1% of £1.12m income in year 1 and 2% (compounded) in year 2.
    expect([money(growth.lowEffect), money(growth.highEffect)]).toEqual(['33488.00', '-33712.00']);
    expect(s[0]!.driver).toBe('costPerPlan');
  });
});
