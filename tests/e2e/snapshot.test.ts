/**
 * The read-only snapshot: downloaded from the forum report, opened from disk with the network
 * blocked, it shows the SPEC section 7 figures, its as-at period and fingerprint, and no import
 * or editing controls.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openFileOffline, type Harness } from './browser';

let app: Harness;
let snap: Awaited<ReturnType<typeof openFileOffline>>;

beforeAll(async () => {
  app = await openApp();
  await app.page.goto(`${app.url}#/report`);
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('snapshot-download').click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'dsg-snapshot-')), download.suggestedFilename());
  await download.saveAs(path);
  snap = await openFileOffline(path);
  await snap.page.getByTestId('snapshot-banner').waitFor();
});
afterAll(async () => {
  await snap?.close();
  await app?.close();
});

describe('the read-only snapshot, opened from disk offline', () => {
  it('is named for its year and period', async () => {
    expect(await app.page.getByTestId('snapshot-message').innerText()).toMatch(/Snapshot saved\. Its data fingerprint \(SHA-256\) is [0-9a-f]{64}\./);
  });
  it('states its as-at period and a SHA-256 fingerprint it has checked', async () => {
    const banner = await snap.page.getByTestId('snapshot-banner').innerText();
    expect(banner).toContain('Read-only snapshot, as at period 12 (March 2023), 2022-23');
    expect(await snap.page.getByTestId('snapshot-fingerprint').first().innerText()).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(() => snap.page.getByTestId('snapshot-check').first().innerText()).toMatch(/^Matches fingerprint [0-9a-f]{4}…[0-9a-f]{2} \(compare it with the one your finance officer sent\)\.$/);
  });
  it('shows the SPEC section 7 figures', async () => {
    const text = (id: string) => snap.page.getByTestId(id).first().innerText();
    expect(await text('status')).toContain('Amber');
    expect(await text('in-year-deficit')).toContain('£2,731,717');
    expect(await text('cumulative-gross')).toContain('£11,862,717');
    expect(await text('profile')).toContain('£11,700,000');
    expect(await text('excess')).toMatch(/£162,717[\s\S]*1\.39%/);
    expect(await text('contributions')).toContain('£5,160,000');
    expect(await text('cumulative-net')).toContain('£6,702,717');
  });
  it('has no import or editing controls, and no role chooser', async () => {
    const nav = await snap.page.getByRole('navigation', { name: 'Views' }).innerText();
    expect(nav).not.toContain('Import');
    expect(nav).not.toContain('settings');
    expect(await snap.page.locator('input[type=file]').count()).toBe(0);
    expect(await snap.page.getByLabel('I am a').count()).toBe(0);
    await snap.page.goto(snap.page.url().replace(/#.*$/, '') + '#/import');
    expect(await snap.page.locator('input[type=file]').count()).toBe(0);
  });
  it('made no network request and threw no error', () => {
    expect(snap.blocked).toEqual([]);
    expect(snap.errors).toEqual([]);
  });
});
