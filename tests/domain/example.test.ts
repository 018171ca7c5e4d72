/**
 * SPEC section 7: every figure of the Torbay 2022-23 worked example, computed from data/.
 */
import { describe, expect, it } from 'vitest';
import { toFixed2 } from '../../src/domain/money';
import type { Pence } from '../../src/model/money';
import { formatCompact, formatPounds } from '../../src/domain/format';
import { summarySentence } from '../../src/domain/report';
import { exampleReport, loadFolder, DATA_DIR } from '../helpers';

const report = exampleReport();
const year = report.years.find((y) => y.label === '2022-23')!;
const block = (name: string) => year.blocks.find((b) => b.block === name)!;
const line = (name: string) => year.lines.find((l) => l.line === name)!;
const money = (p: Pence | null) => (p === null ? null : toFixed2(p));

describe('the example files import cleanly', () => {
  it('every file is recognised, with no errors and no warnings', () => {
    const { results } = loadFolder(DATA_DIR);
    expect(results.map((r) => [r.file, r.kind])).toEqual([
      ['actuals.csv', 'actuals'],
      ['agreement.csv', 'agreement'],
      ['budget.csv', 'budget'],
      ['conditions.csv', 'conditions'],
      ['ehcp.csv', 'ehcp'],
      ['funding.csv', 'funding'],
      ['targets.csv', 'targets'],
    ]);
    for (const r of results) {
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
    }
    expect(report.warnings).toEqual([]);
  });
});

describe('SPEC section 7: Torbay 2022-23 at period 12', () => {
  it('is at period 12', () => expect(year.latestPeriod).toBe(12));
  it('total budget £15,621,000.00', () => expect(money(year.budget)).toBe('15621000.00'));
  it('forecast outturn (= actual) £15,652,717.00', () => {
    expect(money(year.forecastOutturn)).toBe('15652717.00');
    expect(money(year.actualToDate)).toBe('15652717.00');
  });
  it('DSG income £12,921,000.00', () => expect(money(year.income)).toBe('12921000.00'));
  it('in-year deficit £2,731,717.00 (the paper: £2.732m)', () => {
    expect(money(year.inYearDeficit)).toBe('2731717.00');
    expect(formatCompact(year.inYearDeficit!, { digits: 3 })).toBe('£2.732m');
    expect(formatCompact(year.inYearDeficit!)).toBe('£2.73m');
  });
  it('gross cumulative deficit £11,862,717.00 (the paper: £11.863m)', () => {
    expect(money(year.cumulativeDeficitGross)).toBe('11862717.00');
    expect(formatCompact(year.cumulativeDeficitGross!, { digits: 3 })).toBe('£11.863m');
  });
  it('agreement profile £11,700,000.00', () => expect(money(year.agreementProfile)).toBe('11700000.00'));
  it('excess over profile £162,717.00, 1.39%: amber at the default 2%', () => {
    expect(money(year.varianceToProfile)).toBe('162717.00');
    expect(year.varianceToProfilePercent!.toDecimalPlaces(2).toFixed(2)).toBe('1.39');
    expect(year.status).toBe('amber');
    expect(year.statusReason).toContain('£162,717 (1.39%) above the agreed profile of £11,700,000');
  });
  it('DfE contributions to date £5,160,000.00', () => expect(money(year.dfeContributionsToDate)).toBe('5160000.00'));
  it('net cumulative deficit £6,702,717.00', () => expect(money(year.cumulativeDeficitNet)).toBe('6702717.00'));
  it.each([
    ['Early Years', '-136000.00', '(£136,000)'],
    ['High Needs', '293717.00', '£293,717'],
    ['Schools', '-12000.00', '(£12,000)'],
    ['Central School Services', '-114000.00', '(£114,000)'],
  ])('variance for %s is %s', (name, value, shown) => {
    expect(money(block(name).variance)).toBe(value);
    expect(formatPounds(block(name).variance)).toBe(shown);
  });
  it.each([
    ['Early Years', '-136000.00'],
    ['High Needs', '2993717.00'],
    ['Schools', '-12000.00'],
    ['Central School Services', '-114000.00'],
  ])('in-year deficit for %s is %s', (name, value) => expect(money(block(name).inYearDeficit)).toBe(value));
  it('EHCP in-year adjustments line: budget £550,000, outturn £702,853, overspend £152,853', () => {
    const l = line('EHCP in-year adjustments');
    expect([money(l.budget), money(l.forecastOutturn), money(l.variance)]).toEqual(['550000.00', '702853.00', '152853.00']);
  });
  it('Special Schools / High Needs in-year adjustments line: budget £400,000, outturn £535,864, overspend £135,864', () => {
    const l = line('Special Schools / High Needs in-year adjustments');
    expect([money(l.budget), money(l.forecastOutturn), money(l.variance)]).toEqual(['400000.00', '535864.00', '135864.00']);
  });
  it('EHCPs at end of March 2023: 1,570 against a target of 1,568, 2 above', () => {
    const march = report.ehcp.find((m) => m.month === '2023-03')!;
    expect([march.plansAtEnd, march.target, march.gapToTarget]).toEqual([1570, 1568, 2]);
    expect(march.warnings).toEqual([]);
  });
  it('the summary sentence a forum member reads', () => {
    expect(summarySentence(year)).toBe(
      'At period 12 (March 2023), the in-year deficit for 2022-23 is £2,731,717: spend of £15,652,717 against DSG income of £12,921,000. The budget was set with a planned deficit of £2,700,000; the outturn is £31,717 over that budget (an overspend). The gross cumulative deficit is £11,862,717, £162,717 (1.39%) above the £11,700,000 agreed with the DfE.',
    );
  });
});

describe("the agreement's conditions", () => {
  it('are the Torbay agreement\'s 3.1 to 3.8, not yet rated', () => {
    expect(report.conditions.map((c) => c.ref)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8']);
    expect(report.conditions[0]!.text).toMatch(/^Maintain existing special school numbers/);
    expect(report.conditions.every((c) => c.rag === 'not rated')).toBe(true);
  });
});

describe('the agreement years without actuals', () => {
  it('are listed with status "no data"', () => {
    const later = report.years.filter((y) => y.label !== '2022-23');
    expect(later.map((y) => [y.label, y.status])).toEqual([
      ['2023-24', 'no data'],
      ['2024-25', 'no data'],
      ['2025-26', 'no data'],
      ['2026-27', 'no data'],
    ]);
    expect(later.every((y) => y.cumulativeDeficitGross === null)).toBe(true);
  });
});

describe('the tolerance setting', () => {
  it('is red at 1% and amber at 2%', () => {
    expect(exampleReport('0.01').years[0]!.status).toBe('red');
    expect(exampleReport('0.0139').years[0]!.status).toBe('red');
    expect(exampleReport('0.014').years[0]!.status).toBe('amber');
  });
});
