/** The DfE return pack: built from the example, written as XLSX, read back with a spreadsheet reader. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { buildReturnPack, type PackSheet, type ReturnPack } from '../../src/domain/returnPack';
import { returnPackXlsx } from '../../src/export/xlsx';
import { buildReport } from '../../src/domain/report';
import { mergeDatasets } from '../../src/domain/merge';
import { importBytes } from '../../src/import/importFile';
import type { Dataset } from '../../src/model/dataset';
import { DATA_DIR, ROOT, exampleReport, loadFolder } from '../helpers';

const pack = buildReturnPack(exampleReport(), { produced: '22 November 2026', authority: 'Torbay Council' })!;

describe('the return pack', () => {
  it('is as at period 12, 2022-23, with its five sheets', () => {
    expect(pack.asAt).toBe('period 12 (March 2023), 2022-23');
    expect(pack.sheets.map((s) => s.name)).toEqual(['Financial position', 'Block summary', 'Budget lines', 'EHCP and RSA', 'Conditions']);
  });

  it('opens with a spreadsheet reader and holds the same figures', async () => {
    const blob = await returnPackXlsx(pack);
    const sheets = await readXlsxFile(Buffer.from(await blob.arrayBuffer()));
    expect(sheets.map((s: { sheet: string }) => s.sheet)).toEqual(['Financial position', 'Block summary', 'Budget lines', 'EHCP and RSA', 'Conditions']);
    const position = Object.fromEntries(sheets[0]!.data.slice(4).map((r: unknown[]) => [r[0], r[1]]));
    expect(position['Status']).toBe('Amber');
    expect(position['Total budget']).toBe(15621000);
    expect(position['In-year deficit / (surplus): spend against DSG income']).toBe(2731717);
    expect(position['Cumulative deficit (gross)']).toBe(11862717);
    expect(position['Agreed deficit profile']).toBe(11700000);
    expect(position['Excess / (headroom) against the profile']).toBe(162717);
    expect(position['DfE contributions counted to date']).toBe(5160000);
    expect(position['of which agreed, no instalment recorded as received']).toBe(5160000);
    expect(position['of which recorded as received']).toBe(0);
    expect(position['Net cumulative deficit']).toBe(6702717);
    const blocks = Object.fromEntries(sheets[1]!.data.slice(4).map((r: unknown[]) => [r[0], r]));
    expect(blocks['Early Years'][4]).toBe(-136000);
    expect(blocks['High Needs'][6]).toBe(2993717);
    expect(blocks['Total'][6]).toBe(2731717);
    const march = sheets[3]!.data.slice(4).find((r: unknown[]) => r[0] === 'March 2023');
    expect(march!.slice(0, 8)).toEqual(['March 2023', 1590, 17, 3, 40, 1570, 1568, 2]);
    expect(sheets[4]!.data.slice(4).map((r: unknown[]) => r[0])).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8']);
  });

  it("carries each line's commentary with who wrote it and when, and month comments below the line", async () => {
    const { data } = loadFolder(DATA_DIR);
    const line = data.budgets.find((b) => b.line === 'EHCP in-year adjustments')!;
    const comments = [
      { fy: line.fy, block: line.block, line: line.line, text: 'More plans than forecast', by: 'A. Officer', at: '2023-04-12T09:30:00.000Z' },
      { fy: line.fy, block: line.block, line: line.line, period: 12, text: '=HYPERLINK("x")', by: 'A. Officer', at: '2023-04-13T09:30:00.000Z' },
    ];
    const withComments = buildReturnPack(buildReport({ ...data, comments }), { produced: 'today' })!;
    const sheets = await readXlsxFile(Buffer.from(await (await returnPackXlsx(withComments)).arrayBuffer()));
    const lines = sheets[2]!.data.slice(4);
    const row = lines.find((r: unknown[]) => r[1] === 'EHCP in-year adjustments')!;
    expect([row[3], row[5], row[6], ...row.slice(7, 10)]).toEqual([550000, 702853, 152853, 'More plans than forecast', 'A. Officer', '12 April 2023']);
    const month = lines.find((r: unknown[]) => r[1] === 'EHCP in-year adjustments: March 2023')!;
    expect(month.slice(7, 10)).toEqual(['=HYPERLINK("x")', 'A. Officer', '13 April 2023']);
    expect(lines[lines.length - 1]!.slice(3, 7)).toEqual([15621000, 15652717, 15652717, 31717]);
  });
});

/**
 * The progress report's tables (issue 14 point 5): the example with the Torbay paper's grids,
 * cessations by age group and tribunals, imported as a user drops them. Figures by hand from the
 * fixture files (tests/fixtures/progress/).
 */
