/**
 * Files that were once read silently wrong (issue 10): each is now read right, or refused or
 * warned about, naming the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes, importText } from '../../src/import/importFile';
import { DATA_DIR } from '../helpers';

const bytes = (s: string) => new TextEncoder().encode(s);
const pounds = (p: number | null | undefined) => (p === null || p === undefined ? p : p / 100);

describe('row ends: CR, LF and CRLF each end a row', () => {
  it('reads a CRLF file with one row ending in a bare LF as three rows, not two (the £200 row is not swallowed)', () => {
    const text = 'financial_year,period,block,line,actual\r\n2022-23,1,High Needs,Top-ups,100\r\n2022-23,2,High Needs,Top-ups,300\n2022-23,3,High Needs,Top-ups,200\r\n';
    for (const chunkChars of [undefined, 7, 50]) {
      const r = importBytes(bytes(text), 'actuals.csv', chunkChars ? { chunkChars } : {});
      expect(r.errors).toEqual([]);
      expect(r.rowsImported).toBe(3);
      const line = r.data.actuals[0]!;
      expect(line.actuals.slice(0, 3).map(pounds)).toEqual([100, 300, 200]);
      // £600 in all, as given: before, the third row ran into the second's last cell.
      expect(line.actuals.reduce<number>((s, a) => s + (a ?? 0), 0)).toBe(60000);
    }
  });

  it('reads a file of lone CRs (old Mac line ends) and one mixing all three', () => {
    const rows = ['financial_year,period,block,line,actual', '2022-23,1,Schools,A,1', '2022-23,2,Schools,A,2', '2022-23,3,Schools,A,3', '2022-23,4,Schools,A,4'];
    const cr = rows.join('\r') + '\r';
    const mixed = `${rows[0]}\r\n${rows[1]}\n${rows[2]}\r${rows[3]}\r\n${rows[4]}`;
    for (const text of [cr, mixed]) {
      for (const chunkChars of [undefined, 1, 3, 41]) {
        const r = importText(text, 'a.csv', chunkChars ? { chunkChars } : {});
        expect(r.errors).toEqual([]);
        expect(r.data.actuals[0]!.actuals.slice(0, 4).map(pounds)).toEqual([1, 2, 3, 4]);
      }
    }
  });

  it('keeps the example actuals whole when one row of the CRLF file ends in LF: the −£15,416.67 recovery of funding is read', () => {
    const lines = readFileSync(join(DATA_DIR, 'actuals.csv'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    // Line 8 of the file is the "Recovery of funding" row for period 1; the row before it ends in a bare LF.
    const text = lines.map((l, i) => l + (i === 6 ? '\n' : '\r\n')).join('');
    const r = importBytes(bytes(text), 'actuals.csv');
    expect(r.errors).toEqual([]);
    expect(r.rowsImported).toBe(lines.length - 1);
    const recovery = r.data.actuals.find((a) => a.line.startsWith('Recovery of funding'))!;
    expect(recovery.actuals[0]).toBe(-1541667);
  });

  it('keeps a line break inside a quoted value as part of the value', () => {
    const r = importText('financial_year,period,block,line,actual,commentary\r\n2022-23,1,Schools,A,1,"first\r\nsecond"\r\n', 'a.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.actuals[0]!.commentary).toBe('first\nsecond');
  });
});

describe('a row with more values than the header has columns', () => {
  it('is an error naming the row, the column and the value, and the row is not read', () => {
    const r = importText('financial_year,period,block,line,actual\n2022-23,1,Schools,A,100\n2022-23,2,Schools,A,200,oops\n', 'actuals.csv');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'actuals.csv', row: 3, column: 'F', value: 'oops' });
    expect(r.errors[0]!.message).toMatch(/has 6 values but the header row \(row 1\) has 5 columns/);
    expect(r.rowsImported).toBe(1);
    expect(r.rowsRejected).toBe(1);
    expect(r.data.actuals[0]!.actuals[1]).toBeNull();
  });

  it('is no error where the cells past the header are empty (Excel pads rows with commas)', () => {
    const r = importText('financial_year,period,block,line,actual\n2022-23,1,Schools,A,100,,\n2022-23,2,Schools,A,200, ,\n', 'actuals.csv');
    expect(r.errors).toEqual([]);
    expect(r.rowsImported).toBe(2);
  });
});

describe('a kind is taken only when the file means it', () => {
  // A Unit4 ERP (Agresso) accounts payable transaction extract, as its browser exports one: voucher
  // numbers, transaction dates, a description, no block. It was once read as 193 agreement conditions.
  const unit4Payables = [
    'Client,Voucher No,Voucher type,Trans.date,Period,Account,Cost centre,Supplier ID,Supplier name,Description,Amount',
    'TC,60012345,AP,03/04/2023,202301,5610,HN3002,100234,Acme Tuition Ltd,Tuition April,"1,250.00"',
    'TC,60012346,AP,05/04/2023,202301,5610,HN3002,100871,Bay Transport,Transport April,640.00',
    'TC,60012347,AP,11/04/2023,202301,5620,HN3010,100234,Acme Tuition Ltd,Credit note,-125.00',
  ].join('\n');

  it('never reads a transaction listing with voucher numbers as agreement conditions', () => {
    const r = importText(unit4Payables, 'unit4-ap.csv');
    // Read as the ledger it is, whose cost centres need a map: each row an error naming its code.
    expect(r.kind).toBe('ledger');
    expect(r.data.conditions ?? []).toEqual([]);
    expect(r.errors[0]).toMatchObject({ file: 'unit4-ap.csv', row: 2, value: 'HN3002' });
    expect(r.errors[0]!.message).toMatch(/not in the cost-centre map/);
    expect(r.rowsImported).toBe(0);
  });

  it('still reads a conditions tracker, with or without a RAG column', () => {
    for (const header of ['Condition,Description', 'Ref,Undertaking', 'No,Description,Owner', 'Ref,Text,RAG']) {
      const r = importText(`${header}\n3.1,Maintain special school numbers\n`, 'conditions.csv');
      expect(r.kind, header).toBe('conditions');
    }
  });

  it('does not take a number-and-description list as conditions', () => {
    const r = importText('No,Description\n1,Transport contract\n2,Tuition\n', 'list.csv');
    expect(r.kind).toBeUndefined();
  });

  it('takes a placements file only when its placement column names placement types', () => {
    const placements = importText('month,placement type,count\n2023-01,Mainstream school,10\n2023-01,Independent special school,4\n', 'p.csv');
    expect(placements.kind).toBe('placements');
    const other = importText('month,provision,number\n2023-01,Speech therapy,10\n2023-01,Occupational therapy,4\n', 'p.csv');
    expect(other.kind).toBeUndefined();
  });
});

describe('a transaction listing with no date, reference or supplier column', () => {
  // Rows repeat a line and period, as transactions do; the only extra column is a description.
  const listing = [
    'financial_year,period,block,line,actual,description',
    '2023-24,1,High Needs,Top-up funding,"1,000.00","Top-up, spring term"',
    '2023-24,1,High Needs,Top-up funding,250.50,Adjustment',
    '2023-24,1,High Needs,Top-up funding,(100.25),Recovery',
    '2023-24,1,High Needs,Independent special schools,"12,000.00",Fees',
    '2023-24,1,High Needs,Independent special schools,"3,000.00",Fees',
    '2023-24,2,High Needs,Top-up funding,500.00,Top-up',
    '2023-24,2,High Needs,Top-up funding,500.00,Top-up',
    '2023-24,2,High Needs,Independent special schools,"12,000.00",Fees',
  ].join('\n');

  it('is read as a ledger (its rows added up), with a warning that says so and why', () => {
    const r = importText(listing, 'gl.csv');
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('ledger');
    expect(r.warnings[0]!.file).toBe('gl.csv');
    expect(r.warnings[0]!.message).toMatch(/read as a ledger.*4 of its 8 rows repeat a line and period/);
    const topUp = r.data.actuals.find((a) => a.line === 'Top-up funding')!;
    // 1,000.00 + 250.50 − 100.25 = 1,150.25; 500 + 500 = 1,000.
    expect(topUp.actuals.slice(0, 2)).toEqual([115025, 100000]);
    const iss = r.data.actuals.find((a) => a.line === 'Independent special schools')!;
    expect(iss.actuals.slice(0, 2)).toEqual([1500000, 1200000]);
    expect(r.rowsImported).toBe(8);
  });

  it('is read as actuals, with every repeat an error, when the user says it is actuals', () => {
    const r = importText(listing, 'gl.csv', { kind: 'actuals' });
    expect(r.kind).toBe('actuals');
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 6, 8]);
  });

  it('keeps a few repeats in a one-row-per-line file as errors, naming both rows, and leaves the first figure', () => {
    const rows = ['financial_year,period,block,line,actual'];
    for (let i = 0; i < 20; i++) rows.push(`2023-24,1,Schools,Line ${i},${i + 1}.00`);
    rows.push('2023-24,1,Schools,Line 3,999.00', '2023-24,1,Schools,Line 7,555.00');
    const r = importText(rows.join('\n'), 'actuals.csv');
    expect(r.kind).toBe('actuals');
    expect(r.errors.map((e) => [e.row, e.value])).toEqual([[22, '999.00'], [23, '555.00']]);
    expect(r.errors[0]!.message).toMatch(/a second actual for this line and period \(the first is in row 5\)/);
    expect(r.rowsImported).toBe(20);
    expect(r.rowsRejected).toBe(2);
    expect(r.data.actuals.find((a) => a.line === 'Line 3')!.actuals[0]).toBe(400);
    expect(r.data.actuals.find((a) => a.line === 'Line 7')!.actuals[0]).toBe(800);
  });

  it('names the first row of a line and period repeated more than once', () => {
    const rows = ['financial_year,period,block,line,actual'];
    for (let i = 0; i < 20; i++) rows.push(`2023-24,1,Schools,Line ${i},1.00`);
    rows.push('2023-24,1,Schools,Line 0,2.00', '2023-24,1,Schools,Line 0,3.00');
    const r = importText(rows.join('\n'), 'actuals.csv');
    expect(r.errors.map((e) => e.message.match(/first is in row (\d+)/)?.[1])).toEqual(['2', '2']);
    expect(r.data.actuals.find((a) => a.line === 'Line 0')!.actuals[0]).toBe(100);
  });
});
