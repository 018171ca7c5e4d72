/**
 * An interrupted import (issue 4): the browser is closed while a large file is being read, and
 * again just as an import is stored. Reopened on the same profile, the stored data is exactly
 * as it was, or (where the store had already committed) the whole import, never part of one.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Harness } from './browser';
import { card, exampleFiles, figures, goto, historyRows, importAll, tempDir, upload, writeFile } from './importHelpers';

let h: Harness;
let keeper: Harness;
const profileDir = tempDir();
const files = tempDir();

beforeAll(async () => {
  // A second browser keeps the preview server (so the origin, port included) alive across restarts.
  keeper = await openApp();
  h = await openApp({ profileDir });
});
afterAll(async () => {
  await h?.close();
  await keeper?.close();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

/** A ledger of `lines` budget lines, `rows` rows in all. */
function ledger(name: string, rows: number, lines: number): string {
  const out = ['Financial Year,Period,Block,Budget Heading,Date,Reference,Supplier,Amount'];
  for (let i = 0; i < rows; i++) out.push(`2022-23,${(i % 12) + 1},High Needs,Line ${i % lines},01/04/2022,INV${i},A Supplier Ltd,1.01`);
  return writeFile(files, name, out.join('\n') + '\n');
}

async function restart() {
  await h.close();
  h = await openApp({ profileDir });
}

describe('an interrupted import', () => {
  let stored: Record<string, string>;
  let storedHistory: string[];

  it('leaves the stored data as it was when the browser is closed while a file is read', async () => {
    await upload(h.page, exampleFiles());
    await importAll(h.page);
    stored = await figures(h.page);
    storedHistory = await historyRows(h.page);

    const big = ledger('big-ledger.csv', 1_000_000, 50);
    await goto(h.page, 'import');
    await h.page.getByTestId('file-input').setInputFiles([big]);
    await card(h.page, 'big-ledger.csv').getByText(/^Reading: [1-9][\d,]* rows, \d+%/).waitFor({ timeout: 20_000 });
    await restart();
    expect(await figures(h.page)).toEqual(stored);
    expect(await historyRows(h.page)).toEqual(storedHistory);
  });

  it('stores the whole import or none of it when the browser is closed as it is stored', async () => {
    await upload(h.page, [ledger('lines.csv', 60_000, 5_000)]);
    const c = card(h.page, 'lines.csv');
    expect(await c.getByTestId('upload-summary').innerText()).toContain('60,000 rows valid');
    await c.getByRole('button', { name: /^(Import|Replace)/ }).click();
    await restart();
    const history = await historyRows(h.page);
    const after = await figures(h.page);
    if (history.length === storedHistory.length) {
      expect(history).toEqual(storedHistory);
      expect(after).toEqual(stored);
    } else {
      // Committed before the close: all of it is there, and undoing it restores the figures.
      expect(history).toHaveLength(storedHistory.length + 1);
      expect(history[0]).toContain('lines.csv');
      expect(history[0]).toContain('60,000');
      await goto(h.page, 'import');
      await h.page.getByRole('button', { name: 'Undo lines.csv' }).click();
      await h.page.getByRole('button', { name: 'Redo lines.csv' }).waitFor();
      expect(await figures(h.page)).toEqual(stored);
    }
  });
});
