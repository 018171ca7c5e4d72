/**
 * Issue 13, point 3: one bad field in a stored record blanked one view for good on the old code
 * (`replaced: [null]` blanked Import files, a saved scenario driver of "1e9000000" blanked
 * Forecasts and scenarios). Stored records are now checked on read and the views read them
 * defensively; and a view or chart that fails anyway is caught by its error boundary, which says
 * so and offers "Export my workspace" and a reset, while the other views, Settings included, work.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Harness } from './browser';
import { figures, goto, tempDir, writeFile } from './importHelpers';
import { exampleRecords, openWorkspace, workspaceText } from './robustHelpers';

let app: Harness;
const dir = tempDir();

/** Changes one stored import record in the app's IndexedDB, as damage or an old bug would. */
async function damageRecord(page: Page, id: number, path: string[], value: unknown) {
  await page.evaluate(
    async ({ id, path, value }) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('dsg-monitor');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const store = db.transaction('imports', 'readwrite').objectStore('imports');
      const rec = await new Promise<Record<string, unknown>>((resolve) => {
        const g = store.get(id);
        g.onsuccess = () => resolve(g.result as Record<string, unknown>);
      });
      let at: Record<string, unknown> = rec;
      for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
      at[path.at(-1)!] = value;
      await new Promise((resolve) => {
        const p = store.put(rec);
        p.onsuccess = resolve;
      });
      db.close();
    },
    { id, path, value },
  );
  await page.reload();
}

async function mainText(page: Page, route: string) {
  await page.evaluate((r) => {
    window.location.hash = `#/${r}`;
  }, route);
  await page.waitForTimeout(300);
  // Each view's code loads on its first visit: read what it shows once it has.
  await page.getByTestId('view-loading').waitFor({ state: 'detached', timeout: 30_000 });
  return page.locator('main').innerText();
}

beforeAll(async () => {
  app = await openApp();
  const path = writeFile(dir, 'good.json', workspaceText(exampleRecords()));
  expect(await openWorkspace(app.page, path)).toContain('Opened good.json.');
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('one bad field in a stored record', () => {
  it('`replaced: [null]` leaves Import files working, with its history', async () => {
    await damageRecord(app.page, 2, ['replaced'], [null]);
    const text = await mainText(app.page, 'import');
    expect(text).toContain('Import history');
    expect(text).toContain('budget.csv');
    expect(await app.page.getByTestId('view-failed').count()).toBe(0);
  });

  it('a saved scenario driver of "1e9000000" is left out, said so, and the forecast still shows', async () => {
    await damageRecord(app.page, 3, ['data', 'scenarios'], [
      { name: 'Huge', savedAt: '2026-01-01T00:00:00.000Z', scenario: { drivers: { newPlansPerMonth: '10', endingsPerMonth: '5', costPerPlan: '1e9000000', inflation: '0.03', incomeGrowth: '0.02' }, oneOffs: [], changes: [] } },
    ]);
    const text = await mainText(app.page, 'scenarios');
    expect(text).toContain('1 saved scenario could not be read');
    expect(await app.page.getByTestId('forecast-chart').count()).toBe(1);
    expect(await app.page.getByTestId('view-failed').count()).toBe(0);
  });
});

describe('a view that fails anyway', () => {
  it('is caught there, offers a way out, and the other views and Settings keep working', async () => {
    const expected = await figures(app.page);
    // Make the Import view's history fail to render (it prints each import's time, to the minute).
    await app.page.evaluate(() => {
      Date.prototype.getMinutes = () => {
        throw new Error('dates cannot be printed');
      };
    });
    const text = await mainText(app.page, 'import');
    const failed = app.page.getByTestId('view-failed');
    expect(await failed.count()).toBe(1);
    expect(text).toContain('Import files could not be shown');
    expect(text).toContain('dates cannot be printed');
    expect(await failed.getByRole('button', { name: 'Export my workspace' }).count()).toBe(1);
    expect(await failed.getByRole('button', { name: 'Reset to the example data' }).count()).toBe(1);
    await app.page.screenshot({ path: join(dir, '..', 'robust-view-failed.png'), fullPage: true });
    const [download] = await Promise.all([app.page.waitForEvent('download'), failed.getByRole('button', { name: 'Export my workspace' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dsg-workspace-.*\.json$/);
    expect(await figures(app.page)).toEqual(expected);
    await goto(app.page, 'settings');
    expect(await app.page.getByRole('button', { name: 'Export the workspace' }).count()).toBe(1);
  });

  it('a chart that fails shows its message inside its figure; the table and the rest of the view are there', async () => {
    await app.page.evaluate(() => {
      window.ResizeObserver = class {
        constructor() {
          throw new Error('no ResizeObserver');
        }
      } as unknown as typeof ResizeObserver;
    });
    const text = await mainText(app.page, 'trajectory');
    expect(text).toContain('This chart could not be drawn');
    expect(await app.page.locator('main h1').innerText()).toBe('Trajectory');
    expect(await app.page.getByRole('heading', { name: 'Trajectory could not be shown' }).count()).toBe(0);
    await app.page.screenshot({ path: join(dir, '..', 'robust-chart-failed.png'), fullPage: true });
  });
});
