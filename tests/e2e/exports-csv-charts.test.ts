/**
 * Exports through the browser's real download: a table as CSV read back with the same exact
 * figures (numbers as numbers, underspends negative), a commentary cell holding a formula
 * neutralised, and a chart as SVG and as PNG.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers';
import { appForTests } from './browser';
import { importAll, tempDir, upload, writeFile } from './importHelpers';

const h = appForTests();

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

const parse = (bytes: Buffer) => {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
};

describe('a table as CSV', () => {
  it('holds the overview block table with exact figures, underspends as negative numbers', async () => {
    await h.page.goto(`${h.url}#/overview`);
    await h.page.getByTestId('blocks-table').waitFor();
    const file = await download(h.page, () => h.page.getByRole('button', { name: /Download as CSV: .*block/i }).first().click());
    expect(file.name).toMatch(/\.csv$/);
    const rows = parse(file.bytes);
    const byBlock = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(byBlock['Early Years']?.[3]).toBe('-136000.00');
    expect(byBlock['High Needs']?.[3]).toBe('293717.00');
    expect(byBlock['High Needs']?.[5]).toBe('2993717.00');
    expect(byBlock['Schools']?.[3]).toBe('-12000.00');
    expect(byBlock['Central School Services']?.[3]).toBe('-114000.00');
  });

  it('holds every budget line and the totals of SPEC section 7, read back identically', async () => {
    await h.page.goto(`${h.url}#/lines`);
    const table = h.page.getByTestId('lines-table');
    await table.waitFor();
    const exact = await table.locator('tbody tr, tfoot tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells).map((c) => c.dataset.value ?? null).filter((v) => v !== null)),
    );
    const file = await download(h.page, () => h.page.getByRole('button', { name: 'Download as CSV: Budget lines table' }).click());
    const rows = parse(file.bytes);
    const numbers = rows.slice(1).map((r) => r.filter((c) => /^-?\d+\.\d\d$/.test(c)));
    expect(numbers).toEqual(exact);
    const total = rows[rows.length - 1]!;
    expect(total).toContain('15621000.00');
    expect(total).toContain('15652717.00');
    expect(total).toContain('31717.00');
  });
});

describe('a chart as SVG and PNG', () => {
  it('downloads the trajectory chart as a standalone SVG with its title and legend, and as a PNG', async () => {
    await h.page.goto(`${h.url}#/trajectory`);
    const figure = h.page.getByTestId('trajectory-chart');
    await figure.locator('svg.recharts-surface').first().waitFor();
    const svg = await download(h.page, () => figure.getByRole('button', { name: /Download chart as SVG/ }).click());
    expect(svg.name).toBe('trajectory-chart.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('Agreed deficit profile (dashed)');
    expect(text).toContain('cumulative deficit');
    const png = await download(h.page, () => figure.getByRole('button', { name: /Download chart as PNG/ }).click());
    expect(png.name).toBe('trajectory-chart.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5000);
  });
});

describe('a commentary cell holding a formula', () => {
  it('comes out neutralised, while the figures stay numbers', async () => {
    const dir = tempDir();
    const names = ['budget', 'funding', 'agreement', 'ehcp', 'targets'];
    const paths = names.map((n) => writeFile(dir, `${n}.csv`, readFileSync(`${ROOT}/data/${n}.csv`)));
    const actuals = readFileSync(`${ROOT}/data/actuals.csv`, 'utf8').trimEnd().split(/\r?\n/);
    const withComment = actuals.map((line, i) => {
      if (i === 0) return `${line},commentary`;
      return line.startsWith('2022-23,12,High Needs,EHCP in-year adjustments,') ? `${line},"=HYPERLINK(""x"")"` : `${line},`;
    });
    expect(withComment.filter((l) => l.includes('HYPERLINK'))).toHaveLength(1);
    paths.push(writeFile(dir, 'actuals.csv', withComment.join('\n') + '\n'));
    await upload(h.page, paths);
    await importAll(h.page);
    await h.page.goto(`${h.url}#/lines`);
    await h.page.getByTestId('lines-table').getByText('=HYPERLINK("x")').waitFor();
    const file = await download(h.page, () => h.page.getByRole('button', { name: 'Download as CSV: Budget lines table' }).click());
    const rows = parse(file.bytes);
    const row = rows.find((r) => r[1] === 'EHCP in-year adjustments')!;
    expect(row[0]).toBe('High Needs');
    expect(row[row.length - 1]).toBe(`'=HYPERLINK("x")`);
    expect(row).toContain('550000.00');
    expect(row).toContain('152853.00');
  });
});
