/** The DfE return pack: built from the example, written as XLSX, read back with a spreadsheet reader. */
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { buildReturnPack } from '../../src/domain/returnPack';
import { returnPackXlsx } from '../../src/export/xlsx';
import { exampleReport } from '../helpers';

const pack = buildReturnPack(exampleReport(), { produced: '22 November 2026', authority: 'Torbay Council' })!;

describe('the return pack', () => {
  it('is as at period 12, 2022-23, with its four sheets', () => {
    expect(pack.asAt).toBe('period 12 (March 2023), 2022-23');
    expect(pack.sheets.map((s) => s.name)).toEqual(['Financial position', 'Block summary', 'EHCP and RSA', 'Conditions']);
  });

  it('opens with a spreadsheet reader and holds the same figures', async () => {
    const blob = await returnPackXlsx(pack);
    const sheets = await readXlsxFile(Buffer.from(await blob.arrayBuffer()));
    expect(sheets.map((s: { sheet: string }) => s.sheet)).toEqual(['Financial position', 'Block summary', 'EHCP and RSA', 'Conditions']);
    const position = Object.fromEntries(sheets[0]!.data.slice(4).map((r: unknown[]) => [r[0], r[1]]));
    expect(position['Status']).toBe('Amber');
    expect(position['Total budget']).toBe(15621000);
    expect(position['In-year deficit / (surplus)']).toBe(2731717);
    expect(position['Cumulative deficit (gross)']).toBe(11862717);
    expect(position['Agreed deficit profile']).toBe(11700000);
    expect(position['Excess / (headroom) against the profile']).toBe(162717);
    expect(position['DfE contributions received to date']).toBe(5160000);
    expect(position['Net cumulative deficit']).toBe(6702717);
    const blocks = Object.fromEntries(sheets[1]!.data.slice(4).map((r: unknown[]) => [r[0], r]));
    expect(blocks['Early Years'][4]).toBe(-136000);
    expect(blocks['High Needs'][6]).toBe(2993717);
    expect(blocks['Total'][6]).toBe(2731717);
    const march = sheets[2]!.data.slice(4).find((r: unknown[]) => r[0] === 'March 2023');
    expect(march!.slice(0, 8)).toEqual(['March 2023', 1590, 17, 3, 40, 1570, 1568, 2]);
    expect(sheets[3]!.data.slice(4).map((r: unknown[]) => r[0])).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8']);
  });
});
