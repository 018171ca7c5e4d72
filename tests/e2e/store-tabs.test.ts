/**
 * Two tabs on one browser profile (issue 12: the store's tab channel is wired in app/main.tsx):
 * an import and its undo in one tab are read again by the other, which then shows the same
 * figures and history without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Harness } from './browser';
import { exampleFiles, figures, historyRows, importAll, upload } from './importHelpers';

let h: Harness;
let other: Page;

beforeAll(async () => {
  h = await openApp();
  other = await h.context.newPage();
  await other.goto(h.url);
  await other.locator('h1').filter({ hasText: 'Overview' }).waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('two tabs', () => {
  it('the other tab follows an import and its undo', async () => {
    await upload(h.page, exampleFiles());
    await importAll(h.page);
    const imported = await historyRows(h.page);
    expect(imported.length).toBeGreaterThan(0);
    // The other tab reads the stored data again: the same history, and the user's own data.
    await expect.poll(() => historyRows(other)).toEqual(imported);
    await expect.poll(() => other.getByText('You are looking at the example data').count()).toBe(0);
    expect(await figures(other)).toEqual(await figures(h.page));

    // Undo the last import in the first tab: the other tab shows it undone too.
    await h.page.evaluate(() => (window.location.hash = '#/import'));
    const undo = h.page.getByTestId('history').getByRole('button', { name: /^Undo/ }).last();
    await undo.click();
    await h.page.getByTestId('history').getByRole('button', { name: /^Redo/ }).last().waitFor();
    const afterUndo = await historyRows(h.page);
    expect(afterUndo).not.toEqual(imported);
    await expect.poll(() => historyRows(other)).toEqual(afterUndo);
    expect(await figures(other)).toEqual(await figures(h.page));
  });
});
