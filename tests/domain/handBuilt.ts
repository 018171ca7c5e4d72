/** A hand-built workspace for the projection tests: every answer can be worked out by hand. */
import { emptyDataset, type Dataset, type EhcpMonth } from '../../src/model/dataset';
import { fromPounds } from '../../src/domain/money';
import type { Pence } from '../../src/model/money';

export const gbp = (s: string) => fromPounds(s);
const monthly = (annual: string) => Array.from({ length: 12 }, () => (gbp(annual).valueOf() / 12) as Pence);

/** 2024-25 on budget, 100 plans all year, income £1.12m, other blocks £120k. */
export function handBuilt(): Dataset {
  const ehcp: EhcpMonth[] = Array.from({ length: 12 }, (_, i) => {
    const m = ((i + 3) % 12) + 1;
    const y = m >= 4 ? 2024 : 2025;
    return { month: `${y}-${String(m).padStart(2, '0')}`, plansAtStart: 100, newPlans: 5, plansEnded: 5, plansAtEnd: 100 };
  });
  return {
    ...emptyDataset(),
    budgets: [
      { fy: 2024, block: 'High Needs', line: 'Top-ups', budget: gbp('1200000') },
      { fy: 2024, block: 'Schools', line: 'Growth', budget: gbp('120000') },
    ],
    actuals: [
      { fy: 2024, block: 'High Needs', line: 'Top-ups', actuals: monthly('1200000'), forecasts: Array(12).fill(null) },
      { fy: 2024, block: 'Schools', line: 'Growth', actuals: monthly('120000'), forecasts: Array(12).fill(null) },
    ],
    funding: [
      { fy: 2024, block: 'High Needs', income: gbp('1000000') },
      { fy: 2024, block: 'Schools', income: gbp('120000') },
    ],
    agreement: [
      { fy: 2024, profile: gbp('800000'), contribution: gbp('100000'), surplusRequired: false, openingDeficit: gbp('500000') },
      { fy: 2025, profile: gbp('1000000'), contribution: gbp('200000'), surplusRequired: false },
      { fy: 2026, profile: gbp('1000000'), contribution: gbp('300000'), surplusRequired: true },
    ],
    ehcp,
  };
}
