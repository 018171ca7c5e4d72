/** Shared steps for the import e2e tests: upload through the real file input, import, read figures. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { DATA_DIR } from '../helpers';
import { appForTests, type OpenedApp } from './browser';

export const FIGURE_IDS = ['budget', 'forecast-outturn', 'income', 'in-year-deficit', 'cumulative-gross', 'profile', 'excess', 'contributions', 'cumulative-net', 'status'];

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dsg-upload-'));
}

/** The example's CSV files (the paths, by name), as a council would upload them. */
export function exampleFiles(): string[] {
  return readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => join(DATA_DIR, f));
}

/** The app on a browser profile of its own, with a folder for the files the tests write. */
export interface ProfiledApp extends OpenedApp {
  profileDir: string;
  files: string;
}

/** The set-up of a test file that keeps one profile throughout (reopen restarts the browser on it); the profile and the files removed after. */
export function appOnProfile(): ProfiledApp {
  const profileDir = tempDir();
  const files = tempDir();
  const app = appForTests({ profileDir }, () => {
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });
  return Object.assign(app, { profileDir, files });
}

/** Writes a file (text as UTF-8, or bytes as they are) and returns its path. */
export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export async function goto(page: Page, route: string) {
  await page.evaluate((r) => {
    window.location.hash = `#/${r}`;
  }, route);
  await page.locator('h1').filter({ hasText: route === 'import' ? 'Import files' : route === 'settings' ? 'Settings' : 'Overview' }).waitFor();
  await page.getByTestId('view-loading').waitFor({ state: 'detached' });
}

/** Uploads through the file input and waits until every new file has been read. */
export async function upload(page: Page, paths: string[]) {
  await goto(page, 'import');
  const before = await page.getByTestId('upload').count();
  await page.getByTestId('file-input').setInputFiles(paths);
  await expect.poll(() => page.getByTestId('upload').count()).toBe(before + paths.length);
  for (let i = before; i < before + paths.length; i++) {
    const card = page.getByTestId('upload').nth(i);
    await card.getByTestId('upload-summary').or(card.getByTestId('upload-message')).first().waitFor({ timeout: 60_000 });
  }
  return page.getByTestId('upload');
}

/** The card of the file with this name (the latest one). */
export function card(page: Page, name: string) {
  return page.getByTestId('upload').filter({ has: page.getByRole('heading', { name, exact: true }) }).last();
}

/** Presses each card's import button in turn, waiting for each to be stored. */
export async function importAll(page: Page) {
  const cards = page.getByTestId('upload');
  const n = await cards.count();
  for (let i = 0; i < n; i++) {
    const c = cards.nth(i);
    const button = c.getByRole('button', { name: /^(Import|Replace)/ });
    if ((await button.count()) === 0) continue;
    await button.click();
    await c.getByText('Imported.').waitFor();
  }
}

export async function historyRows(page: Page): Promise<string[]> {
  await goto(page, 'import');
  const table = page.getByTestId('history');
  if ((await table.count()) === 0) return [];
  return table.locator('tbody tr').allInnerTexts();
}

/** The overview's headline figures, as the screen shows them. */
export async function figures(page: Page): Promise<Record<string, string>> {
  await goto(page, 'overview');
  const out: Record<string, string> = {};
  for (const id of FIGURE_IDS) {
    const el = page.getByTestId(id);
    out[id] = (await el.count()) > 0 ? await el.first().innerText() : '';
  }
  out.blocks = (await page.getByTestId('blocks-table').count()) > 0 ? await page.getByTestId('blocks-table').innerText() : '';
  return out;
}
