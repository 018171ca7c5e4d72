/**
 * Issue 13, point 2: a workspace file that passes the old check but breaks the rebuild (bad
 * placements) replaced the stored data on the old code, left the confirm box open, and after a
 * reload the app blamed the browser; "Delete all my data" then claimed success. With storage
 * disabled, writes did nothing and said they were done. Now: the file is refused whole, saying
 * where, the stored data is exactly as it was (also after a reload), delete says what it did, and
 * without storage the app names the cause and refuses to pretend it stored anything.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Harness } from './browser';
import { card, figures, goto, historyRows, tempDir, upload, writeFile } from './importHelpers';
import { exampleRecords, openWorkspace, workspaceText } from './robustHelpers';

let app: Harness;
let noStorage: Harness | undefined;
const dir = tempDir();

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
  await noStorage?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a workspace file that would break the rebuild', () => {
  it('is refused whole, saying where, and the stored data stays exactly as it was, also after a reload', async () => {
    const good = writeFile(dir, 'good.json', workspaceText(exampleRecords()));
    expect(await openWorkspace(app.page, good)).toContain('Opened good.json.');
    const expected = await figures(app.page);
    const history = await historyRows(app.page);
    expect(history.length).toBe(7);

    const recs = exampleRecords() as unknown as { data: Record<string, unknown> }[];
    recs[2]!.data.placements = [{ month: 'x', type: '__proto__', count: 'abc' }, null];
    const bad = writeFile(dir, 'bad-placements.json', workspaceText(recs));
    const text = await openWorkspace(app.page, bad);
    expect(text).toContain('bad-placements.json was not opened; nothing was changed.');
    expect(text).toContain('imports[2].data.placements[0].count: "abc" is not a whole number');
    expect(text).toContain('imports[2].data.placements[0].type: "__proto__" is not one of');
    expect(text).toContain('imports[2].data.placements[1]: null is not a placement count');
    // The confirm box has closed; nothing is stuck.
    expect(await app.page.getByRole('alertdialog').count()).toBe(0);
    expect(await figures(app.page)).toEqual(expected);
    expect(await historyRows(app.page)).toEqual(history);

    await app.page.reload();
    expect(await app.page.getByTestId('storage-error').count()).toBe(0);
    expect(await figures(app.page)).toEqual(expected);
    expect(await historyRows(app.page)).toEqual(history);
  });

  it('"Delete all my data" says what it deleted, and it is gone after a reload', async () => {
    await goto(app.page, 'settings');
    await app.page.getByRole('button', { name: 'Delete all my data' }).click();
    await app.page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await app.page.getByText('Deleted from this browser: 7 history entries (imports and edits) and 0 column mappings').waitFor();
    await app.page.reload();
    expect(await historyRows(app.page)).toEqual([]);
  });
});

describe('with the browser refusing storage', () => {
  it('names the real cause, and never reports an import or a delete as done', async () => {
    noStorage = await openApp();
    const page = noStorage.page;
    // As a browser with site data turned off does: every attempt to open IndexedDB throws SecurityError.
    await noStorage.context.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await page.reload();
    const said = await page.getByTestId('storage-error').innerText();
    expect(said).toContain('SecurityError');
    expect(said).toContain('read-only');
    const path = writeFile(dir, 'actuals-p1.csv', 'Financial Year,Period,Block,Line,Actual\n2023-24,1,High Needs,Top up funding,"£1,234.56"\n');
    await upload(page, [path]);
    const c = card(page, 'actuals-p1.csv');
    await c.getByRole('button', { name: /^Import/ }).click();
    expect(await c.getByTestId('upload-message').innerText()).toContain('Not imported. Nothing was stored:');
    expect(await c.getByText('Imported. It is in the import history').count()).toBe(0);
    await goto(page, 'settings');
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText(/^Nothing was deleted: .*SecurityError/).waitFor();
  });
});
