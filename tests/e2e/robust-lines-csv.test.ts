/**
 * Issue 13, point 5: the Budget lines table's CSV glued the line's name, cost centre and flags into
 * one cell ("Line 0 CC0"); the return pack has its own columns, and now so does the CSV.
 */
import { readFileSync, rmSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Harness } from './browser';
import { importAll, tempDir, upload, writeFile } from './importHelpers';

let app: Harness;
const dir = tempDir();
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Budget lines CSV', () => {
  it('has its own cost-centre and flags columns, and the line name alone', async () => {
    const budget = writeFile(dir, 'budget-cc.csv', 'financial_year,block,line,cost centre,budget\n2022-23,High Needs,Top up funding,CC0,1000\n');
    const actuals = writeFile(dir, 'actuals-cc.csv', 'Financial Year,Period,Block,Line,Cost Centre,Actual\n2022-23,1,High Needs,Top up funding,CC0,400\n2022-23,1,High Needs,Transport,CC9,50\n');
    await upload(app.page, [budget, actuals]);
    await importAll(app.page);
    await app.page.goto(`${app.url}#/lines`);
    await app.page.getByTestId('lines-table').waitFor();
    const [d] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: 'Download as CSV: Budget lines table' }).click()]);
    const rows = Papa.parse<string[]>(readFileSync((await d.path())!, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 4)).toEqual(['Block', 'Budget line', 'Cost centre', 'Flags']);
    expect(rows.find((r) => r[1] === 'Top up funding')!.slice(0, 4)).toEqual(['High Needs', 'Top up funding', 'CC0', '']);
    expect(rows.find((r) => r[1] === 'Transport')!.slice(0, 4)).toEqual(['High Needs', 'Transport', 'CC9', 'unbudgeted']);
    const total = rows.at(-1)!;
    expect(total[1]).toBe('Total of the lines shown');
    expect(total.length).toBe(rows[0]!.length);
  });
});
