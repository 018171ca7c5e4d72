/** The command-line report with a cost-centre map: a map file is one more input, and the budget's cost centres serve as one. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/run';
import { ROOT } from '../helpers';

const DIR = join(ROOT, 'tests/fixtures/costcentre');
const input = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });
const text = (name: string, t: string) => ({ name, bytes: new TextEncoder().encode(t) });

describe('the report with a cost-centre map', () => {
  it('refuses the Oracle-style ledger while a cost centre is unmapped, naming it with its total', async () => {
    const out = await runReport([input('budget-cost-centres.csv'), input('map-oracle.csv'), input('oracle-account-analysis.csv')], { json: true });
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('oracle-account-analysis.csv, row 8, column F (Account): value "10.HN3099.5610.0000"');
    expect(out.stderr).toContain('totalling 15000.00');
  });

  it('gives the figures worked out by hand once a second map file maps it', async () => {
    const extra = text('more-map.csv', 'Cost centre,Block,Budget line\nHN3099,High Needs,Hospital education\n');
    const out = await runReport([input('budget-cost-centres.csv'), input('map-oracle.csv'), input('oracle-account-analysis.csv'), extra], { json: true });
    expect(out.stderr).not.toMatch(/Error/);
    const year = JSON.parse(out.stdout).years[0];
    // 125,000.00 + 88,500.50 - 2,500.25 + 15,000.00 + 5,400,000.00 + 612,345.67 + 1,000.01 + 33,333.33; the -3,000,000.00 of grant income is excluded.
    expect(year.actualToDate).toBe('6272679.26');
    const hn = year.blocks.find((b: { block: string }) => b.block === 'High Needs');
    expect(hn.actualToDate).toBe('259333.58');
  });

  it('reads the Unit4-style listing with its map, the budget giving the cost centres it has', async () => {
    const fixed = text('unit4-fix.csv', 'Cost centre,Block,Budget line,Treatment\nX999,,,exclude\n');
    const out = await runReport([input('budget-unit4.csv'), input('map-unit4.csv'), input('unit4-gl-transactions.csv'), fixed], { json: true });
    expect(out.stderr).not.toMatch(/Error/);
    const year = JSON.parse(out.stdout).years[0];
    // P1: 45,000.00 + 30,250.10; P2: 43,999.99 + 12,999.99 + 7,500.00 = 139,750.08.
    expect(year.actualToDate).toBe('139750.08');
  });
});
