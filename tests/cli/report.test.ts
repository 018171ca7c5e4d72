/** The command-line report, run as a user runs it. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, ROOT } from '../helpers';

function npmReport(args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'report', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tsxReport(args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/report.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run --silent report -- data --json', () => {
  const { code, stdout, stderr } = npmReport(['data', '--json']);
  const json = JSON.parse(stdout);
  const y = json.years[0];

  it('exits 0 with one JSON object, and stderr says only what each file was read as', () => {
    expect(code).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      'actuals.csv: read as actuals (one row per line and period), header in row 1; 228 rows below it: 228 read in, 0 skipped, 0 rejected.',
      'agreement.csv: read as Safety Valve agreement, header in row 1; 5 rows below it: 5 read in, 0 skipped, 0 rejected.',
      'budget.csv: read as budget, header in row 1; 19 rows below it: 19 read in, 0 skipped, 0 rejected.',
      'conditions.csv: read as agreement conditions, header in row 1; 8 rows below it: 8 read in, 0 skipped, 0 rejected.',
      'ehcp.csv: read as EHCP numbers, header in row 1; 51 rows below it: 51 read in, 0 skipped, 0 rejected.',
      'funding.csv: read as DSG funding, header in row 1; 4 rows below it: 4 read in, 0 skipped, 0 rejected.',
      'targets.csv: read as targets, header in row 1; 3 rows below it: 3 read in, 0 skipped, 0 rejected.',
    ]);
  });
  it('lists the files in the JSON as stderr does', () => {
    expect(json.files.map((f: { file: string; kind: string }) => [f.file, f.kind])).toEqual([
      ['actuals.csv', 'actuals'], ['agreement.csv', 'agreement'], ['budget.csv', 'budget'], ['conditions.csv', 'conditions'],
      ['ehcp.csv', 'ehcp'], ['funding.csv', 'funding'], ['targets.csv', 'targets'],
    ]);
    expect(json.files[0]).toEqual({
      file: 'actuals.csv', kind: 'actuals', kindChosen: false, headerRow: 1,
      rowsRead: 228, rowsImported: 228, rowsSkipped: 0, rowsRejected: 0, rowsExcluded: 0, warnings: 0, errors: 0,
    });
  });
  it('reproduces SPEC section 7', () => {
    expect(y).toMatchObject({
      financialYear: '2022-23',
      latestPeriod: 12,
      budget: '15621000.00',
      actualToDate: '15652717.00',
      forecastOutturn: '15652717.00',
      income: '12921000.00',
      inYearDeficit: '2731717.00',
      cumulativeDeficitGross: '11862717.00',
      agreementProfile: '11700000.00',
      varianceToProfile: '162717.00',
      varianceToProfilePercent: '1.39',
      dfeContributionsToDate: '5160000.00',
      cumulativeDeficitNet: '6702717.00',
      status: 'amber',
    });
    const byBlock = Object.fromEntries(y.blocks.map((b: { block: string }) => [b.block, b]));
    expect(Object.keys(byBlock)).toEqual(['Schools', 'Central School Services', 'High Needs', 'Early Years']);
    expect(byBlock['Early Years']).toMatchObject({ variance: '-136000.00', inYearDeficit: '-136000.00' });
    expect(byBlock['High Needs']).toMatchObject({ variance: '293717.00', inYearDeficit: '2993717.00' });
    expect(byBlock['Schools']).toMatchObject({ variance: '-12000.00', inYearDeficit: '-12000.00' });
    expect(byBlock['Central School Services']).toMatchObject({ variance: '-114000.00', inYearDeficit: '-114000.00' });
    const line = (name: string) => y.lines.find((l: { line: string }) => l.line === name);
    expect(line('EHCP in-year adjustments')).toMatchObject({ budget: '550000.00', forecastOutturn: '702853.00', variance: '152853.00' });
    expect(line('Special Schools / High Needs in-year adjustments')).toMatchObject({ budget: '400000.00', forecastOutturn: '535864.00', variance: '135864.00' });
    const march = json.ehcp.find((m: { month: string }) => m.month === '2023-03');
    expect(march).toMatchObject({ plansAtEnd: 1570, target: 1568, gapToTarget: 2, warnings: [] });
    expect(json.warnings).toEqual([]);
  });
  it('writes every amount with exactly two decimals', () => {
    const amounts = [...stdout.matchAll(/"(budget|actual|variance|income|inYearDeficit|forecastOutturn)": "([^"]*)"/g)].map((m) => m[2]);
    expect(amounts.length).toBeGreaterThan(100);
    for (const a of amounts) expect(a).toMatch(/^-?\d+\.\d{2}$/);
  });
  it('gives months by block, and the agreement years without actuals as "no data"', () => {
    expect(y.months).toHaveLength(48);
    expect(y.months[0]).toEqual({ period: 1, block: 'Schools', budget: '10666.67', actual: '9666.67', variance: '-1000.00' });
    expect(json.years.slice(1).map((x: { financialYear: string; status: string }) => [x.financialYear, x.status])).toEqual([
      ['2023-24', 'no data'], ['2024-25', 'no data'], ['2025-26', 'no data'], ['2026-27', 'no data'],
    ]);
  });
});

describe('the readable summary and options', () => {
  it('prints status and reason per year', () => {
    const { code, stdout } = tsxReport([DATA_DIR]);
    expect(code).toBe(0);
    expect(stdout).toContain('2022-23 (as at period 12, March 2023): AMBER');
    expect(stdout).toContain('Cumulative deficit (gross): £11,862,717 against the agreed profile of £11,700,000');
    expect(stdout).toContain('2023-24 (no actuals): NO DATA');
  });
  it('takes --tolerance as a fraction or a percentage', () => {
    expect(JSON.parse(tsxReport(['--json', '--tolerance', '0.01', DATA_DIR]).stdout).years[0].status).toBe('red');
    expect(JSON.parse(tsxReport(['--json', '--tolerance=1.5%', DATA_DIR]).stdout).years[0].status).toBe('amber');
  });
  it('accepts files as well as folders', () => {
    const files = ['budget.csv', 'actuals.csv', 'funding.csv', 'agreement.csv'].map((f) => join(DATA_DIR, f));
    const json = JSON.parse(tsxReport(['--json', ...files]).stdout);
    expect(json.years[0].cumulativeDeficitGross).toBe('11862717.00');
    expect(json.ehcp).toEqual([]);
  });
});

describe('invalid input', () => {
  function badFolder(name: string, content: string | Buffer) {
    const dir = mkdtempSync(join(tmpdir(), 'dsg-bad-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    writeFileSync(join(dir, name), content);
    return dir;
  }

  it('exits 2, lists every problem on stderr with file, row, column, value and what is accepted, and prints nothing on stdout', () => {
    const dir = badFolder('actuals.csv', [
      'financial_year,period,block,line,actual',
      '2022-23,1,High Needs,Joint Funded Placements,12x.50',
      '2022-23,13,High Needs,Joint Funded Placements,100',
      '2022-23,2,Middle Needs,Joint Funded Placements,100',
      '',
    ].join('\n'));
    const { code, stdout, stderr } = tsxReport(['--json', dir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('actuals.csv, row 2, column E (actual): value "12x.50": not an amount of money');
    expect(stderr).toContain('Accepted: an amount such as 1234');
    expect(stderr).toContain('actuals.csv, row 3, column B (period): value "13": not a period or month (period outside 1 to 12)');
    expect(stderr).toContain('actuals.csv, row 4, column C (block): value "Middle Needs": not one of the four DSG blocks. Accepted: Schools, Central School Services, High Needs or Early Years');
    expect(stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  });
  it('exits 2 for an unrecognised or binary file, a missing path and a bad option, without a stack trace', () => {
    const bin = badFolder('ledger.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    for (const args of [[bin], ['no-such-folder'], ['--tolerance', 'lots', DATA_DIR], ['--frobnicate', DATA_DIR]]) {
      const r = tsxReport(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Error/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(tsxReport([bin]).stderr).toContain('ledger.csv: the file is not text');
  });
});

describe('finance-system exports and the form options', () => {
  const exports = join(ROOT, 'tests/fixtures/exports');

  it('--help names each form option', () => {
    const { code, stdout } = tsxReport(['--help']);
    expect(code).toBe(0);
    for (const option of ['--number-format uk|european', '--period-code calendar|fiscal', '--single-year start|end', '--units pounds|thousands|millions']) {
      expect(stdout).toContain(option);
    }
  });

  it('refuses an option value it does not know', () => {
    const { code, stderr } = tsxReport(['--units', 'lots', exports]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--units needs one of pounds, thousands, millions/);
  });

  it('reports a budget-monitoring workbook in £000, with the figures of its own Report Total', () => {
    const { code, stdout } = tsxReport(['--json', join(exports, 'council-budget-monitoring.csv')]);
    expect(code).toBe(0);
    // 1,250.0 + 300.0 + 6,089.5 + 4,500.0 + 12,000.0 = £24,139.5k; actual 612.4 + 150.0 + 3,210.25 + 2,750.0 + 5,990.0 = £12,712.65k
    expect(JSON.parse(stdout).years[0]).toMatchObject({
      financialYear: '2023-24', latestPeriod: 6, budget: '24139500.00', actualToDate: '12712650.00', forecastOutturn: '25800500.00', variance: '1661000.00',
    });
  });

  it('asks for the number format where 22.590 could be either, and reads it as chosen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forms-'));
    const file = join(dir, 'budget.csv');
    writeFileSync(file, 'Financial Year;Block;Budget line;Budget\n2023-24;High Needs;Top up funding;22.590\n');
    const asked = tsxReport(['--json', file]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/budget\.csv, row 2, column D \(Budget\): value "22\.590".*number-format option/);
    const told = tsxReport(['--json', '--number-format', 'european', file]);
    expect(told.code).toBe(0);
    expect(JSON.parse(told.stdout).years[0].budget).toBe('22590.00');
  });
});
