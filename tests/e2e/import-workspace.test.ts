/**
 * The workspace file, settings and agreement editor, reset and delete, in headless Chromium:
 * export after imports, open the file in a fresh browser profile, and see identical figures.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Harness } from './browser';
import { card, exampleFiles, figures, goto, historyRows, importAll, tempDir, upload, writeFile } from './importHelpers';

let a: Harness;
let b: Harness | undefined;
const files = tempDir();
let exported = '';

beforeAll(async () => {
  a = await openApp();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  rmSync(files, { recursive: true, force: true });
});

describe('the workspace file', () => {
  it('exports everything, and a fresh profile opens it with identical figures and history', async () => {
    const paths = exampleFiles();
    await upload(a.page, paths);
    await importAll(a.page);
    // A second year's actuals, so the file carries more than the example.
    const extra = writeFile(files, 'actuals-2023-24.csv', 'Financial Year,Period,Block,Line,Actual\n2023-24,1,High Needs,Top up funding,"£1,234.56"\n');
    await upload(a.page, [extra]);
    await card(a.page, 'actuals-2023-24.csv').getByRole('button', { name: /^Import/ }).click();
    await card(a.page, 'actuals-2023-24.csv').getByText('Imported.').waitFor();
    const expected = await figures(a.page);
    const expectedHistory = await historyRows(a.page);
    await goto(a.page, 'settings');
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Export the workspace' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dsg-workspace-\d{4}-\d\d-\d\d\.json$/);
    exported = writeFile(files, 'workspace.json', readFileSync((await download.path())!));

    b = await openApp();
    expect(await b.page.locator('.app-source').innerText()).toContain('example');
    await goto(b.page, 'settings');
    await b.page.getByTestId('workspace-input').setInputFiles([exported]);
    await b.page.getByRole('button', { name: 'Replace my data' }).click();
    expect(await b.page.getByTestId('workspace-result').innerText()).toContain('Opened workspace.json');
    expect(await figures(b.page)).toEqual(expected);
    expect(await historyRows(b.page)).toEqual(expectedHistory);
    // And it is stored there: a reload keeps it.
    await b.page.reload();
    expect(await figures(b.page)).toEqual(expected);
  });

  it('refuses a file that is not a workspace file, with clear errors, changing nothing', async () => {
    const before = await figures(b!.page);
    const bad = writeFile(files, 'not-a-workspace.json', JSON.stringify({ format: 'dsg-safety-valve-monitor workspace', version: 2, state: { source: 'user', settings: { tolerance: 'x' } }, imports: 'none' }));
    await goto(b!.page, 'settings');
    await b!.page.getByTestId('workspace-input').setInputFiles([bad]);
    await b!.page.getByRole('button', { name: 'Replace my data' }).click();
    const text = await b!.page.getByTestId('workspace-result').innerText();
    expect(text).toContain('not-a-workspace.json was not opened; nothing was changed.');
    expect(text).toContain('state.settings.tolerance');
    expect(text).toContain('imports: "none" is not a list');
    expect(await figures(b!.page)).toEqual(before);
  });
});

describe('accessibility', () => {
  it('has no serious or critical violations on the import and settings screens', async () => {
    for (const route of ['import', 'settings']) {
      await goto(a.page, route);
      const result = await new AxeBuilder({ page: a.page }).analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${route}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
    }
  });
});

describe('settings and the agreement', () => {
  it('validates and saves the amber tolerance, which changes the status', async () => {
    const page = b!.page;
    await goto(page, 'settings');
    await page.getByTestId('tolerance').fill('two per cent');
    await page.getByRole('button', { name: 'Save tolerance' }).click();
    expect(await page.getByRole('alert').first().innerText()).toContain('is not a tolerance');
    await page.getByTestId('tolerance').fill('1%');
    await page.getByRole('button', { name: 'Save tolerance' }).click();
    await page.getByText('Saved: amber within 1% of the profile.').waitFor();
    await page.locator('header').getByLabel('Financial year').selectOption({ label: '2022-23 (to period 12)' });
    expect((await figures(page)).status).toContain('Red');
    await page.reload();
    await page.locator('header').getByLabel('Financial year').selectOption({ label: '2022-23 (to period 12)' });
    expect((await figures(page)).status).toContain('Red');
  });

  it('edits the agreement by hand, with validation, and the figures follow', async () => {
    const page = b!.page;
    await goto(page, 'settings');
    const editor = page.getByTestId('agreement-editor');
    expect(await editor.locator('tbody tr').count()).toBe(5);
    await page.getByLabel('Deficit profile, row 1').fill('11,9m');
    await page.getByRole('button', { name: 'Save the agreement' }).click();
    expect(await page.getByTestId('agreement-errors').innerText()).toContain('Row 1: Deficit profile: "11,9m"');
    await page.getByLabel('Deficit profile, row 1').fill('£11.9m');
    await page.getByRole('button', { name: 'Save the agreement' }).click();
    await page.getByText('Agreement saved.').waitFor();
    await page.locator('header').getByLabel('Financial year').selectOption({ label: '2022-23 (to period 12)' });
    const f = await figures(page);
    expect(f.profile).toContain('£11,900,000');
    expect(f.status).toContain('Green');
    expect((await historyRows(page))[0]).toContain('Agreement entered by hand');
  });

  it('resets to the example data, and deletes everything, each after confirmation', async () => {
    const page = b!.page;
    await goto(page, 'settings');
    await page.getByRole('button', { name: 'Reset to the example data' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.app-source').innerText()).toBe('Showing your data');
    await page.getByRole('button', { name: 'Reset to the example data' }).click();
    await page.getByRole('button', { name: 'Yes, reset to the example' }).click();
    await page.getByText('The example data is back.').waitFor();
    expect(await page.locator('.app-source').innerText()).toContain('example');
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText(/^Deleted from this browser: \d+ history entr(y|ies)/).waitFor();
    await page.reload();
    expect(await historyRows(page)).toEqual([]);
    expect(await page.locator('main').innerText()).not.toContain('£15,621,000');
  });
});
