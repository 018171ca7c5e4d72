/**
 * Issue 13, point 4: the snapshot's "checked" said more than the check. On the old code a figure
 * edited with its SHA-256 recomputed showed "(checked: the data is as written)"; with the hash not
 * recomputed the warning showed beside the altered figures; the banner was hidden in print; the
 * "as at" and "made" words were outside the fingerprint; damaged data gave a blank page. Now the
 * banner says what the match proves and names the fingerprint to compare, the fingerprint covers
 * the words too and is printed on every page, a mismatch shows no figures, damaged data says so.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openFileOffline, type Harness } from './browser';
import { pdfPages } from './pdfText';

let app: Harness;
const dir = mkdtempSync(join(tmpdir(), 'dsg-snapshot-robust-'));
let original = '';
let sentFingerprint = '';

const SLOT = /(<script id="dsg-snapshot-data" type="application\/json">)(.*?)(<\/script>)/s;
const escape = (json: string) => json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A copy of the snapshot with its payload changed by `edit` (as someone editing the file would). */
function altered(name: string, edit: (payload: Record<string, unknown>) => void): string {
  const html = original.replace(SLOT, (_, open: string, json: string, close: string) => {
    const payload = JSON.parse(json) as Record<string, unknown>;
    edit(payload);
    return open + escape(JSON.stringify(payload)) + close;
  });
  const path = join(dir, name);
  writeFileSync(path, html);
  return path;
}

async function open(path: string) {
  const snap = await openFileOffline(path);
  await snap.page.locator('main').first().waitFor();
  await snap.page.waitForFunction(() => !document.body.innerText.includes('Checking the snapshot'));
  return snap;
}

beforeAll(async () => {
  app = await openApp();
  await app.page.goto(`${app.url}#/report`);
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('snapshot-download').click()]);
  const path = join(dir, 'snapshot.html');
  await download.saveAs(path);
  original = readFileSync(path, 'utf8');
  sentFingerprint = /is ([0-9a-f]{64})\./.exec(await app.page.getByTestId('snapshot-message').innerText())![1]!;
});
afterAll(async () => {
  await app?.close();
});

describe('what the snapshot says about its fingerprint', () => {
  it('a figure edited and the hash recomputed: it names the new fingerprint to compare, never "the data is as written"', async () => {
    const path = altered('recomputed.html', (p) => {
      const content = JSON.parse(p.content as string);
      content.dataset.funding[0].income += 100_000_00;
      p.content = JSON.stringify(content);
      p.sha256 = sha(p.content as string);
    });
    const snap = await open(path);
    try {
      const banner = await snap.page.getByTestId('snapshot-banner').innerText();
      expect(banner).not.toContain('as written');
      const shown = await snap.page.getByTestId('snapshot-fingerprint').first().innerText();
      expect(shown).not.toBe(sentFingerprint);
      expect(banner).toContain(`Matches fingerprint ${shown.slice(0, 4)}…${shown.slice(-2)} (compare it with the one your finance officer sent).`);
      expect(banner).toContain('does not show who made the file');
    } finally {
      await snap.close();
    }
  });

  it('a figure edited and the hash not recomputed: only the warning, no figures', async () => {
    const path = altered('edited.html', (p) => {
      p.content = (p.content as string).replace('"income":', '"income":1');
    });
    const snap = await open(path);
    try {
      expect(await snap.page.getByTestId('snapshot-problem').innerText()).toContain('WARNING: this snapshot has been altered');
      expect(await snap.page.getByTestId('status').count()).toBe(0);
      expect(await snap.page.locator('body').innerText()).not.toMatch(/£\d/);
      await snap.page.screenshot({ path: join(tmpdir(), 'robust-snapshot-mismatch.png') });
    } finally {
      await snap.close();
    }
  });

  it('the "as at" and "made" words are inside the fingerprint: "— AUDITED" added is a mismatch', async () => {
    const path = altered('audited.html', (p) => {
      // Wherever the file keeps the words (the old format kept them beside the fingerprinted text).
      if (typeof p.asAt === 'string') p.asAt += ' — AUDITED';
      else {
        const content = JSON.parse(p.content as string);
        content.asAt += ' — AUDITED';
        p.content = JSON.stringify(content);
      }
    });
    const snap = await open(path);
    try {
      expect(await snap.page.getByTestId('snapshot-problem').innerText()).toContain('WARNING');
      expect(await snap.page.locator('body').innerText()).not.toContain('AUDITED');
    } finally {
      await snap.close();
    }
  });

  it('damaged data gives a clear message, not a blank page', async () => {
    const path = altered('damaged.html', (p) => {
      const content = JSON.parse(p.content as string);
      content.dataset.budgets = [null];
      p.content = JSON.stringify(content);
      p.sha256 = sha(p.content as string);
    });
    const snap = await open(path);
    try {
      const text = await snap.page.getByTestId('snapshot-problem').innerText();
      expect(text).toContain('The data in this snapshot is damaged');
      expect(text).toContain('data.budgets[0]');
      expect(snap.errors).toEqual([]);
    } finally {
      await snap.close();
    }
  });

  it('prints the fingerprint on every page', async () => {
    const snap = await open(join(dir, 'snapshot.html'));
    try {
      await snap.page.goto(snap.page.url().replace(/#.*$/, '') + '#/report');
      await snap.page.getByTestId('status').first().waitFor();
      const pdf = await snap.page.pdf({ format: 'A4' });
      const pages = await pdfPages(new Uint8Array(pdf));
      expect(pages.length).toBeGreaterThan(1);
      for (const text of pages) expect(text.replace(/\s+/g, '')).toContain(sentFingerprint);
      await snap.page.emulateMedia({ media: 'print' });
      await snap.page.screenshot({ path: join(tmpdir(), 'robust-snapshot-print.png'), fullPage: true });
    } finally {
      await snap.close();
    }
  });
});
