/** SPEC section 6 rules on small hand-built data, where the answer can be worked out by hand. */
import { describe, expect, it } from 'vitest';
import { analyse, straightLineProfile } from '../../src/domain/calculate';
import { emptyDataset, type ActualLine, type AgreementYear, type BudgetLine, type Dataset } from '../../src/model/dataset';
import { fromPounds, toFixed2 } from '../../src/domain/money';
import { pence, sum, type Pence } from '../../src/model/money';

const gbp = (pounds: number) => fromPounds(String(pounds));
const months = (values: (number | null)[]): (Pence | null)[] => Array.from({ length: 12 }, (_, i) => (values[i] == null ? null : gbp(values[i]!)));

function budget(line: string, amount: number, extra: Partial<BudgetLine> = {}): BudgetLine {
  return { fy: 2024, block: 'High Needs', line, budget: gbp(amount), ...extra };
}
function actual(line: string, values: (number | null)[], extra: Partial<ActualLine> = {}): ActualLine {
  return { fy: 2024, block: 'High Needs', line, actuals: months(values), forecasts: months([]), ...extra };
}
function agreement(fy: number, profile: number, contribution: number, extra: Partial<AgreementYear> = {}): AgreementYear {
  return { fy, profile: gbp(profile), contribution: gbp(contribution), surplusRequired: false, ...extra };
}
function data(d: Partial<Dataset>): Dataset {
  return { ...emptyDataset(), ...d };
}

describe('straight-line budget profile', () => {
  it.each([
    [1200, ['100.00', '100.00']],
    [100, ['8.33', '8.34']],
    [-175000, ['-14583.33', '-14583.34']],
  ])('of £%s sums to the budget exactly', (amount, firstTwo) => {
    const p = straightLineProfile(gbp(amount));
    expect(p).toHaveLength(12);
    expect(toFixed2(sum(p))).toBe(toFixed2(gbp(amount)));
    expect(p.slice(0, 2).map(toFixed2)).toEqual(firstTwo);
  });
  it('splits a penny budget without losing it', () => {
    expect(sum(straightLineProfile(pence(1)))).toBe(1);
    expect(sum(straightLineProfile(pence(11)))).toBe(11);
  });
});

describe('forecast outturn', () => {
  it('is spend to date plus the rest of the budget before period 12', () => {
    const a = analyse(data({ budgets: [budget('A', 1200)], actuals: [actual('A', [150, 150, 150])] }));
    const y = a.years[0]!;
    expect(y.latestPeriod).toBe(3);
    expect(toFixed2(y.actualToDate!)).toBe('450.00');
    expect(toFixed2(y.budgetToDate!)).toBe('300.00');
    expect(toFixed2(y.forecastOutturn!)).toBe('1350.00');
    expect(toFixed2(y.variance!)).toBe('150.00');
  });
  it("is the officer's forecast at the latest period where given", () => {
    const a = actual('A', [150, 150, 150]);
    a.forecasts[2] = gbp(2000);
    a.forecasts[1] = gbp(9999);
    const y = analyse(data({ budgets: [budget('A', 1200)], actuals: [a] })).years[0]!;
    expect(toFixed2(y.forecastOutturn!)).toBe('2000.00');
    expect(y.lines[0]!.forecastGiven).toBe(true);
  });
  it('counts a budgeted line with no actuals as budget still to spend', () => {
    const y = analyse(data({ budgets: [budget('A', 1200), budget('B', 600)], actuals: [actual('A', [100, 100])] })).years[0]!;
    const b = y.lines.find((l) => l.line === 'B')!;
    expect(toFixed2(b.actualToDate)).toBe('0.00');
    expect(toFixed2(b.forecastOutturn)).toBe('500.00');
  });
  it('uses a supplied monthly profile', () => {
    const profile = [gbp(300), gbp(0), gbp(0), gbp(0), gbp(0), gbp(0), gbp(0), gbp(0), gbp(0), gbp(0), gbp(0), gbp(900)];
    const y = analyse(data({ budgets: [budget('A', 1200, { profile })], actuals: [actual('A', [100])] })).years[0]!;
    expect(toFixed2(y.budgetToDate!)).toBe('300.00');
    expect(toFixed2(y.forecastOutturn!)).toBe('1000.00');
    expect(y.months.map((m) => toFixed2(m.variance))).toEqual(['-200.00']);
  });
});

