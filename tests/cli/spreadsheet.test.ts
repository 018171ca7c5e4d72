/**
 * The command-line report on workbooks: the example data as one .xlsx (and one .ods), a sheet per
 * CSV file with its numbers stored as numbers, gives the same report as the CSV files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR, ROOT } from '../helpers';

function report(args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/report.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A CSV cell as a person typing it into Excel leaves it: a plain number becomes a number. */
function cell(text: string): string | number {
  return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** One sheet per example CSV file, named after it, in the folder's order. */
function exampleBook(): { wb: XLSX.WorkBook; numbers: number } {
  const wb = XLSX.utils.book_new();
  let numbers = 0;
  for (const f of readdirSync(DATA_DIR).filter((x) => x.endsWith('.csv')).sort()) {
    const rows = Papa.parse<string[]>(readFileSync(join(DATA_DIR, f), 'utf8'), { skipEmptyLines: true }).data;
    const cells = rows.map((r) => r.map(cell));
    numbers += cells.flat().filter((c) => typeof c === 'number').length;
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(cells), f.replace(/\.csv$/, ''));
  }
  return { wb, numbers };
}

const dir = mkdtempSync(join(tmpdir(), 'dsg-sheets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(name: string, wb: XLSX.WorkBook): string {
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: name.endsWith('.ods') ? 'ods' : 'xlsx' }) as ArrayBuffer));
  return path;
}

/** The report without the list of files read (which names them, and so differs by design). */
function figures(stdout: string): unknown {
  const json = JSON.parse(stdout) as Record<string, unknown>;
  delete json.files;
  return json;
}

describe('the example data as one workbook', () => {
  const { wb, numbers } = exampleBook();
  const xlsx = save('example.xlsx', wb);
  const ods = save('example.ods', wb);
  const csv = report(['--json', DATA_DIR]);

  it('is a real test: the sheets hold numbers, not text', () => {
    expect(wb.SheetNames).toEqual(['actuals', 'agreement', 'budget', 'conditions', 'ehcp', 'funding', 'targets']);
    expect(numbers).toBeGreaterThan(200);
    expect(wb.Sheets.budget!.D2).toMatchObject({ t: 'n', v: 6089000 });
    expect(csv.code).toBe(0);
  });

  it.each([['.xlsx', xlsx], ['.ods', ods]])('%s gives exactly the report JSON of the CSV files', (_ext, path) => {
    const r = report(['--json', path]);
    expect(r.code).toBe(0);
    // Stderr says what each sheet was read as.
    const name = path.slice(path.lastIndexOf('/') + 1);
    expect(r.stderr).toContain(`${name}, sheet "budget": read as budget, header in row 1; 19 rows below it: 19 read in, 0 skipped, 0 rejected.`);
    expect(r.stderr.trim().split('\n')).toHaveLength(7);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toContain(`${name}, sheet "actuals"`);
    expect(figures(r.stdout)).toEqual(figures(csv.stdout));
    expect(JSON.parse(r.stdout).years[0]).toMatchObject({ cumulativeDeficitGross: '11862717.00', cumulativeDeficitNet: '6702717.00', status: 'amber' });
  });

  it('reads a folder’s workbooks beside its CSV files', () => {
    const folder = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(join(folder, 'example.xlsx'), readFileSync(xlsx));
    writeFileSync(join(folder, 'notes.txt'), 'not read');
    const r = report(['--json', folder]);
    expect(r.code).toBe(0);
    expect(figures(r.stdout)).toEqual(figures(csv.stdout));
  });
});

describe('choosing sheets', () => {
  function bookOf(sheets: [string, (string | number)[][], number?][]): XLSX.WorkBook {
    const wb = XLSX.utils.book_new();
    for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
    wb.Workbook = { Sheets: sheets.map(([, , hidden]) => ({ Hidden: (hidden ?? 0) as 0 | 1 | 2 })) };
    return wb;
  }
  const budget = (amount: number) => [['financial_year', 'block', 'line', 'budget'], ['2022-23', 'High Needs', 'Top-up funding', amount]];
  const others = ['agreement.csv', 'funding.csv'].map((f) => join(DATA_DIR, f));

  it('takes every visible sheet of a known kind, skips hidden ones, and warns of a sheet it cannot read', () => {
    const path = save('choose.xlsx', bookOf([
      ['Notes', [['Prepared by the finance team'], ['Figures in pounds']]],
      ['Old budget', budget(999), 1],
      ['Budget', budget(1234.56)],
    ]));
    const r = report(['--json', path, ...others]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.years[0].budget).toBe('1234.56');
    expect(json.warnings).toContain('choose.xlsx: sheet "Notes" was not read: no row within its first 20 has the columns of a known kind');
    expect(json.warnings).toContain('choose.xlsx: sheet "Old budget" (budget) is hidden and was not read: name it with --sheet choose.xlsx=NAME to read it');
  });

  it('takes only the sheets named with --sheet, hidden ones too', () => {
    const path = join(dir, 'choose.xlsx');
    const r = report(['--json', '--sheet', 'choose.xlsx=Old budget', path, ...others]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).years[0].budget).toBe('999.00');
  });

  it('refuses a sheet that is not there, naming the sheets that are', () => {
    const r = report(['--json', `--sheet=choose.xlsx=Budgets`, join(dir, 'choose.xlsx'), ...others]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Error: choose.xlsx: the workbook has no sheet named "Budgets". Accepted: one of its sheets: "Notes", "Old budget" (budget, hidden), "Budget" (budget).');
  });

  it('refuses --sheet for a file not given, and says --sheet in --help', () => {
    const r = report(['--json', '--sheet', 'other.xlsx=Budget', join(dir, 'choose.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sheet other.xlsx=Budget: no file named other.xlsx is read');
    expect(report(['--help']).stdout).toMatch(/--sheet FILE=NAME/);
  });

  it('names the sheet, row and column of a bad cell', () => {
    const path = save('bad.xlsx', bookOf([['Budget', [...budget(1), ['2022-23', 'High Needs', 'Growth', '12x.50']]]]));
    const r = report(['--json', path, ...others]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.xlsx, sheet "Budget", row 3, column D (budget): value "12x.50": not an amount of money');
  });

  it('refuses an old .xls workbook with what to do', () => {
    const path = join(dir, 'old.xls');
    writeFileSync(path, new Uint8Array(XLSX.write(bookOf([['Budget', budget(1)]]), { type: 'array', bookType: 'xls' }) as ArrayBuffer));
    const r = report(['--json', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('old.xls: the file is an old-style Excel 97-2003 workbook (.xls)');
    expect(r.stderr).toContain('Accepted: the workbook saved as .xlsx');
  });
});
