/**
 * Issue 13, point 1: sums beyond the exact range. A hundred budget lines of £999,999,999,999.99
 * each pass the per-cell limit but add up to more than integer pence hold exactly; on the old code
 * "Import 100 rows" blanked every route for good. They are now refused where they enter, naming
 * the file (and the rows), and every view, Import and Settings included, keeps working, also
 * after a reload. The same for a workspace file with two budgets of 9007199254740991 pence.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Harness } from './browser';
import { card, figures, goto, tempDir, upload, writeFile } from './importHelpers';
import { everyRouteShows, exampleRecords, openWorkspace, workspaceText } from './robustHelpers';

let app: Harness;
const dir = tempDir();

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sums beyond the exact range', () => {
  it('refuses 100 budget lines of £1tn each, naming the file, and every view still shows', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `2022-23,High Needs,Line ${i + 1},999999999999.99`);
    const path = writeFile(dir, 'huge-budget.csv', ['financial_year,block,line,budget', ...rows].join('\n') + '\n');
    const before = await figures(app.page);
    await upload(app.page, [path]);
    const c = card(app.page, 'huge-budget.csv');
    // Refused where the rows enter: the import names the file and the row where the total passed £10tn.
    const errors = await c.getByTestId('errors').innerText({ timeout: 30_000 });
    expect(errors).toContain('huge-budget.csv');
    expect(errors).toMatch(/12\s+the amounts from the first data row to this one add up to more than £10 trillion/);
    expect(await c.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    expect(await c.getByText('Imported. It is in the import history').count()).toBe(0);
    expect(await everyRouteShows(app.page)).toEqual([]);
    expect(await figures(app.page)).toEqual(before);
    await app.page.reload();
    expect(await everyRouteShows(app.page)).toEqual([]);
    expect(await figures(app.page)).toEqual(before);
  });

  it('refuses a workspace file with two budgets of 9007199254740991 pence, saying where, and changes nothing', async () => {
    const recs = exampleRecords();
    const budget = recs.find((r) => r.kind === 'budget')!;
    const at = recs.indexOf(budget);
    budget.data.budgets[0]!.budget = 9007199254740991 as never;
    budget.data.budgets[1]!.budget = 9007199254740991 as never;
    const path = writeFile(dir, 'huge.json', workspaceText(recs));
    const before = await figures(app.page);
    const text = await openWorkspace(app.page, path);
    expect(text).toContain('huge.json was not opened; nothing was changed.');
    expect(text).toContain(`imports[${at}].data.budgets[0].budget: 9007199254740991 is not a whole number of pence of at most £1 trillion`);
    expect(await app.page.getByRole('alertdialog').count()).toBe(0);
    expect(await figures(app.page)).toEqual(before);
    await app.page.reload();
    expect(await everyRouteShows(app.page)).toEqual([]);
    expect(await figures(app.page)).toEqual(before);
    await goto(app.page, 'settings');
  });
});
