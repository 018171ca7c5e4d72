/**
 * The calculations' integer fast path against the Decimal formulas it replaced (issue 12): the
 * straight-line profile, one share a × m ÷ d, and every line, block and month figure of a random
 * council, worked out again here the old way, with a decimal.js object per line and month; and
 * the year viewed as at a period, worked out from the whole year, against the data cut first.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCKS, type Block } from '../../src/model/blocks';
import { analyse, straightLineProfile } from '../../src/domain/calculate';
import { asAtPeriod, emptyDataset, type ActualLine, type BudgetLine, type Dataset } from '../../src/model/dataset';
import { MAX_CELL_PENCE, MoneyOverflowError, mulDivRound, type Pence } from '../../src/model/money';
import { roundPence } from '../../src/domain/money';

const RUNS = { numRuns: 300, seed: 20240401 };

/**
 * The old formula: b(p) = r(B·p/12) − r(B·(p−1)/12), each r a Decimal rounded half up. (It gave
 * −0 for a share of a small negative budget that rounds to nothing; `+ 0` makes that plain 0,
 * which is what it printed.)
 */
function oldProfile(budget: Pence): Pence[] {
  const cumulative = (p: number) => roundPence(new Decimal(budget).mul(p).div(12));
  const out: Pence[] = [];
  for (let p = 1; p <= 12; p++) out.push((roundPence(new Decimal(cumulative(p)).sub(cumulative(p - 1))) + 0) as Pence);
  return out;
}

const cellPence = fc.oneof(
  fc.integer({ min: -2_400, max: 2_400 }),
  fc.integer({ min: -100_000_000, max: 100_000_000 }),
  fc.integer({ min: -MAX_CELL_PENCE, max: MAX_CELL_PENCE }),
).map((n) => n as Pence);

describe('integer shares equal the Decimal ones', () => {
  it('straightLineProfile equals the Decimal formula for any cell', () => {
    fc.assert(
      fc.property(cellPence, (b) => {
        expect(straightLineProfile(b)).toEqual(oldProfile(b));
      }),
      RUNS,
    );
  });
  it('mulDivRound rounds half away from zero, exactly, beyond 2^53 too', () => {
    // Enough precision that the oracle itself is exact for these sizes.
    const Exact = Decimal.clone({ precision: 60 });
    const big = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }).map((n) => n as Pence);
    fc.assert(
      fc.property(fc.oneof(cellPence, big), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, m, d) => {
        const exact = new Exact(a).mul(m).div(d).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
        if (exact.abs().gt(Number.MAX_SAFE_INTEGER)) expect(() => mulDivRound(a, m, d)).toThrow(MoneyOverflowError);
        else expect(mulDivRound(a, m, d)).toBe(exact.toNumber() + 0);
      }),
      RUNS,
    );
  });
  it.each([
    [6, 1, 12, 1], [-6, 1, 12, -1], [5, 1, 12, 0], [-5, 1, 12, 0], [18, 1, 12, 2], [-18, 1, 12, -2], [0, 7, 12, 0],
  ])('mulDivRound(%i, %i, %i) is %i', (a, m, d, want) => {
    expect(mulDivRound(a as Pence, m, d)).toBe(want);
  });
});

// ---------------------------------------------------------------------------------------------
// A random council: lines in every block, with and without cost centres, given profiles,
// forecasts, months missing, several actual rows on one line and lines with no budget.

interface Arb {
  lines: { block: number; name: number; cc: boolean; budget: number; profile: boolean; actuals: (number | null)[]; forecast: number | null; extraRow: boolean; budgeted: boolean }[];
}
const amount = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 });
const arbCouncil: fc.Arbitrary<Arb> = fc.record({
  lines: fc.array(
    fc.record({
      block: fc.integer({ min: 0, max: 3 }),
      name: fc.integer({ min: 0, max: 40 }),
      cc: fc.boolean(),
      budget: amount,
      profile: fc.boolean(),
      actuals: fc.array(fc.option(amount, { freq: 4 }), { minLength: 12, maxLength: 12 }),
      forecast: fc.option(amount, { freq: 2 }),
      extraRow: fc.boolean(),
      budgeted: fc.boolean(),
    }),
    { minLength: 1, maxLength: 60 },
  ),
});

function toDataset(a: Arb): Dataset {
  const budgets: BudgetLine[] = [];
  const actuals: ActualLine[] = [];
  a.lines.forEach((l, i) => {
    const block = BLOCKS[l.block]!;
    const line = `Line ${l.name}`;
    const costCentre = l.cc ? `CC${i}` : undefined;
    if (l.budgeted) {
      // A given profile: the budget split unevenly but adding up to it exactly.
      const profile = l.profile ? Array.from({ length: 12 }, (_, p) => (p === 11 ? l.budget - 11 * Math.trunc(l.budget / 13) : Math.trunc(l.budget / 13)) as Pence) : undefined;
      budgets.push({ fy: 2024, block, line, budget: l.budget as Pence, ...(costCentre ? { costCentre } : {}), ...(profile ? { profile } : {}) });
    }
    const latest = l.actuals.reduce<number>((m, v, p) => (v === null ? m : p + 1), 0);
    const forecasts = Array.from({ length: 12 }, (_, p) => (l.forecast !== null && p === latest - 1 ? (l.forecast as Pence) : null));
    const row: ActualLine = { fy: 2024, block, line, actuals: l.actuals as (Pence | null)[], forecasts, ...(costCentre ? { costCentre } : {}) };
    actuals.push(row);
    if (l.extraRow) actuals.push({ ...row, actuals: l.actuals.map((v) => (v === null ? null : (Math.trunc(v / 3) as Pence))), forecasts: Array(12).fill(null) });
  });
  return { ...emptyDataset(), budgets, actuals, funding: BLOCKS.map((block) => ({ fy: 2024, block, income: 100_000_00 as Pence })) };
}

