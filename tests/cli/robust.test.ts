/**
 * Issue 13 on the command line. Point 1: sums beyond the exact range are refused naming the file
 * and row (or the files together), exit 2, never "the report failed unexpectedly". Point 5: a
 * path that is not a regular file (/dev/zero, a named pipe, one inside a folder) is refused
 * before anything is read, and a 5 MB bad value is quoted cut to its first and last characters.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { ROOT } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'dsg-cli-robust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function report(args: string[], timeout = 60_000) {
  const started = Date.now();
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/report.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

const budgetRows = (n: number, amount: string, from = 1) =>
  ['financial_year,block,line,budget', ...Array.from({ length: n }, (_, i) => `2022-23,High Needs,Line ${i + from},${amount}`)].join('\n') + '\n';

describe('sums beyond the exact range', () => {
  it('100 budget lines of £999,999,999,999.99: refused naming the file and the row where the total passed £10tn', () => {
    const path = join(dir, 'huge-budget.csv');
    writeFileSync(path, budgetRows(100, '999999999999.99'));
    const r = report([path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('failed unexpectedly');
    // Ten lines of just under £1tn are within £10tn; the eleventh (row 12, after the header) passes it.
    expect(r.stderr).toContain('Error: huge-budget.csv, row 12: the amounts from the first data row to this one add up to more than £10 trillion');
  });

  it('files each within the limit but together beyond it: refused naming the files', () => {
    const a = join(dir, 'together');
    mkdirSync(a);
    writeFileSync(join(a, 'budget-a.csv'), budgetRows(6, '999999999999.99'));
    writeFileSync(join(a, 'budget-b.csv'), budgetRows(6, '999999999999.99', 7));
    const r = report([a]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('failed unexpectedly');
    expect(r.stderr).toContain('Error: budget-a.csv, budget-b.csv: together, the figures add up to more than £10 trillion');
  });
});

describe('only regular files are read, and no value is echoed whole', () => {
  it('refuses /dev/zero at once, reading nothing', () => {
    const r = report(['/dev/zero'], 20_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Error: /dev/zero: a device, not a file: name a CSV file or a folder of them.\n');
    expect(r.ms).toBeLessThan(15_000);
  });

  it('refuses a named pipe, given itself or found in a folder, without waiting for a writer', () => {
    const folder = join(dir, 'with-pipe');
    mkdirSync(folder);
    const fifo = join(folder, 'actuals.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const direct = report([fifo], 20_000);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain(`Error: ${fifo}: a named pipe, not a file`);
    const inFolder = report([folder], 20_000);
    expect(inFolder.code).toBe(2);
    expect(inFolder.stderr).toContain(`Error: ${fifo}: a named pipe, not a file`);
  });

  it('quotes a 5 MB bad value as its first and last characters and its length', () => {
    const value = 'abc' + 'x'.repeat(5_000_000) + 'end';
    const path = join(dir, 'long-value.csv');
    writeFileSync(path, `financial_year,block,line,budget\n2022-23,High Needs,Top up,${value}\n`);
    const r = report([path]);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(2000);
    expect(r.stderr).toContain(`value "abc${'x'.repeat(26)}…${'x'.repeat(26)}end (5,000,006 characters)"`);
  });
});
