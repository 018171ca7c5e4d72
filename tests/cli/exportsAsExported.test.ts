/**
 * Finance systems' exports in their own shape (tests/fixtures/exports/as-exported: cost centres or
 * account strings only, no block or budget line column), through the command-line report with
 * only the export, a budget with cost centres, the funding and agreement files, and a cost centre
 * map where one is needed; then the same exports as the .xlsx their systems write, which must
 * give the same figures. Expected figures are worked out by hand from the sample rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/run';
import { ROOT } from '../helpers';

const DIR = join(ROOT, 'tests/fixtures/exports/as-exported');
const input = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });
const COMMON = ['budget.csv', 'funding.csv', 'agreement.csv'];

interface Year {
  financialYear: string;
  actualToDate: string | null;
  budget: string;
  forecastOutturn: string | null;
  variance: string | null;
  latestPeriod: number | null;
  blocks: { block: string; actualToDate: string }[];
  lines: { block: string; line: string; costCentre?: string; budget: string; actualToDate: string | null; forecastOutturn: string | null }[];
}

async function run(files: string[]) {
  const out = await runReport(files.map(input), { json: true });
  expect(out.stderr).not.toMatch(/Error/);
  expect(out.exitCode).toBe(0);
  const json = JSON.parse(out.stdout) as { years: Year[]; files: { file: string; kind: string; rowsImported: number; rowsExcluded: number }[] };
  return { json, stderr: out.stderr, year: (fy: string) => json.years.find((y) => y.financialYear === fy)! };
}

const blockActual = (y: Year, block: string) => y.blocks.find((b) => b.block === block)!.actualToDate;
const lineActual = (y: Year, line: string) => y.lines.find((l) => l.line === line)?.actualToDate;

/**
 * The report's figures without the list of files read and the warnings, which name the files
 * (and the sheet), and so differ by design: a workbook's numbers need no number form said.
 */
function figures(stdout: string): unknown {
  const json = JSON.parse(stdout) as Record<string, unknown>;
  delete json.files;
  delete json.warnings;
  return json;
}

describe('SAP FBL3N G/L line items (;, European decimals, trailing minus, DD.MM.YYYY, Fiscal Year 2023), by cost centre', () => {
  it('gives each cost centre its budget line from the budget, the DSG grant excluded by the map', async () => {
    const { year, json } = await run([...COMMON, 'map.csv', 'sap-fbl3n.csv']);
    const y = year('2023-24');
    // HN3002 Independent special schools: 22.589,63 − 1.250,00- + 18.000,00 = 39,339.63
    expect(lineActual(y, 'Independent special schools')).toBe('39339.63');
    // HN3010 Top up funding: 45.000,00
    expect(lineActual(y, 'Top up funding')).toBe('45000.00');
    // High Needs: 39,339.63 + 45,000.00 = 84,339.63; Early Years EY1001: 987,65
    expect(blockActual(y, 'High Needs')).toBe('84339.63');
    expect(blockActual(y, 'Early Years')).toBe('987.65');
    // The 250.000,00- grant instalment on HN9000 is excluded: 84,339.63 + 987.65 = 85,327.28
    expect(y.actualToDate).toBe('85327.28');
    expect(y.latestPeriod).toBe(2);
    expect(json.files.find((f) => f.file === 'sap-fbl3n.csv')).toMatchObject({ kind: 'ledger', rowsImported: 5, rowsExcluded: 1 });
  });
});

describe('SAP KSB1 cost-centre line items (Val.in rep.cur., UK trailing minus, period 1 of Fiscal Year 2024)', () => {
  it('reads 2024-25 by cost centre, with no map file needed', async () => {
    const { year } = await run([...COMMON, 'sap-ksb1.csv']);
    const y = year('2024-25');
    // HN3002 P1: 12,500.00 − 1,234.56 = 11,265.44; P2: 9,999.99; year to date 21,265.43
    expect(lineActual(y, 'Independent special schools')).toBe('21265.43');
    // EY1001 P10 (15.01.2025): 301,000.00
    expect(lineActual(y, '3 and 4 year old entitlement')).toBe('301000.00');
    expect(y.actualToDate).toBe('322265.43');
    expect(y.latestPeriod).toBe(10);
    expect(year('2023-24').actualToDate).toBeNull();
  });
});

describe('Dynamics 365 voucher transactions (Ledger account 5610-HN3002-DSG, date-times, signed Amount)', () => {
  it('maps the cost centre segment of each ledger account; the balance sheet accrual is excluded by the map', async () => {
    const { year, json } = await run([...COMMON, 'map.csv', 'd365-voucher-transactions.csv']);
    const y = year('2023-24');
    // HN3002, April: 12,500.00 + 3,333.33 − 450.00 = 15,383.33
    expect(lineActual(y, 'Independent special schools')).toBe('15383.33');
    // SB1001 Growth fund, May: 25,000.00 + 1,234.56 = 26,234.56
    expect(lineActual(y, 'Growth fund')).toBe('26234.56');
    // 2150-HN3002-DSG (accruals, −800.00) excluded: 15,383.33 + 26,234.56 = 41,617.89
    expect(y.actualToDate).toBe('41617.89');
    expect(json.files.find((f) => f.file === 'd365-voucher-transactions.csv')).toMatchObject({ rowsImported: 5, rowsExcluded: 1 });
  });
});

