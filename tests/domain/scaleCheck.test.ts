/**
 * A monitoring sheet in £000 read as pounds once gave a cumulative deficit of (£36.6m) and green
 * for a council £12m in deficit (issue 10). Figures a hundredfold out of scale with the DSG income
 * now give no status, and say why, naming the year and the figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeDatasets } from '../../src/domain/merge';
import { buildReport } from '../../src/domain/report';
import { scaleProblem } from '../../src/domain/scaleCheck';
import { importText } from '../../src/import/importFile';
import { DATA_DIR } from '../helpers';

const file = (name: string) => importText(readFileSync(join(DATA_DIR, name), 'utf8'), name);

/** The example's budget and actuals as a sheet in £000 would hold them: every figure a thousandth. */
function inThousands(name: string, column: string) {
  const [head, ...rows] = readFileSync(join(DATA_DIR, name), 'utf8').trim().split(/\r?\n/);
  const col = head!.split(',').indexOf(column);
  const scaled = rows.map((row) => {
    const cells = row.match(/("[^"]*"|[^,]+)/g)!;
    const pence = BigInt(cells[col]!.replace('.', '').padEnd(cells[col]!.includes('.') ? 0 : cells[col]!.length + 2, '0'));
    cells[col] = (Number(pence) / 100_000).toFixed(1);
    return cells.join(',');
  });
  return importText([head, ...scaled].join('\n'), name);
}

describe('figures out of scale with the DSG income', () => {
  it('give the year no status, not green, with the reason in words', () => {
    const results = [inThousands('budget.csv', 'budget'), inThousands('actuals.csv', 'actual'), file('funding.csv'), file('agreement.csv')];
    for (const r of results) expect(r.errors).toEqual([]);
    const merged = mergeDatasets(results.map((r) => ({ file: r.file, additive: false, data: r.data })));
    const report = buildReport(merged.data);
    const y = report.years.find((x) => x.label === '2022-23')!;
    // Without the check: about 9,131,000 + 15,653 − 12,921,000 = (£3.77m) against an £11.7m profile: green.
    expect(y.cumulativeDeficitGross!).toBeLessThan(-377_000_000);
    expect(y.agreementProfile).toBe(1_170_000_000);
    expect(y.status).toBe('no data');
    expect(y.statusReason).toMatch(/^No status: the figures for 2022-23 are out of scale: the budget totals £15,621 but the DSG income is £12,921,000, over 100 times as much/);
    expect(y.statusReason).toMatch(/£000/);
    expect(report.warnings.some((w) => w.startsWith('the figures for 2022-23 are out of scale'))).toBe(true);
  });

  it('leave the example as it is (its budget covers part of the DSG, within a hundredfold)', () => {
    const merged = mergeDatasets(['budget.csv', 'actuals.csv', 'funding.csv', 'agreement.csv'].map((f) => ({ file: f, additive: false, data: file(f).data })));
    const y = buildReport(merged.data).years[0]!;
    expect(y.status).toBe('amber');
  });

  it('is a hundredfold either way: income in £000 beside a budget in pounds too', () => {
    expect(scaleProblem(2022, 1_562_100_000 as never, null, 1_292_100 as never)).toMatch(/the DSG income is £12,921 but the budget totals £15,621,000/);
    expect(scaleProblem(2022, 1_562_100_000 as never, null, 15_621_001 as never)).toBeUndefined();
    expect(scaleProblem(2022, 1_562_100_000 as never, null, 15_620_999 as never)).toMatch(/out of scale/);
    expect(scaleProblem(2022, 0 as never, null, 100 as never)).toBeUndefined();
    // By size: a budget of (£50,000) beside £10m of income is as far out.
    expect(scaleProblem(2022, -5_000_000 as never, null, 1_000_000_000 as never)).toMatch(/the budget totals \(£50,000\)|the budget totals -£50,000/);
  });
});