describe("the return pack's progress report sheets", () => {
  const PROGRESS = join(ROOT, 'tests/fixtures/progress');
  const withProgress = (): Dataset => {
    const example = loadFolder(DATA_DIR);
    const files = readdirSync(PROGRESS).sort().map((f) => importBytes(new Uint8Array(readFileSync(join(PROGRESS, f))), f));
    return mergeDatasets([...example.results, ...files].map((r) => ({ file: r.file, additive: r.kind === 'ledger', data: r.data }))).data;
  };
  const data = withProgress();
  const at = (d: Dataset, period?: number) =>
    buildReturnPack(period === undefined ? buildReport(d) : buildReport(d, undefined, [], { fy: 2022, period }), { fy: 2022, produced: 'today' })!;
  const sheet = (p: ReturnPack, name: string) => p.sheets.find((s) => s.name === name);
  /** A sheet's cells as a spreadsheet holds them: numbers, text, or null. */
  const plain = (s: PackSheet) => s.rows.map((r) => r.map((c) => (c === null ? null : c.kind === 'count' ? c.value : c.value)));

  it('sits beside the EHCP sheet, only when held', () => {
    expect(at(data).sheets.map((s) => s.name)).toEqual([
      'Financial position', 'Block summary', 'Budget lines', 'EHCP and RSA', 'Plans issued and made inactive', 'Cessations by age group', 'Tribunals and mediations', 'Conditions',
    ]);
    // The example alone holds none of the three.
    expect(pack.sheets.some((s) => /Plans issued|Cessations|Tribunals/.test(s.name))).toBe(false);
    const onlyCases = { ...loadFolder(DATA_DIR).data, cases: data.cases! };
    expect(at(onlyCases).sheets.map((s) => s.name)).toEqual(['Financial position', 'Block summary', 'Budget lines', 'EHCP and RSA', 'Tribunals and mediations', 'Conditions']);
  });

  it('prints the grids as the progress report does, to March 2023 (period 12), checked against the EHCP figures', () => {
    const grid = sheet(at(data), 'Plans issued and made inactive')!;
    expect(grid.header).toEqual(['Measure', 'Year', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Year Total']);
    expect(grid.widths).toHaveLength(grid.header.length);
    const rows = plain(grid);
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      'Plans issued 2019', 'Plans issued 2020', 'Plans issued 2021', 'Plans issued 2022', 'Plans issued 2023 (to March)',
      'Plans made inactive 2019', 'Plans made inactive 2020', 'Plans made inactive 2021', 'Plans made inactive 2022', 'Plans made inactive 2023 (to March)',
    ]);
    // 5+13+19+20+23+22+23+14+20+17+14+14 = 204, as the paper prints.
    expect(rows[3]).toEqual(['Plans issued', '2022', 5, 13, 19, 20, 23, 22, 23, 14, 20, 17, 14, 14, 204]);
    // March is "-" in the paper; April on is after the return's month, so left empty; 16 + 10 = 26.
    expect(rows[4]).toEqual(['Plans issued', '2023 (to March)', 16, 10, '-', null, null, null, null, null, null, null, null, null, 26]);
    // 32 ceased + 3 moved out + 2 inactive = 37 in January; 37 + 15 = 52.
    expect(rows[9]).toEqual(['Plans made inactive', '2023 (to March)', 37, 15, '-', null, null, null, null, null, null, null, null, null, 52]);
    // April 2022 to February 2023 is 11 months of each measure: 22 figures, all agreeing.
    expect(grid.note).toBe(
      'As the progress report prints them, calendar years to March 2023, the month the return is as at. "-" marks a month the progress report does not give. '
      + "Months after March 2023 are left out, so 2023's Year Total is January to March. "
      + 'For the 22 monthly figures both give from April 2022 to March 2023, the progress report and the EHCP figures ("EHCP and RSA" sheet) agree.',
    );
  });

  it('cuts the grids at the chosen period: as at period 6, September 2022', () => {
    const p = at(data, 6);
    expect(p.asAt).toBe('period 6 (September 2022), 2022-23');
    const rows = plain(sheet(p, 'Plans issued and made inactive')!);
    expect(rows.map((r) => r[1])).toEqual(['2019', '2020', '2021', '2022 (to September)', '2019', '2020', '2021', '2022 (to September)']);
    // 5+13+19+20+23+22+23+14+20 = 159 issued, 7+6+23+11+15+5+21+7+28 = 123 made inactive, January to September.
    expect(rows[3]).toEqual(['Plans issued', '2022 (to September)', 5, 13, 19, 20, 23, 22, 23, 14, 20, null, null, null, 159]);
    expect(rows[7]).toEqual(['Plans made inactive', '2022 (to September)', 7, 6, 23, 11, 15, 5, 21, 7, 28, null, null, null, 123]);
    expect(sheet(p, 'Plans issued and made inactive')!.note).toContain('For the 12 monthly figures both give from April 2022 to September 2022, the progress report and the EHCP figures ("EHCP and RSA" sheet) agree.');
    // The cessations table runs to February 2023: not yet known in September 2022.
    expect(sheet(p, 'Cessations by age group')).toBeUndefined();
    const cases = sheet(p, 'Tribunals and mediations')!;
    expect(cases.header).toEqual(['Registered cases', '2018', '2019', '2020', '2021', '2022']);
    expect(cases.note).toContain('2022 is part way through: its figures are the progress report\'s as given, which may count cases registered after September 2022.');
    expect(cases.note).toContain('Years after 2022 are left out.');
  });

  it('cuts the EHCP and RSA sheet at the chosen period, as the other sheets: as at period 6, no October to March', () => {
    // The example's EHCP file holds all twelve months of 2022-23.
    expect(data.ehcp.filter((m) => m.month >= '2022-10' && m.month <= '2023-03')).toHaveLength(6);
    const ehcp = sheet(at(data, 6), 'EHCP and RSA')!;
    expect(plain(ehcp).map((r) => r[0])).toEqual(['April 2022', 'May 2022', 'June 2022', 'July 2022', 'August 2022', 'September 2022']);
    expect(ehcp.note).toBe('The months of 2022-23 to September 2022, the month the return is as at; the later months held are left out.');
    // As at period 12 nothing is left out, and nothing said.
    const full = sheet(at(data), 'EHCP and RSA')!;
    expect(plain(full).map((r) => r[0])).toHaveLength(12);
    expect(full.note).toBeUndefined();
  });

  it('names each month the progress report and the EHCP figures disagree on', () => {
    // One fewer plan issued in January 2023 in the EHCP file than the paper's 16.
    const changed = { ...data, ehcp: data.ehcp.map((m) => (m.month === '2023-01' ? { ...m, newPlans: 15 } : m)) };
    expect(sheet(at(changed), 'Plans issued and made inactive')!.note).toContain(
      'For 1 of the 22 monthly figures both give from April 2022 to March 2023, the progress report and the EHCP figures ("EHCP and RSA" sheet) differ: Plans issued, January 2023: 16 in the progress report, 15 in the EHCP figures.',
    );
  });

  it('gives the cessations by age group with the total, checked against the grid', () => {
    const ages = sheet(at(data), 'Cessations by age group')!;
    expect(ages.header).toEqual(['Period', 'Age group', 'Made inactive', 'Ceasing in progress']);
    expect(plain(ages)).toEqual([
      ['2022 / February 2023', 'Age 0-4', 0, 0],
      ['2022 / February 2023', 'Age 5-10', 4, 8],
      ['2022 / February 2023', 'Age 11-15', 5, 24],
      ['2022 / February 2023', 'Age 16-19', 28, 19],
      ['2022 / February 2023', 'Age 20-25', 15, 3],
      // 0+4+5+28+15 = 52 and 0+8+24+19+3 = 54, the paper's total row.
      ['2022 / February 2023', 'All age groups', 52, 54],
    ]);
    // The grid: 37 in January + 15 in February = 52.
    expect(ages.note).toContain('The grid of plans made inactive gives 52 from January to February 2023: the same as the table for 2022 / February 2023.');
  });

  it('gives the tribunals and mediations by calendar year, the part year said', () => {
    const cases = sheet(at(data), 'Tribunals and mediations')!;
    expect(cases.header).toEqual(['Registered cases', '2018', '2019', '2020', '2021', '2022', '2023']);
    expect(plain(cases)).toEqual([
      ['Tribunals', 6, 9, 7, 9, 17, 4],
      ['Mediations', 2, 0, 6, 2, 19, 3],
    ]);
    expect(cases.note).toContain('2023 is part way through');
    expect(cases.note).not.toContain('left out');
  });

  it('writes the same cells, and each note in row 3, to the XLSX a spreadsheet reader opens', async () => {
    const p = at(data);
    const sheets = await readXlsxFile(Buffer.from(await (await returnPackXlsx(p)).arrayBuffer()));
    for (const name of ['Plans issued and made inactive', 'Cessations by age group', 'Tribunals and mediations']) {
      const s = sheet(p, name)!;
      const file = sheets.find((x: { sheet: string }) => x.sheet === name)!.data as unknown[][];
      expect(file[2]![0], name).toBe(s.note);
      expect(file[3]!.slice(0, s.header.length), name).toEqual(s.header);
      const width = s.header.length;
      const pad = (r: unknown[]) => Array.from({ length: width }, (_, i) => r[i] ?? null);
      expect(file.slice(4).map(pad), name).toEqual(plain(s).map(pad));
    }
  });
});
