/**
 * Figures that cannot all be in pounds: a year whose spend and DSG income differ a hundredfold.
 * A monitoring sheet in £000 read as pounds makes the spend a thousandth of the income and the
 * year a vast surplus, which would show as green. Such a year gets no status until the files
 * agree, and says why.
 */
import { fyLabel, type FinancialYear } from '../model/calendar';
import { formatPounds } from './format';
import type { Pence } from '../model/money';

/** Spend and income this many times apart cannot both be in pounds (a partial budget is still within it). */
export const SCALE_FACTOR = 100n;

const abs = (p: Pence) => BigInt(p < 0 ? -p : p);

export function scaleProblem(fy: FinancialYear, budget: Pence, forecastOutturn: Pence | null, income: Pence): string | undefined {
  if (income === 0) return undefined;
  const inc = abs(income);
  for (const [what, amount] of [['budget', budget], ['forecast outturn', forecastOutturn]] as const) {
    if (amount === null || amount === 0) continue;
    const a = abs(amount);
    const [small, large] = a * SCALE_FACTOR < inc ? [`the ${what} totals ${formatPounds(amount)}`, `the DSG income is ${formatPounds(income)}`]
      : inc * SCALE_FACTOR < a ? [`the DSG income is ${formatPounds(income)}`, `the ${what} totals ${formatPounds(amount)}`]
      : [undefined, undefined];
    if (small) {
      return `the figures for ${fyLabel(fy)} are out of scale: ${small} but ${large}, over ${SCALE_FACTOR} times as much. ` +
        'A file in £000 or £m read as pounds does this: check the units of the budget, actuals and funding files ' +
        '(or name them in a heading, such as "Budget £000"). No status is given for the year until they agree';
    }
  }
  return undefined;
}