describe('line matching', () => {
  it('matches lines ignoring case and spacing, and warns of unbudgeted lines', () => {
    const a = analyse(data({ budgets: [budget('Joint  Funded Placements', 1200)], actuals: [actual('joint funded placements', [100]), actual('New thing', [50])] }));
    const y = a.years[0]!;
    expect(y.lines).toHaveLength(2);
    expect(y.lines.find((l) => l.line === 'New thing')!.unbudgeted).toBe(true);
    expect(a.warnings.join('\n')).toMatch(/unbudgeted line: 2024-25 High Needs "New thing"/);
  });
  it('matches by cost centre where both files give one', () => {
    const a = analyse(data({ budgets: [budget('Top-ups', 1200, { costCentre: 'HN100' })], actuals: [actual('EHCP top up payments', [100], { costCentre: 'hn100' })] }));
    expect(a.years[0]!.lines).toHaveLength(1);
    expect(toFixed2(a.years[0]!.lines[0]!.actualToDate)).toBe('100.00');
  });
});

describe('cumulative deficit, contributions and status', () => {
  const base = (over: number, extra: Partial<AgreementYear> = {}, tolerance = '0.02') =>
    analyse(
      data({
        budgets: [budget('A', 1200)],
        actuals: [actual('A', [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100 + over])],
        funding: [{ fy: 2024, block: 'High Needs', income: gbp(1000) }],
        agreement: [agreement(2024, 10_000, 500, { openingDeficit: gbp(9800), ...extra }), agreement(2025, 9000, 700)],
      }),
      { tolerance },
    );
  it('green within the profile', () => {
    const y = base(0).years[0]!;
    expect(toFixed2(y.inYearDeficit!)).toBe('200.00');
    expect(toFixed2(y.cumulativeDeficitGross!)).toBe('10000.00');
    expect(y.status).toBe('green');
    expect(toFixed2(y.cumulativeDeficitNet!)).toBe('9500.00');
  });
  it('amber at exactly the tolerance, red a penny beyond', () => {
    expect(base(200).years[0]!.status).toBe('amber');
    expect(base(200.01).years[0]!.status).toBe('red');
  });
  it('red when the agreement requires a surplus and the year is in deficit, even within the profile', () => {
    const y = base(-100, { surplusRequired: true, openingDeficit: gbp(100) }).years[0]!;
    expect(toFixed2(y.inYearDeficit!)).toBe('100.00');
    expect(y.status).toBe('red');
    expect(y.statusReason).toMatch(/requires an in-year surplus/);
  });
  it('green when the required surplus is made', () => {
    const y = base(-300, { surplusRequired: true }).years[0]!;
    expect(toFixed2(y.inYearDeficit!)).toBe('-100.00');
    expect(y.status).toBe('green');
  });
  it('a later agreement year without actuals has no data, and contributions accumulate', () => {
    const a = base(0);
    expect(a.years[1]!.status).toBe('no data');
    expect(a.years[1]!.cumulativeDeficitGross).toBeNull();
    expect(toFixed2(a.years[1]!.dfeContributionsToDate!)).toBe('1200.00');
  });
  it('does not compute a later year from a gap', () => {
    const d = data({
      budgets: [budget('A', 1200), { ...budget('A', 1200), fy: 2026 }],
      actuals: [actual('A', [100]), { ...actual('A', [100]), fy: 2026 }],
      agreement: [agreement(2024, 10_000, 0, { openingDeficit: gbp(0) }), agreement(2025, 10_000, 0), agreement(2026, 10_000, 0)],
    });
    const y = analyse(d).years.find((x) => x.fy === 2026)!;
    expect(y.latestPeriod).toBe(1);
    expect(y.cumulativeDeficitGross).toBeNull();
    expect(y.status).toBe('no data');
    expect(y.statusReason).toMatch(/earlier year has no actuals/);
  });
});
