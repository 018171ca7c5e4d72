/**
 * Issue 12: the first screen's JavaScript, everything index.html has loaded by the time the
 * overview is shown, within 200 kB gzipped. Chromium lists the scripts requested from the first
 * byte until the overview's first content is put in the page (noted by the page itself, and
 * compared with each script's start in resource timing); each file is gzipped here (zlib's default
 * level, as a web server would send it) and the sizes added. Checked for each role, since the
 * role decides what the overview holds (a forum member's has the trajectory chart, whose code,
 * Recharts with it, loads after the figures are shown).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { DIST, openApp } from './browser';

const LIMIT = 200 * 1024;

async function firstScreen(role: string) {
  const h = await openApp();
  try {
    await h.page.evaluate((r) => localStorage.setItem('dsg-monitor.role', r), role);
    // The moment the overview's first content is put in the page, noted in the page itself.
    const shown = role === 'finance' ? '[data-testid="budget"]' : '[data-testid="status-summary"]';
    await h.context.addInitScript((selector) => {
      const w = window as unknown as { __shownAt: number | null };
      w.__shownAt = null;
      new MutationObserver((_, observer) => {
        if (w.__shownAt === null && document.querySelector(selector)) {
          w.__shownAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    }, shown);
    // A fresh tab with the cache off, so every script is fetched.
    const page = await h.context.newPage();
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${h.url}#/overview`);
    await page.locator(shown).waitFor();
    await page.waitForLoadState('networkidle');
    // Every script requested before the overview was shown (resource timing: when each started).
    const scripts = await page.evaluate(() => {
      const at = (window as unknown as { __shownAt: number }).__shownAt;
      return performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('.js') && e.startTime <= at)
        .map((e) => new URL(e.name).pathname);
    });
    const files = [...new Set(scripts)].map((p) => {
      const bytes = readFileSync(join(ROOT, DIST, p.replace(/^\//, '')));
      return { path: p, bytes: bytes.length, gzipped: gzipSync(bytes).length };
    });
    await page.close();
    return { files, gzipped: files.reduce((s, f) => s + f.gzipped, 0) };
  } finally {
    await h.close();
  }
}

describe('the first screen', () => {
  for (const role of ['finance', 'forum', 'dcs']) {
    it(`loads at most 200 kB of gzipped JavaScript before the overview shows (${role})`, async () => {
      const { files, gzipped } = await firstScreen(role);
      const list = files.map((f) => `${f.path} ${(f.gzipped / 1024).toFixed(1)} kB`).join('; ');
      console.log(`first screen (${role}): ${(gzipped / 1024).toFixed(1)} kB gzipped in ${files.length} files: ${list}`);
      expect(files.length).toBeGreaterThan(0);
      // Recharts is in the charts' chunks only: none of the first screen's files holds it.
      for (const f of files) expect(readFileSync(join(ROOT, DIST, f.path.replace(/^\//, '')), 'utf8'), f.path).not.toContain('recharts-cartesian-grid');
      expect(gzipped, list).toBeLessThanOrEqual(LIMIT);
    });
  }
});