describe("Oracle GL account analysis with its own Accounted Dr and Cr columns, by account string", () => {
  it('nets Dr − Cr per cost centre segment; the grant income account 9100 is excluded by the map', async () => {
    const { year, json } = await run([...COMMON, 'map.csv', 'oracle-gl-account-analysis.csv']);
    const y = year('2023-24');
    // 01.HN4100.5230.0000: 4,200.00 + 1,050.75 − 300.00 (Cr) + 4,200.00 = 9,150.75
    expect(lineActual(y, 'Speech and language therapy')).toBe('9150.75');
    // 01.CS2001.5010.0000: 2,416.67
    expect(lineActual(y, 'Admissions')).toBe('2416.67');
    // 01.HN4100.9100.0000 (Cr 100,000.00 of DSG) excluded; the Report Total row is skipped: 9,150.75 + 2,416.67
    expect(y.actualToDate).toBe('11567.42');
    expect(json.files.find((f) => f.file === 'oracle-gl-account-analysis.csv')).toMatchObject({ rowsImported: 5, rowsExcluded: 1 });
  });
});

describe('a budget-v-actual report by cost centre (no block or line), with a cost centre map', () => {
  it('gives the revised budget, actuals to date and forecast at period 6 on the mapped lines', async () => {
    const { year } = await run(['funding.csv', 'agreement.csv', 'map-budget-v-actual.csv', 'budget-v-actual.csv']);
    const y = year('2023-24');
    const line = (name: string) => y.lines.find((l) => l.line === name)!;
    expect(line('Independent special schools')).toMatchObject({ block: 'High Needs', costCentre: 'HN3002', budget: '4750000.00', actualToDate: '2801234.56', forecastOutturn: '5650000.00' });
    expect(line('Top up funding')).toMatchObject({ block: 'High Needs', budget: '6089500.00', actualToDate: '3010111.11', forecastOutturn: '6089500.00' });
    expect(line('Admissions')).toMatchObject({ block: 'Central School Services', budget: '290000.00', actualToDate: '139876.54', forecastOutturn: '285000.00' });
    // Revised budgets 4,750,000.00 + 6,089,500.00 + 290,000.00 = 11,129,500.00 (the Report Total row, skipped, says the same)
    expect(y.budget).toBe('11129500.00');
    expect(y.actualToDate).toBe('5951222.21');
    // Forecast 12,024,500.00 − budget 11,129,500.00 = 895,000.00 over
    expect(y.variance).toBe('895000.00');
    expect(y.latestPeriod).toBe(6);
  });

  it('names each cost centre with no map, never reading the rows without a line', async () => {
    const out = await runReport(['funding.csv', 'agreement.csv', 'budget-v-actual.csv'].map(input), { json: true });
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('budget-v-actual.csv, row 4, column A (Cost Centre): value "HN3002": "HN3002" is not in the cost-centre map');
  });
});

describe('the same exports as the .xlsx their systems write', () => {
  const cases: [string, string[]][] = [
    ['sap-fbl3n', [...COMMON, 'map.csv']],
    ['sap-ksb1', COMMON],
    ['d365-voucher-transactions', [...COMMON, 'map.csv']],
    ['oracle-gl-account-analysis', [...COMMON, 'map.csv']],
    ['budget-v-actual', ['funding.csv', 'agreement.csv', 'map-budget-v-actual.csv']],
  ];

  it('are real workbooks: amounts are Excel numbers and dates Excel dates, not text', () => {
    const wb = XLSX.read(readFileSync(join(DIR, 'sap-fbl3n.xlsx')), { cellNF: true });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    // K2 is 22.589,63; H2 the posting date 03.04.2023 (serial 45019); K3 the credit 1.250,00-
    expect(ws.K2).toMatchObject({ t: 'n', v: 22589.63 });
    expect(ws.K3).toMatchObject({ t: 'n', v: -1250 });
    expect(ws.H2).toMatchObject({ t: 'n', v: 45019, z: 'dd.mm.yyyy' });
    const d365 = XLSX.read(readFileSync(join(DIR, 'd365-voucher-transactions.xlsx')), { cellNF: true });
    const ds = d365.Sheets[d365.SheetNames[0]!]!;
    expect(ds.B2).toMatchObject({ t: 'n', v: 45019 });
    expect(ds.H4).toMatchObject({ t: 'n', v: -450 });
    const oracle = XLSX.read(readFileSync(join(DIR, 'oracle-gl-account-analysis.xlsx')), { cellNF: true });
    const os = oracle.Sheets[oracle.SheetNames[0]!]!;
    expect(os.A5).toMatchObject({ t: 'n', v: 45019 });
    expect(os.I7).toMatchObject({ t: 'n', v: 300 });
    expect(os.H5).toMatchObject({ t: 'n', v: 4200 });
  });

  for (const [name, others] of cases) {
    it(`${name}.xlsx gives the same report as ${name}.csv`, async () => {
      const csv = await runReport([...others, `${name}.csv`].map(input), { json: true });
      const xlsx = await runReport([...others, `${name}.xlsx`].map(input), { json: true });
      expect(xlsx.stderr).not.toMatch(/Error/);
      expect(xlsx.exitCode).toBe(0);
      expect(figures(xlsx.stdout)).toEqual(figures(csv.stdout));
      // Every warning of the workbook is the CSV's, for the sheet (the CSV's number form needs saying; Excel's numbers do not).
      const warnings = (out: string) => (JSON.parse(out) as { warnings: string[] }).warnings;
      const named = warnings(xlsx.stdout).map((w) => w.replace(/^(.*)\.xlsx, sheet "[^"]*"/, '$1.csv'));
      expect(warnings(csv.stdout)).toEqual(expect.arrayContaining(named));
      const files = (JSON.parse(xlsx.stdout) as { files: { file: string; rowsImported: number }[] }).files;
      const csvFiles = (JSON.parse(csv.stdout) as { files: { file: string; rowsImported: number }[] }).files;
      expect(files.at(-1)!.rowsImported).toBe(csvFiles.at(-1)!.rowsImported);
    });
  }
});
