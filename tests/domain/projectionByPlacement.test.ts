/** Spend by placement type, and unmitigated against mitigated, on hand-built data worked out by hand. */
import { describe, expect, it } from 'vitest';
import type { PlacementCount } from '../../src/model/placements';
import { mitigatedForecast, mitigationsInWords, unmitigated } from '../../src/domain/mitigation';
import { toFixed2 } from '../../src/domain/money';
import type { Pence } from '../../src/model/money';
import { answers, project, projectionBase, type ProjectionBase } from '../../src/domain/projection';
import type { Scenario } from '../../src/model/scenario';
import { buildReport } from '../../src/domain/report';
import { gbp, handBuilt } from './handBuilt';

const money = (p: Pence | null) => (p === null ? null : toFixed2(p));

/**
 * March 2025: 60 mainstream plans at £5,000 (two age bands), 40 independent at £50,000, none in
 * maintained special (priced at £20,000); resourced provision priced only in September 2024.
 * An average plan: 60% × £5,000 + 40% × £50,000 = £23,000.
 */
const PLACEMENTS: PlacementCount[] = [
  { month: '2024-09', type: 'resourced', count: 3, annualCost: gbp('15000') },
  { month: '2025-03', type: 'mainstream', ageBand: '5 to 10', count: 40, annualCost: gbp('5000') },
  { month: '2025-03', type: 'mainstream', ageBand: '11 to 15', count: 20, annualCost: gbp('5000') },
  { month: '2025-03', type: 'independent', count: 40, annualCost: gbp('50000') },
  { month: '2025-03', type: 'special', count: 0, annualCost: gbp('20000') },
];

function setup(placements: PlacementCount[] = PLACEMENTS): { base: ProjectionBase; scenario: Scenario } {
  const data = handBuilt();
  const base = projectionBase(buildReport(data), data.agreement, placements);
  if ('error' in base) throw new Error(base.error);
  return { base, scenario: { drivers: base.drivers, oneOffs: [], changes: [] } };
}

describe('High Needs spend by placement type', () => {
  it('takes the cost per plan from the mix, and says so in words with every input', () => {
    const { base } = setup();
    expect(base.drivers.costPerPlan).toBe('23000');
    const words = base.method.join(' ');
    expect(words).toContain('from the placements file at March 2025 (100 plans)');
    expect(words).toContain('Mainstream school or academy 60 (60%) at £5,000.00');
    expect(words).toContain('Non-maintained or independent special school 40 (40%) at £50,000.00');
    expect(words).toContain('Resourced provision or SEN unit 0 (0%) at £15,000.00 (cost from an earlier month)');
    expect(words).toContain('an average plan costs £23,000.00 a year');
    expect(words).toContain('this gives £2,300,000 a year, against a 2024-25 High Needs outturn of £1,200,000');
  });
  it('flat numbers: 100 plans × £23,000 every year', () => {
    const { base, scenario } = setup();
    const years = project(base, scenario);
    expect(years.map((y) => money(y.highNeedsSpend))).toEqual(['2300000.00', '2300000.00']);
    // £2.3m + £120k − £1.12m = £1.3m a year on top of £700,000.
    expect(years.map((y) => money(y.cumulativeDeficitGross))).toEqual(['2000000.00', '3300000.00']);
  });
  it('growth is shared across types in proportion: one more plan a month is 106.5 plans on average × £23,000', () => {
    const { base, scenario } = setup();
    const years = project(base, { ...scenario, drivers: { ...scenario.drivers, newPlansPerMonth: '6' } });
    expect(money(years[0]!.highNeedsSpend)).toBe('2449500.00');
    const end = new Map(years[0]!.plansByType!.map((t) => [t.type, t.plans.toString()]));
    expect([end.get('mainstream'), end.get('independent')]).toEqual(['67.2', '44.8']);
  });
  it('a higher cost per plan scales every type: £25,300 is 10% more', () => {
    const { base, scenario } = setup();
    const years = project(base, { ...scenario, drivers: { ...scenario.drivers, costPerPlan: '25300' } });
    expect(money(years[0]!.highNeedsSpend)).toBe('2530000.00');
  });
  it('20 independent placements moved to special from October 2025 save 20 × £30,000 a year, half of it in 2025-26', () => {
    const { base, scenario } = setup();
    const years = project(base, { ...scenario, placementChanges: [{ label: 'Local special places', type: 'independent', change: '-20', fromMonth: '2025-10', to: 'special' }] });
    expect(years.map((y) => money(y.highNeedsSpend))).toEqual(['2000000.00', '1700000.00']);
    expect(years.map((y) => y.plansAtEnd.toString())).toEqual(['100', '100']);
    const end = new Map(years[1]!.plansByType!.map((t) => [t.type, t.plans.toString()]));
    expect([end.get('mainstream'), end.get('independent'), end.get('special')]).toEqual(['60', '20', '20']);
  });
  it('20 fewer independent placements with nowhere else to go save 20 × £50,000 a year and 20 plans', () => {
    const { base, scenario } = setup();
    const years = project(base, { ...scenario, placementChanges: [{ label: 'Fewer', type: 'independent', change: '-20', fromMonth: '2025-10' }] });
    expect(years.map((y) => money(y.highNeedsSpend))).toEqual(['1800000.00', '1300000.00']);
    expect(years.map((y) => y.averagePlans.toString())).toEqual(['90', '80']);
    expect(years.map((y) => y.plansAtEnd.toString())).toEqual(['80', '80']);
  });
  it('without costs in the file, the average cost per plan of the outturn as before', () => {
    const { base, scenario } = setup(PLACEMENTS.map((p) => ({ ...p, annualCost: undefined })));
    expect(base.mix).toBeUndefined();
    expect(base.drivers.costPerPlan).toBe('12000');
    expect(project(base, scenario).map((y) => money(y.highNeedsSpend))).toEqual(['1200000.00', '1200000.00']);
  });
});

