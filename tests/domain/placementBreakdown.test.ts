/** EHCPs by placement type and age band from the small example placements file, worked out by hand. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFixed2 } from '../../src/domain/money';
import { importBytes } from '../../src/import/importFile';
import { breakdownFinding, byAgeBand, byType, latestCosts } from '../../src/views/placements/shape';
import { ROOT } from '../helpers';

const file = join(ROOT, 'tests/fixtures/placements/placements.csv');
const r = importBytes(new Uint8Array(readFileSync(file)), 'placements.csv');
const p = r.data.placements!;

describe('the example placements file', () => {
  it('imports as placements with no errors', () => {
    expect(r.kind).toBe('placements');
    expect(r.errors).toEqual([]);
    expect(p).toHaveLength(48);
  });
  it('gives plans by placement type at each census', () => {
    const b = byType(p);
    expect(b.months.map((m) => m.label)).toEqual(['January 2021', 'January 2022', 'January 2023']);
    expect(b.totals).toEqual([1130, 1214, 1301]);
    expect(b.rows.find((x) => x.key === 'mainstream')!.counts).toEqual([520, 557, 595]);
    expect(b.rows.find((x) => x.key === 'independent')!.counts).toEqual([70, 82, 95]);
    expect(breakdownFinding(b, 'placement type')).toBe('1,130 plans at January 2021 to 1,301 at January 2023; the largest change is mainstream school or academy (+75)');
  });
  it('gives plans by age band, adding up to the same totals', () => {
    const b = byAgeBand(p);
    expect(b.rows.map((x) => [x.label, ...x.counts])).toEqual([
      ['Under 5', 8, 9, 10],
      ['Aged 5 to 10', 470, 501, 531],
      ['Aged 11 to 15', 432, 463, 495],
      ['Aged 16 to 19', 180, 196, 215],
      ['Aged 20 to 25', 40, 45, 50],
    ]);
    expect(b.notGiven).toBeUndefined();
  });
  it('costs the latest census: plans × annual cost by type', () => {
    const c = latestCosts(p)!;
    expect(c.month).toBe('January 2023');
    expect(c.rows.map((x) => [x.plans, toFixed2(x.annualCost!), toFixed2(x.yearly!)])[3]).toEqual([95, '58500.00', '5557500.00']);
    expect(toFixed2(c.total!)).toBe('21051000.00');
  });
});