/** The figures again, the old way: every sum a Decimal, every line's profile the Decimal formula. */
function oracle(data: Dataset) {
  const analysis = analyse(data);
  const year = analysis.years.find((y) => y.fy === 2024)!;
  const P = year.latestPeriod ?? 0;
  const dsum = (xs: (Pence | null)[]) => xs.reduce((s: Decimal, x) => s.add(x ?? 0), new Decimal(0));
  const lines = year.lines.map((l) => {
    // The join itself is not what changed: take the line's budget and summed actuals as joined.
    const profile = data.budgets.find((b) => b.fy === 2024 && b.block === l.block && b.line === l.line && b.costCentre === l.costCentre && b.budget === l.budget)?.profile ?? oldProfile(l.budget);
    const budgetToDate = dsum(profile.slice(0, P));
    const actualToDate = dsum(l.actuals.slice(0, P));
    const forecast = l.forecastGiven ? new Decimal(l.forecastOutturn) : actualToDate.add(dsum(profile.slice(P)));
    return { block: l.block, profile, actuals: l.actuals, budget: new Decimal(l.budget), budgetToDate, actualToDate, forecast, variance: forecast.sub(l.budget) };
  });
  const blockOf = (b: Block) => lines.filter((l) => l.block === b);
  const blocks = year.blocks.map((b) => {
    const ls = blockOf(b.block);
    const add = (f: (l: (typeof lines)[number]) => Decimal) => ls.reduce((s, l) => s.add(f(l)), new Decimal(0));
    return { block: b.block, budget: add((l) => l.budget), budgetToDate: add((l) => l.budgetToDate), actualToDate: add((l) => l.actualToDate), forecastOutturn: add((l) => l.forecast) };
  });
  const months: { period: number; block: Block; budget: Decimal; actual: Decimal }[] = [];
  for (let p = 1; p <= P; p++) {
    for (const b of year.blocks) {
      const ls = blockOf(b.block);
      if (ls.length === 0) continue;
      months.push({
        period: p,
        block: b.block,
        budget: ls.reduce((s, l) => s.add(l.profile[p - 1]!), new Decimal(0)),
        actual: ls.reduce((s, l) => s.add(l.actuals[p - 1] ?? 0), new Decimal(0)),
      });
    }
  }
  return { year, lines, blocks, months };
}

describe('the whole analysis equals the Decimal computation', () => {
  it('every line, block and month figure of a random council', () => {
    fc.assert(
      fc.property(arbCouncil, (a) => {
        const { year, lines, blocks, months } = oracle(toDataset(a));
        const n = (d: Decimal) => d.toNumber() + 0;
        expect(year.lines.map((l) => [l.profile, l.budgetToDate, l.actualToDate, l.forecastOutturn, l.variance])).toEqual(
          lines.map((l) => [l.profile, n(l.budgetToDate), n(l.actualToDate), n(l.forecast), n(l.variance)]),
        );
        expect(year.blocks.map((b) => [b.block, b.budget, b.budgetToDate, b.actualToDate, b.forecastOutturn])).toEqual(
          blocks.map((b) => [b.block, n(b.budget), n(b.budgetToDate), n(b.actualToDate), n(b.forecastOutturn)]),
        );
        expect(year.months.map((m) => [m.period, m.block, m.budget, m.actual, m.variance])).toEqual(
          months.map((m) => [m.period, m.block, n(m.budget), n(m.actual), n(m.actual.sub(m.budget))]),
        );
        const total = (f: (b: (typeof blocks)[number]) => Decimal) => n(blocks.reduce((s, b) => s.add(f(b)), new Decimal(0)));
        expect([year.budget, year.budgetToDate, year.actualToDate, year.forecastOutturn]).toEqual([
          total((b) => b.budget),
          year.latestPeriod === null ? null : total((b) => b.budgetToDate),
          year.latestPeriod === null ? null : total((b) => b.actualToDate),
          year.latestPeriod === null ? null : total((b) => b.forecastOutturn),
        ]);
      }),
      { numRuns: 150, seed: 20240402 },
    );
  });
});

describe('as at a period, worked out from the whole year', () => {
  it('equals the analysis of the data with the later actuals set aside (dataset.asAtPeriod)', () => {
    const twoYears = arbCouncil.chain((a) => arbCouncil.map((b) => ({ a, b })));
    fc.assert(
      fc.property(twoYears, fc.integer({ min: 0, max: 13 }), fc.boolean(), ({ a, b }, period, first) => {
        // Two years, so the other year (and the chain of deficits through both) is checked too.
        const one = toDataset(a);
        const two = toDataset(b);
        const next = <T extends { fy: number }>(x: T): T => ({ ...x, fy: 2025 });
        const data: Dataset = {
          ...one,
          budgets: [...one.budgets, ...two.budgets.map(next)],
          actuals: [...one.actuals, ...two.actuals.map(next)],
          funding: [...one.funding, ...two.funding.map(next)],
          agreement: [2024, 2025].map((fy) => ({ fy, profile: 1_000_000_00 as Pence, contribution: 10_000_00 as Pence, surplusRequired: false })),
        };
        const fy = first ? 2024 : 2025;
        // The whole year first (as the app does), so the as-at figures come from its cached figures.
        analyse(data);
        expect(analyse(data, undefined, { fy, period })).toEqual(analyse(asAtPeriod(data, fy, period)));
      }),
      { numRuns: 100, seed: 20240403 },
    );
  });
});