describe('answers in words by placement type', () => {
  it('flat numbers at £23,000 a plan: above the profile from the first year', () => {
    const { base, scenario } = setup();
    expect(answers(project(base, scenario), base)).toEqual([
      'The cumulative deficit would first exceed the agreed profile in 2025-26, by £1,000,000.',
      'The in-year balance would not turn to a surplus by 2026-27.',
      'The net deficit would not be cleared by 2026-27: £2,700,000 would remain.',
      'The projection would be off the agreement in 2025-26 (whose £200,000 contribution depends on progress), 2026-27 (whose £300,000 contribution depends on progress).',
      'EHCPs the plan implies at the end of each year: 2025-26 100, 2026-27 100.',
    ]);
  });
  it('20 fewer independent placements with nowhere else to go: 80 plans implied', () => {
    const { base, scenario } = setup();
    const years = project(base, { ...scenario, placementChanges: [{ label: 'Fewer', type: 'independent', change: '-20', fromMonth: '2025-10' }] });
    expect(answers(years, base).at(-1)).toBe('EHCPs the plan implies at the end of each year: 2025-26 80, 2026-27 80.');
  });
});

describe('unmitigated and mitigated', () => {
  const plan: Scenario['oneOffs'] = [
    { label: 'Transport pressure', fy: 2025, pounds: '100000' },
    { label: 'Banding review', fy: 2026, pounds: '-50000' },
  ];
  it('the savings plan is the savings and placement changes; pressures stay in both', () => {
    const { base, scenario } = setup();
    const s: Scenario = {
      ...scenario,
      oneOffs: plan,
      changes: [{ label: 'More plans end', driver: 'endingsPerMonth', change: '0', fromMonth: '2025-04' }],
      placementChanges: [{ label: 'Local special places', type: 'independent', change: '-20', fromMonth: '2025-10', to: 'special' }],
    };
    expect(unmitigated(s).oneOffs.map((o) => o.label)).toEqual(['Transport pressure']);
    const f = mitigatedForecast(base, s);
    // No action: £700k + (£1.3m + £100k) + £1.3m. With the plan: £700k + £1.1m + £650k.
    expect(f.unmitigated.map((y) => money(y.cumulativeDeficitGross))).toEqual(['2100000.00', '3400000.00']);
    expect(f.mitigated.map((y) => money(y.cumulativeDeficitGross))).toEqual(['1800000.00', '2450000.00']);
    expect(money(f.saving)).toBe('950000.00');
    expect(f.words).toBe('The savings plan lowers the 2026-27 cumulative deficit by £950,000: from £3,400,000 with no action to £2,450,000.');
    expect(mitigationsInWords(s)).toEqual([
      'Banding review: a saving of £50,000 in 2026-27.',
      'Local special places: 20 fewer non-maintained or independent special school placements from October 2025, placed in maintained special school or special academy instead.',
    ]);
  });
  it('a scenario with no savings plan says so', () => {
    const { base, scenario } = setup();
    expect(mitigatedForecast(base, scenario).words).toMatch(/no savings plan/);
  });
});
