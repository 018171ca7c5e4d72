/** report --la: the national context beside the council's report, run as a user runs it. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const ZIP = 'tests/fixtures/national/ehcp_2025.zip';
const ODS = 'tests/fixtures/national/dedicated-schools-grant_2023-24_published-2024-07-20.ods';

function npmReport(args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'report', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run --silent report -- --json --la 880 data <the national files>', () => {
  const { code, stdout, stderr } = npmReport(['--json', '--la', '880', 'data', ZIP, ODS]);
  const json = JSON.parse(stdout || '{}');

  it('exits 0, stderr saying only what each council file was read as, the council report unchanged beside the national section', () => {
    expect(stderr).not.toMatch(/Error|Warning/);
    expect(code).toBe(0);
    expect(json.years[0].financialYear).toBe('2022-23');
    expect(json.national).toMatchObject({ la: '880', name: 'Torbay', region: 'South West' });
  });

  it('carries every metric in the issue, Torbay against England and the South West', () => {
    expect(json.national.metrics.map((m: { id: string }) => m.id)).toEqual([
      'ehcps', 'ehcps_growth_pct', 'new_plans', 'requests', 'within_20_weeks_pct', 'independent_special_pct', 'tribunal_appeal_rate_pct', 'dsg_high_needs_allocation',
    ]);
    // caseload.csv row 25056 (Torbay 202425, ehcplans 1643), row 13028 (England 638745).
    expect(json.national.metrics[0]).toMatchObject({ id: 'ehcps', period: '2025', value: 1643, england: 638745, comparators: null, source: 'caseload.csv' });
    expect(json.national.metrics[0].rankInEngland).toBeGreaterThan(0);
    expect(json.national.metrics[0].of).toBe(153);
  });

  it("shows the allocation beside the funding: the workbook's after-recoupment row for 880, not used in the calculations", () => {
    // Allocations_summary row 123 (Torbay): [F] 21,384,976 [G] 859,362 [H] 20,270,274 [I] 7,506,434 [J] 50,021,046.
    const rows = json.national.allocations.rows;
    expect(json.national.allocations.usedInCalculations).toBe(false);
    expect(rows.map((r: { block: string; afterRecoupment: string }) => [r.block, r.afterRecoupment])).toEqual([
      ['Schools', '21384976.00'], ['Central School Services', '859362.00'], ['High Needs', '20270274.00'], ['Early Years', '7506434.00'], ['Total', '50021046.00'],
    ]);
    // The example's funding file covers 2022-23 only: nothing to set beside 2023-24, and said so by null.
    expect(rows[4]).toMatchObject({ year: '2023-24', fundingFileIncome: null, differenceAfter: null });
    // The council's own count at the end of January 2023 (data/ehcp.csv: 1593) beside the census (1595).
    expect(json.national.censusChecks).toEqual([{ month: '2023-01', census: 1595, own: 1593, difference: -2 }]);
  });
});

describe('--compare', () => {
  it('adds the comparators median and range, and the text report prints the section', () => {
    const { code, stdout } = npmReport(['--la', '880', '--compare', '879,878', 'data', ZIP]);
    expect(code).toBe(0);
    expect(stdout).toContain('National context: Torbay (880), South West');
    // newplans.csv rows 17742, 17710, 17677: 205; Plymouth 337, Devon 1491.
    expect(stdout).toContain('New EHC plans issued in the calendar year, 2024: 205; England 97,747; South West 9,888; comparators median 914 (337 to 1,491)');
    // No allocations workbook given: that metric is left out, and said so.
    expect(stdout).toContain('Note: dsg_high_needs_allocation: not shown, as no allocations table is held.');
  });

  it.each([
    [['--la', '88', 'data'], 'Error: --la: "88" is not a local authority code. Accepted: the DfE\'s three-digit local authority code, such as 880.'],
    [['--la', '880', '--compare', '879,E06', 'data'], 'Error: --compare: "E06" is not a local authority code'],
    [['--compare', '879', 'data'], 'Error: --compare needs --la'],
  ])('refuses %j on stderr, with nothing on stdout and status 2', (argv, message) => {
    const r = npmReport(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});
