/**
 * Issue 11 point 8, tables on a phone: at 390 × 844 the wide tables fit (key columns first: the
 * line's name and the figure the view is about), the other columns behind a "Show all columns"
 * button (keyboard, aria-expanded, announced); at 768 px and over every column shows, with no
 * button. The page is never wider than the screen. An empty table (the example's contributions)
 * has nothing to unfold: it keeps to its key columns with no button, until a row is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Harness } from './browser';
import { loadThreeYears, view } from './wordsHelpers';

/**
 * Each table: its view, its box's name, the column headings kept on a phone, and some folded away;
 * `add`, for a table the example leaves empty, the button that gives it a row to fold.
 */
const TABLES: { route: string; box: RegExp; key: string[]; more: string[]; add?: string }[] = [
  { route: 'lines', box: /^Budget lines table$/, key: ['Budget line', 'Over / (under) spend'], more: ['Budget', 'Actual to date', 'Outturn'] },
  { route: 'variance', box: /^Table: By March 2023/, key: ['Month', 'All blocks', 'Year to date'], more: ['Schools', 'High Needs', 'Early Years'] },
  { route: 'contributions', box: /^DfE instalments$/, key: ['Agreement year', 'Amount', 'Status'], more: ['Note'], add: 'Add an instalment' },
  { route: 'contributions', box: /^Other contributions$/, key: ['Financial year', 'Amount', 'Source'], more: ['Description'], add: 'Add another contribution' },
  { route: 'overview', box: /^Figures by block$/, key: ['Block', 'Over / (under) spend', 'In-year deficit / (surplus)'], more: ['Budget', 'DSG income'] },
  { route: 'agreement', box: /^The agreement by year$/, key: ['Year', 'Status', 'Excess / (headroom)'], more: ['Deficit profile', 'DfE to date', 'Gross deficit'] },
  { route: 'conditions', box: /^Agreement conditions$/, key: ['Ref', 'Condition', 'RAG status'], more: ['Owner', 'Last reviewed'] },
];

/** The table's own scrolling box (a section may carry the same name). */
const tableBox = (page: Page, box: RegExp) => page.getByRole('region', { name: box }).and(page.locator('.table-wrap')).first();

/** Whether each named column heading of the box's table is shown. */
async function shown(page: Page, box: RegExp, names: string[]): Promise<Record<string, boolean>> {
  const region = tableBox(page, box);
  const out: Record<string, boolean> = {};
  for (const n of names) {
    const th = region.locator('thead th').filter({ hasText: new RegExp(`^\\s*${n.replace(/[()/]/g, '\\$&')}\\s*[▲▼]?\\s*$`) }).first();
    out[n] = await th.isVisible();
  }
  return out;
}
const all = (names: string[], v: boolean) => Object.fromEntries(names.map((n) => [n, v]));

