/** Budgets by cost centre alone: a budget-v-actual report takes its block and line from the cost-centre map; a budget with block headings keeps its own lines. */
import { describe, expect, it } from 'vitest';
import type { MapEntry } from '../../src/model/costCentreMap';
import { importBytes } from '../../src/import/importFile';

const bytes = (t: string) => new TextEncoder().encode(t);
const REPORT = [
  'Budget v Actual Report',
  'Financial Year: 2023/24    Period: 6',
  'Cost Centre,Cost Centre Name,Revised Budget,YTD Actual,Forecast Outturn',
  'HN3002,Independent special schools,"4,750,000.00","2,801,234.56","5,650,000.00"',
  'CS2001,Admissions,"290,000.00","139,876.54","285,000.00"',
  'Report Total,,"5,040,000.00","2,941,111.10","5,935,000.00"',
].join('\n') + '\n';
const MAP: MapEntry[] = [
  { code: 'HN3002', block: 'High Needs', line: 'Independent special schools (HN)', treatment: 'spend', source: 'file' },
  { code: 'CS2001', block: 'Central School Services', line: 'Admissions', treatment: 'spend', source: 'file' },
];

describe('a budget-v-actual report by cost centre', () => {
  it('gives the budget and actuals on the lines the map names, not the cost centre names', () => {
    const r = importBytes(bytes(REPORT), 'bva.csv', { costCentreMap: MAP });
    expect(r.errors).toEqual([]);
    expect(r.data.budgets.map((b) => [b.block, b.line, b.costCentre, b.budget])).toEqual([
      ['High Needs', 'Independent special schools (HN)', 'HN3002', 475000000],
      ['Central School Services', 'Admissions', 'CS2001', 29000000],
    ]);
    expect(r.data.actuals.map((a) => [a.line, a.actuals[5], a.forecasts[5]])).toEqual([
      ['Independent special schools (HN)', 280123456, 565000000],
      ['Admissions', 13987654, 28500000],
    ]);
    expect(r.skipped).toContainEqual({ row: 6, reason: 'a totals row ("Report Total"): not added in' });
  });

  it('names each unmapped cost centre with its total, reading none of its rows', () => {
    const r = importBytes(bytes(REPORT), 'bva.csv', { costCentreMap: MAP.slice(1) });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 4, column: 'A (Cost Centre)', value: 'HN3002' });
    expect(r.errors[0]!.message).toContain('(the code is on 1 row, totalling £4,750,000.00)');
    expect(r.data.budgets.map((b) => b.line)).toEqual(['Admissions']);
  });
});

describe('a budget with a cost centre column and block heading rows', () => {
  it('keeps its own lines, the block from the headings (never asks the map)', () => {
    const t = 'Budget 2023/24\nCost Centre,Service,Budget\nHigh Needs Block,,\nHN3002,Top up funding,"1,000.00"\nSchools Block,,\nSB1001,Growth fund,500.00\n';
    const r = importBytes(bytes(t), 'm.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.budgets.map((b) => [b.block, b.line, b.costCentre, b.budget])).toEqual([
      ['High Needs', 'Top up funding', 'HN3002', 100000],
      ['Schools', 'Growth fund', 'SB1001', 50000],
    ]);
  });
});
