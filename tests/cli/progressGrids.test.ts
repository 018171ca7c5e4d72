/** report --json with the progress report's grids (issue 14 point 5), run as a user runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const ISSUED = 'tests/fixtures/progress/plans-issued.csv';
const INACTIVE = 'tests/fixtures/progress/plans-made-inactive.csv';
const AGES = 'tests/fixtures/progress/cessations-by-age.csv';

function npmReport(args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'report', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('report --json data <the two grids as the Torbay paper prints them>', () => {
  const { code, stdout, stderr } = npmReport(['--json', 'data', ISSUED, INACTIVE, AGES]);
  const json = JSON.parse(stdout || '{}');
  type G = { measure: string; month: string; progressReport: number; ehcpFile: number | null; difference: number | null };
  const grids: G[] = json.progressGrids ?? [];

  it('reads both grids as their kind', () => {
    expect(code).toBe(0);
    expect(stderr).toContain('plans-issued.csv: read as EHCP year-by-month grid (plans issued or made inactive), header in row 3; 5 rows below it: 5 read in');
    expect(stderr).toContain('plans-made-inactive.csv: read as EHCP year-by-month grid');
  });

  it('gives every month printed, and none printed "-"', () => {
    // Issued: 2019-2022 twelve months each, 2023 Jan and Feb; the same for made inactive.
    expect(grids.filter((g) => g.measure === 'newPlans')).toHaveLength(50);
    expect(grids.filter((g) => g.measure === 'plansEnded')).toHaveLength(50);
    expect(grids.some((g) => g.month === '2023-03')).toBe(false);
    // 2022's issued months, by hand from the paper: 5+13+19+20+23+22+23+14+20+17+14+14 = 204.
    expect(grids.filter((g) => g.measure === 'newPlans' && g.month.startsWith('2022')).reduce((s, g) => s + g.progressReport, 0)).toBe(204);
  });

  it('sets each month beside the EHCP file: Jan 2023 made inactive 37 = 32 ceased + 3 moved out + 2 inactive', () => {
    expect(grids.filter((g) => g.month.startsWith('2023'))).toEqual([
      { measure: 'newPlans', month: '2023-01', progressReport: 16, ehcpFile: 16, difference: 0 },
      { measure: 'plansEnded', month: '2023-01', progressReport: 37, ehcpFile: 37, difference: 0 },
      { measure: 'newPlans', month: '2023-02', progressReport: 10, ehcpFile: 10, difference: 0 },
      { measure: 'plansEnded', month: '2023-02', progressReport: 15, ehcpFile: 15, difference: 0 },
    ]);
    // The EHCP file's other figures for those months are untouched by the grids.
    expect(json.ehcp.find((m: { month: string }) => m.month === '2023-01')).toMatchObject({ plansAtStart: 1612, plansAtEnd: 1593 });
  });
});

describe('report --json with the cessations by age group', () => {
  it('gives each age group as at February 2023; the groups add up to the printed 52 and 54', () => {
    const { code, stdout } = npmReport(['--json', AGES]);
    expect(code).toBe(0);
    const ages: { asAt: string; period: string; ageBand: string; madeInactive: number; ceasingInProgress: number }[] = JSON.parse(stdout).ageCessations;
    expect(ages.map((a) => [a.ageBand, a.madeInactive, a.ceasingInProgress])).toEqual([['under 5', 0, 0], ['5 to 10', 4, 8], ['11 to 15', 5, 24], ['16 to 19', 28, 19], ['20 to 25', 15, 3]]);
    expect(ages.every((a) => a.asAt === '2023-02' && a.period === '2022 / February 2023')).toBe(true);
    expect(ages.reduce((s, a) => s + a.madeInactive, 0)).toBe(52);
    expect(ages.reduce((s, a) => s + a.ceasingInProgress, 0)).toBe(54);
  });
});

describe('report --json with the tribunals and mediations', () => {
  it('gives each type and year as printed', () => {
    const { code, stdout, stderr } = npmReport(['--json', 'tests/fixtures/progress/tribunals-mediations.csv']);
    expect(code).toBe(0);
    expect(stderr).toContain('tribunals-mediations.csv: read as tribunals and mediations by calendar year, header in row 2; 2 rows below it: 2 read in');
    const cases: { caseType: string; year: number; count: number }[] = JSON.parse(stdout).tribunalsAndMediations;
    expect(cases.filter((c) => c.caseType === 'tribunals').map((c) => [c.year, c.count])).toEqual([[2018, 6], [2019, 9], [2020, 7], [2021, 9], [2022, 17], [2023, 4]]);
    expect(cases.filter((c) => c.caseType === 'mediations').map((c) => c.count)).toEqual([2, 0, 6, 2, 19, 3]);
  });
});

describe('report with a grid whose Year Total disagrees', () => {
  it('exits 2 naming the file, row, column and both figures, and prints nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grid-'));
    const file = join(dir, 'issued.csv');
    writeFileSync(file, 'New EHCPs issued\n,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,Year Total\n2023,16,10,-,-,-,-,-,-,-,-,-,-,25\n');
    const { code, stdout, stderr } = npmReport(['--json', 'data', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('issued.csv, row 3, column N (Year Total): value "25": the Year Total is not the sum of the months given (16 + 10 = 26)');
  });
});
