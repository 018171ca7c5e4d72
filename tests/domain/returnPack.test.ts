/** The DfE return pack: built from the example, written as XLSX, read back with a spreadsheet reader. */
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { buildReturnPack } from '../../src/domain/returnPack';
import { returnPackXlsx } from '../../src/export/xlsx';
import { buildReport } from '../../src/domain/report';
import { DATA_DIR, exampleReport, loadFolder } from '../helpers';

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
