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

describe('--allocation-income: the allocation as DSG income for a year no funding file covers', () => {
  // tests/fixtures/allocation-income: a 2023-24 budget and twelve months of actuals, no funding file.
  // Spend: Schools 12 × £1,750,000 = £21,000,000; CSSB 12 × £75,000 = £900,000; High Needs
  // 12 × £2,000,000 = £24,000,000; Early Years 12 × £625,000 = £7,500,000; in all £53,400,000.
  // Income: row 123's after-recoupment total, £50,021,046. In-year deficit £53,400,000 − £50,021,046
  // = £3,378,954; with the opening £9,131,000, £12,509,954 against a profile of £13,000,000: green.
  const DIR = 'tests/fixtures/allocation-income';

  it('uses it only when asked, and says so in the warnings and the national section', () => {
    const r = npmReport(['--json', '--la', '880', '--allocation-income', '2023-24', DIR, ODS]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.years[0]).toMatchObject({ financialYear: '2023-24', forecastOutturn: '53400000.00', income: '50021046.00', inYearDeficit: '3378954.00', cumulativeDeficitGross: '12509954.00', status: 'green' });
    expect(j.warnings).toContain(
      "2023-24: the DSG income is the ESFA's allocation after recoupment for LA 880 (dedicated-schools-grant_2023-24_published-2024-07-20.ods), not a funding file: £50,021,046 (Schools £21,384,976, Central School Services £859,362, High Needs £20,270,274, Early Years £7,506,434), as --allocation-income asks",
    );
    expect(j.national.allocations.usedInCalculations).toBe(true);
    expect(j.national.allocations.usedAsIncome).toEqual([
      { year: '2023-24', source: 'dedicated-schools-grant_2023-24_published-2024-07-20.ods', total: '50021046.00', blocks: { Schools: '21384976.00', 'Central School Services': '859362.00', 'High Needs': '20270274.00', 'Early Years': '7506434.00' } },
    ]);
    // The reconciliation still sets the allocation beside the funding file's own income: none.
    expect(j.national.allocations.rows[4]).toMatchObject({ block: 'Total', fundingFileIncome: null });
  });

  it('without the option the year has no income and is never green', () => {
    const r = npmReport(['--json', '--la', '880', DIR, ODS]);
    const y = JSON.parse(r.stdout).years[0];
    expect(y.income).toBe('0.00');
    expect(y.status).not.toBe('green');
  });

  it('the text report says it on the year', () => {
    const r = npmReport(['--la', '880', '--allocation-income', '2023-24', DIR, ODS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2023-24: the DSG income is the ESFA's allocation after recoupment for LA 880");
    expect(r.stdout).toContain('Used in the calculations: 2023-24: the DSG income is');
  });

  it.each([
    [['--la', '880', '--allocation-income', '2023-24', DIR, 'tests/fixtures/allocation-income-funded/funding.csv', ODS], 'Error: --allocation-income 2023-24: the allocation cannot be used, as your funding file holds DSG income for 2023-24'],
    [['--la', '880', '--allocation-income', '2024-25', DIR, ODS], 'Error: --allocation-income 2024-25: the allocation cannot be used, as the allocations held have no 2024-25 row for LA 880'],
    [['--la', '880', '--allocation-income', '2023-24', DIR], 'Error: --allocation-income 2023-24: the allocation cannot be used, as no DSG allocations table is held'],
    [['--allocation-income', '2023-24', DIR, ODS], 'Error: --allocation-income needs --la'],
    [['--la', '880', '--allocation-income', '23-24x', DIR, ODS], 'Error: --allocation-income: "23-24x"'],
  ])('refuses %j with status 2 and nothing on stdout', (argv, message) => {
    const r = npmReport(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});
