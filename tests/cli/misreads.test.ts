/** The command-line report on files once read silently wrong, and its --kind option (issue 10). */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, ROOT } from '../helpers';

function report(args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/report.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder with the example's budget, funding and agreement, and the files given. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dsg-cli-'));
  for (const f of ['budget.csv', 'funding.csv', 'agreement.csv']) copyFileSync(join(DATA_DIR, f), join(dir, f));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const line = (json: { years: { lines: { line: string; actualToDate: string }[] }[] }, name: string) =>
  json.years[0]!.lines.find((l) => l.line === name)!;

describe('report on a CRLF file with one row ending in a bare LF', () => {
  it('reads every row: £600 where £600 was given', () => {
    const dir = folder({
      'actuals.csv': 'financial_year,period,block,line,actual\r\n2022-23,1,High Needs,Top ups,100\r\n2022-23,2,High Needs,Top ups,300\n2022-23,3,High Needs,Top ups,200\r\n',
    });
    const r = report(['--json', join(dir, 'actuals.csv'), join(dir, 'budget.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('actuals.csv: read as actuals (one row per line and period), header in row 1; 3 rows below it: 3 read in, 0 skipped, 0 rejected.');
    expect(line(JSON.parse(r.stdout), 'Top ups').actualToDate).toBe('600.00');
  });
});

describe('report on a transaction listing headed only "description" beside the line', () => {
  const listing = [
    'financial_year,period,block,line,actual,description',
    '2022-23,1,High Needs,Top ups,"1,000.00","Top-up, spring term"',
    '2022-23,1,High Needs,Top ups,250.50,Adjustment',
    '2022-23,1,High Needs,Top ups,(100.25),Recovery',
    '2022-23,2,High Needs,Top ups,500.00,Top-up',
    '2022-23,2,High Needs,Top ups,500.00,Top-up',
  ].join('\r\n');

  it('reads it as a ledger and says so on stderr, naming the file; the rows are added up', () => {
    const dir = folder({ 'gl.csv': listing });
    const r = report(['--json', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('gl.csv: read as ledger (one row per transaction), header in row 1; 5 rows below it: 5 read in, 0 skipped, 0 rejected (1 warning).');
    const json = JSON.parse(r.stdout);
    expect(json.files.find((f: { file: string }) => f.file === 'gl.csv')).toMatchObject({ kind: 'ledger', kindChosen: false });
    expect(json.warnings.some((w: string) => /gl\.csv.*read as a ledger/.test(w))).toBe(true);
    // 1,000.00 + 250.50 − 100.25 + 500 + 500 = 2,150.25
    expect(line(json, 'Top ups').actualToDate).toBe('2150.25');
  });

  it('reads it as actuals when --kind says so, and then each repeat is an error', () => {
    const dir = folder({ 'gl.csv': listing });
    const r = report(['--kind', 'gl.csv=actuals', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('gl.csv: read as actuals (one row per line and period) (as --kind says)');
    expect(r.stderr).toContain('gl.csv, row 3, column E (actual): value "250.50": a second actual for this line and period (the first is in row 2)');
  });

  it('--kind takes a kind in any case, with or without hyphens, and the file by its name or path', () => {
    const dir = folder({ 'gl.csv': listing });
    const r = report(['--json', `--kind=${join(dir, 'gl.csv')}=LEDGER`, dir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.find((f: { file: string }) => f.file === 'gl.csv')).toMatchObject({ kind: 'ledger', kindChosen: true });
  });

  it('refuses a --kind that names no file given, or no kind', () => {
    const dir = folder({ 'gl.csv': listing });
    const missing = report(['--kind', 'other.csv=ledger', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--kind other.csv=ledger: no file of that name is among the paths given');
    const bogus = report(['--kind', 'gl.csv=transactions', dir]);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('"transactions" is not a kind of file. Accepted: budget, actuals, actualsWide, ledger');
    const bare = report(['--kind', 'gl.csv', dir]);
    expect(bare.stderr).toContain('--kind needs FILE=KIND');
  });
});

describe('report on a Unit4 payables extract (voucher numbers, a description, no block)', () => {
  it('reads it as a ledger whose cost centres need a map, naming the file and codes, rather than as agreement conditions', () => {
    const dir = folder({
      'unit4-ap.csv': [
        'Client,Voucher No,Voucher type,Trans.date,Period,Account,Cost centre,Supplier ID,Supplier name,Description,Amount',
        'TC,60012345,AP,03/04/2022,202201,5610,HN3002,100234,Acme Tuition Ltd,Tuition April,"1,250.00"',
        'TC,60012346,AP,05/04/2022,202201,5610,HN3002,100871,Bay Transport,Transport April,640.00',
      ].join('\r\n'),
    });
    const r = report(['--json', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unit4-ap.csv: read as ledger (one row per transaction), header in row 1; 2 rows below it: 0 read in, 0 skipped, 2 rejected');
    expect(r.stderr).toContain('unit4-ap.csv, row 2, column G (Cost centre): value "HN3002": "HN3002" is not in the cost-centre map');
    expect(r.stderr).not.toMatch(/agreement conditions/);
  });
});

describe('report --help', () => {
  it('names every option and exits 0', () => {
    const r = report(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--json/);
    expect(r.stdout).toMatch(/--tolerance/);
    expect(r.stdout).toMatch(/--kind FILE=KIND/);
  });
});
