/**
 * Issue 11 point 8, phones: at 390 × 844 the header and navigation fold away behind a menu button
 * (keyboard, Escape, focus), every view's heading starts near the top, captions wrap inside their
 * box, a table that scrolls says so (and one that fits does not), the Import screen's "Kind of
 * file" chooser fits its card, no page is wider than the screen at 390 or 320, and axe finds no
 * serious or critical violation at 390 on any view.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../helpers';
import { openApp } from './browser';
import { fitsWidth, seriousViolations } from './dashboard';

const ALL_VIEWS = ['overview', 'trajectory', 'variance', 'lines', 'ehcp', 'agreement', 'scenarios', 'conditions', 'report', 'return', 'import', 'settings', 'contributions'];
const PHONE = { width: 390, height: 844 };

/** Each table caption that is wider than its scrolling box (cut off), as its first words. */
function cutCaptions() {
  return Array.from(document.querySelectorAll('main .table-wrap caption'))
    .filter((c) => (c as HTMLElement).offsetParent !== null)
    .filter((c) => {
      const box = c.closest('.table-wrap')!.getBoundingClientRect();
      const r = c.getBoundingClientRect();
      return r.width > box.width + 1 || r.right > box.right + 1;
    })
    .map((c) => (c.textContent ?? '').slice(0, 40));
}

/** For each visible table box: does it overflow, and does a visible line just above it say it scrolls? */
function scrollHints() {
  return Array.from(document.querySelectorAll('main .table-wrap'))
    .filter((b) => (b as HTMLElement).offsetParent !== null && b.querySelector('table'))
    .map((b) => {
      const box = b as HTMLElement;
      const hint = box.previousElementSibling as HTMLElement | null;
      const said = hint !== null && hint.offsetParent !== null && /scroll sideways to see more columns/i.test(hint.innerText);
      return { name: box.getAttribute('aria-label'), overflows: box.scrollWidth > box.clientWidth + 1, said };
    });
}

describe('at 390 × 844', () => {
  it('folds the header and navigation behind a menu button, by keyboard, closing on Escape', async () => {
    const h = await openApp({ viewport: PHONE });
    try {
      await h.page.locator('main h1', { hasText: 'Overview' }).waitFor();
      const button = h.page.getByRole('button', { name: /^Menu/ });
      const nav = h.page.getByRole('navigation', { name: 'Views' });
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      expect(await h.page.getByLabel('Financial year').isVisible()).toBe(false);
      // Open by keyboard, Escape closes and gives focus back to the button.
      await button.focus();
      await h.page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      expect(await nav.isVisible()).toBe(true);
      expect(await h.page.getByLabel('Financial year').isVisible()).toBe(true);
      await h.page.keyboard.press('Tab');
      await h.page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      expect(await h.page.evaluate(() => document.activeElement?.classList.contains('menu-button'))).toBe(true);
      // Open again, Tab to a view's link and press Enter: the menu closes and focus is on the new view's heading.
      await h.page.keyboard.press('Space');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      let found = false;
      for (let i = 0; i < 20 && !found; i++) {
        await h.page.keyboard.press('Tab');
        found = await h.page.evaluate(() => document.activeElement?.textContent === 'Budget lines');
      }
      expect(found, 'Tab reaches "Budget lines" in the open menu').toBe(true);
      await h.page.keyboard.press('Enter');
      await h.page.locator('main h1', { hasText: 'Budget lines' }).waitFor();
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => h.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    } finally {
      await h.close();
    }
  });

  /** Visits every view at 390 × 844 and runs `check` on it. */
  async function eachView(check: (h: Awaited<ReturnType<typeof openApp>>, view: string) => Promise<void>) {
    const h = await openApp({ viewport: PHONE });
    try {
      for (const view of ALL_VIEWS) {
        await h.page.goto(`${h.url}#/${view}`);
        await h.page.locator('main h1').waitFor();
        await h.page.getByTestId('view-loading').waitFor({ state: 'detached' });
        await h.page.waitForTimeout(300);
        await check(h, view);
      }
    } finally {
      await h.close();
    }
  }

  it('starts every view near the top (its heading within 150 px) and fits the width', async () => {
    await eachView(async (h, view) => {
      const top = await h.page.locator('main h1').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
      expect(top, `${view}: the heading's top`).toBeLessThanOrEqual(150);
      expect(await fitsWidth(h.page), `${view} fits 390px`).toBe(true);
    });
  });

  it('wraps every table caption inside its box, and says a table scrolls exactly when it does', async () => {
    await eachView(async (h, view) => {
      await h.page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await h.page.waitForTimeout(150);
      expect(await h.page.evaluate(cutCaptions), `${view}: captions cut off`).toEqual([]);
      for (const t of await h.page.evaluate(scrollHints)) {
        expect(t.said, `${view}, ${t.name}: ${t.overflows ? 'scrolls, so says so' : 'fits, so says nothing'}`).toBe(t.overflows);
      }
    });
  });

  it('has no serious or critical accessibility violation on any view, with every table open', async () => {
    await eachView(async (h, view) => {
      await h.page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await seriousViolations(h.page), `${view} at 390px`).toEqual([]);
    });
  }, 300_000);

  it('keeps the Import screen\'s "Kind of file" chooser inside its card, and the page no wider than the screen at 390 and 320', async () => {
    for (const width of [390, 320]) {
      const h = await openApp({ viewport: { width, height: 844 } });
      try {
        await h.page.goto(`${h.url}#/import`);
        await h.page.getByTestId('file-input').setInputFiles([join(DATA_DIR, 'actuals.csv'), join(DATA_DIR, 'ehcp.csv')]);
        const select = h.page.getByTestId('kind-select').first();
        await select.waitFor();
        await h.page.getByTestId('upload-summary').first().waitFor({ timeout: 60_000 });
        const fits = await select.evaluate((s) => {
          const card = s.closest('[data-testid="upload"]')!.getBoundingClientRect();
          const r = s.getBoundingClientRect();
          return { select: Math.round(r.right), card: Math.round(card.right) };
        });
        expect(fits.select, `the chooser's right edge inside the card at ${width}px`).toBeLessThanOrEqual(fits.card);
        expect(await h.page.evaluate(() => document.documentElement.scrollWidth), `the page at ${width}px`).toBeLessThanOrEqual(width);
      } finally {
        await h.close();
      }
    }
  });

  it('no page is wider than the screen at 320', async () => {
    const h = await openApp({ viewport: { width: 320, height: 800 } });
    try {
      for (const view of ALL_VIEWS) {
        await h.page.goto(`${h.url}#/${view}`);
        await h.page.locator('main h1').waitFor();
        await h.page.waitForTimeout(300);
        expect(await h.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${view} at 320px`).toBe(true);
      }
    } finally {
      await h.close();
    }
  });
});
