/**
 * Two things in the EHCP figures, in headless Chromium: the forum report's EHCP in-year adjustments
 * table part way through the year sets like against like (the adjustments to date are not set
 * against the whole year's budget), and the EHCP charts name a target in their legends only when
 * one is set. Figures by hand from data/ (see tests/domain/forumAdjustments.test.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { DATA_DIR } from '../helpers';
import { openApp, type Harness } from './browser';
import { gotoView, rowNamed, rowsOf, seriousViolations } from './dashboard';
import { importAll, tempDir, upload } from './importHelpers';

let h: Harness;
beforeAll(async () => {
  h = await openApp();
});
afterAll(async () => {
  await h?.close();
});

/** A table's Target column, read from the page whether or not its "Show as table" is open. */
const targets = (table: string) => h.page.getByTestId(table).locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[2]!.textContent));
const legend = (chart: string) => h.page.getByTestId(chart).locator('.recharts-legend-item-text').allInnerTexts();

describe('the forum report\'s EHCP in-year adjustments, mid-year', () => {
  it('as at period 6 gives the total to date and the forecast outturn against the budget', async () => {
    await h.page.getByRole('combobox', { name: 'Financial year' }).selectOption('2022');
    await h.page.getByRole('combobox', { name: 'As at' }).selectOption('6');
    onTestFinished(async () => {
      await h.page.getByRole('combobox', { name: 'As at' }).selectOption('');
    });
    await gotoView(h.page, h.url, 'report', 'Forum report');
    const table = h.page.getByTestId('report-adjustments').first();
    expect(await table.locator('caption').innerText()).toBe(
      'EHCP in-year adjustments: the budget, the in-year adjustments by month and their total to date (April to September), and the forecast outturn against the budget, £, 22/23.',
    );
    const rows = await rowsOf(table);
    // 133,189 + 97,442 + 65,574 + 116,471 + 221,556 + 35,796 = 670,028; 670,028 + 6/12 × 550,000 = 945,028.
    expect(rowNamed(rows, 'Total to date: in-year adjustments, April to September')).toEqual(['Total to date: in-year adjustments, April to September', '670,028']);
    expect(rowNamed(rows, 'Forecast outturn for the year')).toEqual(['Forecast outturn for the year', '945,028']);
    expect(rowNamed(rows, 'Over / (under) spend: forecast outturn against the budget')).toEqual(['Over / (under) spend: forecast outturn against the budget', '395,028']);
    // Not the six months against the year's 550,000 (120,028).
    expect(await table.innerText()).not.toContain('120,028');
    await table.screenshot({ path: join(process.env.SCREENSHOT_DIR ?? tempDir(), 'report-adjustments-mid-year.png') });
    expect(await seriousViolations(h.page)).toEqual([]);
  }, 60_000);
});

describe('the EHCP charts\' legends', () => {
  it('name the targets where they are set (the example)', async () => {
    await gotoView(h.page, h.url, 'ehcp', 'EHCP and demand');
    expect(await legend('plans-chart')).toEqual(['Plans at end of month (solid, circles)', 'Target (dashed, squares)']);
    expect(await legend('rsa-chart')).toContain('Target (dashed step)');
  });

  it('name no target where none is set: the example without its targets file', async () => {
    const files = readdirSync(DATA_DIR).filter((f) => f.endsWith('.csv') && f !== 'targets.csv').map((f) => join(DATA_DIR, f));
    await upload(h.page, files);
    await importAll(h.page);
    await gotoView(h.page, h.url, 'ehcp', 'EHCP and demand');
    // No month has a target: the tables say so.
    expect(new Set(await targets('plans-table'))).toEqual(new Set(['not given']));
    expect(new Set(await targets('rsa-table'))).toEqual(new Set(['not given']));
    expect(await legend('plans-chart')).toEqual(['Plans at end of month (solid, circles)']);
    expect(await legend('rsa-chart')).not.toContain('Target (dashed step)');
    expect((await legend('rsa-chart')).length).toBeGreaterThan(0);
    expect(await seriousViolations(h.page)).toEqual([]);
  }, 180_000);
});
