/**
 * Sums that must stay exact. Each cell is at most £1 trillion (MAX_CELL_PENCE), but a hundred such
 * cells add up to more than integer pence can hold exactly (2^53, about £90 trillion), and every
 * total the report and the views work out would then fail. So the money held is also limited in
 * total: the absolute amounts of all the figures together may not pass £10 trillion. Any total a
 * view works out adds some of those figures (a few at most more than once), so it stays exact.
 */
import type { Dataset } from '../model/dataset';

/** £10 trillion in pence: a ninth of the exact range, far beyond any council's DSG. */
export const MAX_TOTAL_PENCE = 1_000_000_000_000_000;

export const TOTAL_LIMIT_WORDS = 'the figures held may add up to at most £10 trillion (ignoring signs), so that every total stays exact to the penny';

const abs = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.abs(n) : 0);

/** The absolute amounts of every money figure in the dataset, added up (a float: only compared with the limit). */
export function moneyMagnitude(d: Dataset): number {
  let t = 0;
  for (const b of d.budgets) {
    t += abs(b.budget);
    for (const p of b.profile ?? []) t += abs(p);
  }
  for (const a of d.actuals) {
    for (const x of a.actuals) t += abs(x);
    for (const x of a.forecasts) t += abs(x);
  }
  for (const f of d.funding) t += abs(f.income);
  const years = (ys: Dataset['agreement']) => {
    for (const y of ys) t += abs(y.profile) + abs(y.contribution) + abs(y.openingDeficit);
  };
  years(d.agreement);
  for (const r of d.revisions ?? []) years(r.years);
  for (const i of d.instalments ?? []) t += abs(i.amount);
  for (const o of d.otherContributions ?? []) t += abs(o.amount);
  for (const p of d.placements ?? []) t += abs(p.annualCost);
  return t;
}

/** Null when the dataset's totals stay exact, else why not, in words. */
export function exactRangeProblem(d: Dataset): string | null {
  const m = moneyMagnitude(d);
  if (m <= MAX_TOTAL_PENCE) return null;
  return `the figures add up to more than £10 trillion (ignoring signs): totals that large cannot be held exactly to the penny`;
}
