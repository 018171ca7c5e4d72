/** Shared steps for the robustness e2e tests: workspace files written in Node, opened through Settings. */
import type { Page } from 'playwright-core';
import { SCHEMA_VERSION } from '../../src/storage/schema';
import type { ImportRecord } from '../../src/model/history';
import { WORKSPACE_FORMAT } from '../../src/storage/workspaceFile';
import { DATA_DIR, loadFolder } from '../helpers';
import { goto } from './importHelpers';

/** The example's CSV files as a workspace file's import records, as the app would write them. */
export function exampleRecords(): ImportRecord[] {
  return loadFolder(DATA_DIR).results.map((r, i) => ({
    id: i + 1, time: '2026-01-01T00:00:00.000Z', file: r.file, size: 100, sha256: 'ab'.repeat(32), kind: r.kind!, kindLabel: r.kindLabel!,
    rowsRead: r.rowsRead, rowsImported: r.rowsImported, rowsRejected: r.rowsRejected, rowsSkipped: r.skipped.length,
    warningCount: r.warnings.length, leftOutRows: [], replaced: [], additive: false, data: r.data,
  }));
}

export function workspaceText(imports: unknown[], source = 'user'): string {
  return JSON.stringify({ format: WORKSPACE_FORMAT, version: SCHEMA_VERSION, exported: '2026-01-01T00:00:00.000Z', state: { source, settings: { tolerance: '0.02' } }, imports, mappings: [] });
}

/** Opens a workspace file through Settings and returns what the screen says. */
export async function openWorkspace(page: Page, path: string): Promise<string> {
  await goto(page, 'settings');
  await page.getByTestId('workspace-input').setInputFiles([path]);
  await page.getByRole('button', { name: 'Replace my data' }).click();
  await page.getByTestId('workspace-result').waitFor({ timeout: 60_000 });
  return page.getByTestId('workspace-result').innerText();
}

/** Every route's heading and some text under it: a blank view has neither. */
export async function everyRouteShows(page: Page): Promise<string[]> {
  const blank: string[] = [];
  const hrefs = await page.getByRole('navigation', { name: 'Views' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of hrefs) {
    await page.evaluate((h) => {
      window.location.hash = h;
    }, href);
    await page.waitForTimeout(150);
    // Each view's code loads on its first visit: wait for it, then read what it shows.
    await page.getByTestId('view-loading').waitFor({ state: 'detached', timeout: 30_000 });
    const main = (await page.locator('main').count()) > 0 ? await page.locator('main').innerText() : '';
    if (main.trim().length < 40) blank.push(href);
  }
  return blank;
}