async function pageWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('tables on a phone, 390 × 844', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openApp({ viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const t of TABLES) {
    it(`${t.route}, ${t.box.source}: the key columns fit, the others behind "Show all columns"`, async () => {
      await view(h.page, t.route);
      expect(await pageWidth(h.page), 'the page is no wider than the screen').toBeLessThanOrEqual(390);
      const region = tableBox(h.page, t.box);
      if (t.add) {
        // Empty, the table has nothing to unfold: it keeps to its key columns, and fits, with no button.
        expect(await region.locator('tbody tr').count()).toBe(0);
        expect(await h.page.locator(`button[aria-controls="${await region.getAttribute('id')}"]`).count(), 'an empty table has no "Show all columns"').toBe(0);
        expect(await shown(h.page, t.box, t.key)).toEqual(all(t.key, true));
        expect(await region.evaluate((b) => b.scrollWidth <= b.clientWidth + 1), 'the empty table fits its box').toBe(true);
        await h.page.getByRole('button', { name: t.add, exact: true }).click();
        await region.locator('tbody tr').first().waitFor();
        // A row of form controls (a select, an amount box, a select) fits the phone's box folded:
        // the controls shrink to their cells, each still there to use, and nothing scrolls (the
        // box's scroll hint follows its size a moment later: wait for it).
        await h.page.waitForTimeout(150);
        expect(await region.evaluate((b) => b.scrollWidth <= b.clientWidth + 1), 'the folded editor with a row fits its box').toBe(true);
        expect(await region.getAttribute('aria-describedby'), 'the folded editor does not say it scrolls').toBeNull();
        const controls = region.locator('tbody tr').first().locator('input:visible, select:visible');
        expect(await controls.count(), 'the three key columns\' controls').toBe(3);
        for (const c of await controls.all()) expect((await c.boundingBox())!.width, await c.getAttribute('aria-label') ?? '').toBeGreaterThan(40);
        expect(await pageWidth(h.page), 'the page is no wider than the screen').toBeLessThanOrEqual(390);
      } else {
        expect(await region.evaluate((b) => b.scrollWidth <= b.clientWidth + 1), 'the folded table fits its box').toBe(true);
      }
      expect(await shown(h.page, t.box, t.key)).toEqual(all(t.key, true));
      expect(await shown(h.page, t.box, t.more)).toEqual(all(t.more, false));
      // The button belongs to this table: it controls the region.
      const id = await region.getAttribute('id');
      const button = h.page.locator(`button[aria-controls="${id}"]`);
      expect(await button.innerText()).toMatch(/^Show all columns \(\d+ more\)$/);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      // By keyboard: focus it, press Enter; the other columns show and it is announced.
      await button.focus();
      await h.page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      expect(await shown(h.page, t.box, [...t.key, ...t.more])).toEqual(all([...t.key, ...t.more], true));
      expect(await button.locator('xpath=following-sibling::*[@aria-live="polite"]').innerText()).toBe('All columns of the table are shown.');
      expect(await pageWidth(h.page), 'a table wider than the screen scrolls in its own box, not the page').toBeLessThanOrEqual(390);
      if (await region.evaluate((b) => b.scrollWidth > b.clientWidth + 1)) {
        expect(await h.page.getByTestId('table-scroll-hint').first().isVisible(), 'the wide table says it scrolls').toBe(true);
      }
      // Space folds it again.
      await h.page.keyboard.press('Space');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await shown(h.page, t.box, t.more)).toEqual(all(t.more, false));
      expect(await button.locator('xpath=following-sibling::*[@aria-live="polite"]').innerText()).toBe('Only the key columns of the table are shown.');
    });
  }

  it('the three-year workspace (a red year, forecast tags, surplus years): the folded tables fit too', async () => {
    await loadThreeYears(h.page);
    const wide: string[] = [];
    for (const t of TABLES.filter((x) => !x.box.source.includes('By March 2023') && x.route !== 'conditions')) {
      await view(h.page, t.route);
      if ((await pageWidth(h.page)) > 390) wide.push(`#/${t.route}: the page`);
      if (!(await tableBox(h.page, t.box).evaluate((b) => b.scrollWidth <= b.clientWidth + 1))) wide.push(`#/${t.route}: ${t.box.source}`);
    }
    expect(wide).toEqual([]);
  });
});

describe('at 768 and 1280 px every column shows, with no button', () => {
  // (The example's contributions tables are empty here: every column shows all the same.)
  for (const width of [768, 1280]) {
    it(`at ${width} px`, async () => {
      const h = await openApp({ viewport: { width, height: 900 } });
      try {
        for (const t of TABLES) {
          await view(h.page, t.route);
          expect(await shown(h.page, t.box, [...t.key, ...t.more]), `${t.route} ${t.box.source}`).toEqual(all([...t.key, ...t.more], true));
          const id = await tableBox(h.page, t.box).getAttribute('id');
          expect(await h.page.locator(`button[aria-controls="${id}"]`).isVisible()).toBe(false);
        }
      } finally {
        await h.close();
      }
    });
  }
});
