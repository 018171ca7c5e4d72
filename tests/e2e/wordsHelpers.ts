/**
 * Shared steps for the issue 11 tests (tests/e2e/words-*.test.ts): the three-year workspace of
 * tests/fixtures/three-years (2023-24 amber, 2024-25 green with a planned surplus, 2025-26 red for
 * a missing surplus, 2026-27 without actuals), and the text of a view.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers';
import { importAll, upload } from './importHelpers';

export const THREE_YEARS = ['budget.csv', 'actuals.csv', 'funding.csv', 'agreement.csv', 'ehcp.csv'].map((f) => join(ROOT, 'tests', 'fixtures', 'three-years', f));

export async function loadThreeYears(page: Page) {
  await upload(page, THREE_YEARS);
  await importAll(page);
}

/** Opens a route and waits for its view to be drawn. */
export async function view(page: Page, route: string) {
  await page.evaluate((r) => {
    window.location.hash = `#/${r}`;
  }, route);
  await page.locator('main h1').first().waitFor();
  await page.waitForTimeout(150);
}

export async function selectYear(page: Page, label: string) {
  const select = page.getByRole('combobox', { name: 'Financial year' });
  const option = await select.locator('option', { hasText: label }).first().getAttribute('value');
  await select.selectOption(option!);
  await page.waitForTimeout(150);
}

export async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/[ \t]+/g, ' ');
}
