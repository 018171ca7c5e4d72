/** Helpers for the dashboard's browser tests: go to a view, read tables and tooltips from the screen, run axe. */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

export async function gotoView(page: Page, url: string, view: string, heading: string): Promise<void> {
  await page.goto(`${url}#/${view}`);
  await page.locator('main h1', { hasText: heading }).waitFor();
  // Each view's code loads on its first visit: wait until the view itself is there.
  await page.getByTestId('view-loading').waitFor({ state: 'detached' });
}

/** Every row of a table as the cells' visible text. */
export async function rowsOf(table: Locator): Promise<string[][]> {
  return table.locator('tr').evaluateAll((rows) =>
    rows.map((r) => Array.from(r.children).map((c) => (c as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
  );
}

/** Opens a chart's "Show as table" (by keyboard, as a user would) and returns its rows. */
export async function chartTable(page: Page, chartTestId: string): Promise<string[][]> {
  const details = page.getByTestId(`${chartTestId}-table`);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
  }
  return rowsOf(details.locator('table'));
}

export function rowNamed(rows: string[][], name: string): string[] {
  const row = rows.find((r) => r[0] === name);
  if (!row) throw new Error(`no row "${name}" in ${JSON.stringify(rows.map((r) => r[0]))}`);
  return row;
}

/**
 * Focuses a chart (which shows the first point's tooltip), moves right to the point at `index`
 * with the arrow keys, and returns the tooltip's text.
 */
export async function tooltipAt(page: Page, chartTestId: string, index: number): Promise<string> {
  const rights = index;
  const surface = page.getByTestId(chartTestId).locator('svg.recharts-surface[tabindex="0"]').first();
  await surface.focus();
  for (let i = 0; i < rights; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(60);
  }
  const tip = page.getByTestId(chartTestId).locator('.chart-tooltip');
  await tip.waitFor();
  return (await tip.innerText()).replace(/\s+/g, ' ');
}

export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** True when the page is no wider than the window (nothing cut off sideways). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
