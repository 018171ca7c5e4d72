/**
 * Issue 11 point 9, navigation: distinct names, a message (with the address and a way back) for
 * an unknown route or one the reader may not open, never the overview under another address;
 * focus on the new view's heading after a menu link, the change announced, a title per route.
 */
import { describe, expect, it } from 'vitest';
import { openApp } from './browser';

describe('navigation', () => {
  it('names every view distinctly: no two menu items start with the same word', async () => {
    const h = await openApp();
    try {
      await h.page.getByRole('navigation', { name: 'Views' }).getByRole('link').first().waitFor();
      const names = await h.page.getByRole('navigation', { name: 'Views' }).getByRole('link').allInnerTexts();
      // 13 views, and National context (issue 14).
      expect(names.length).toBe(14);
      const first = names.map((n) => n.trim().split(/\s+/)[0]);
      expect(new Set(first).size, `first words: ${first.join(', ')}`).toBe(names.length);
    } finally {
      await h.close();
    }
  });

  it('says so, with the address and a link to the overview, for an unknown route', async () => {
    const h = await openApp();
    try {
      await h.page.goto(`${h.url}#/no-such-view`);
      const heading = h.page.locator('main h1');
      await expect.poll(() => heading.innerText()).not.toBe('Overview');
      expect(await heading.innerText()).toBe('No such page');
      const message = await h.page.getByTestId('route-message').innerText();
      expect(message).toContain('#/no-such-view');
      expect(await h.page.title()).toBe('No such page: DSG Safety Valve monitor');
      // No view's content under the wrong address, and no menu item marked as the current page.
      expect(await h.page.locator('main section').count()).toBe(0);
      expect(await h.page.locator('nav [aria-current="page"]').count()).toBe(0);
      await h.page.getByRole('link', { name: 'Go to the overview' }).click();
      await h.page.locator('main h1', { hasText: 'Overview' }).waitFor();
      expect(h.page.url()).toContain('#/overview');
    } finally {
      await h.close();
    }
  });

  it('tells a forum member opening #/import that it is not open to them, rather than showing the overview', async () => {
    const h = await openApp();
    try {
      await h.page.getByLabel('I am a').selectOption('forum');
      await h.page.goto(`${h.url}#/import`);
      const heading = h.page.locator('main h1');
      await expect.poll(() => heading.innerText()).toBe('Import files is not available here');
      const message = await h.page.getByTestId('route-message').innerText();
      expect(message).toContain('#/import');
      expect(message).toContain('not open to a schools forum member');
      expect(await h.page.getByTestId('file-input').count()).toBe(0);
      expect(await h.page.getByRole('link', { name: 'Go to the overview' }).count()).toBe(1);
    } finally {
      await h.close();
    }
  });

  it('moves focus to the new view\'s heading after Enter on a menu link, announces it, and sets the title', async () => {
    const h = await openApp();
    try {
      await h.page.locator('main h1', { hasText: 'Overview' }).waitFor();
      expect(await h.page.title()).toBe('Overview: DSG Safety Valve monitor');
      for (const [path, label] of [
        ['trajectory', 'Trajectory'],
        ['lines', 'Budget lines'],
        ['scenarios', 'Forecasts and scenarios'],
        ['overview', 'Overview'],
      ]) {
        await h.page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: label, exact: true }).focus();
        await h.page.keyboard.press('Enter');
        await h.page.waitForURL(`**/#/${path}`);
        await expect
          .poll(() => h.page.evaluate(() => ({ tag: document.activeElement?.tagName, text: (document.activeElement as HTMLElement | null)?.innerText })))
          .toEqual({ tag: 'H1', text: label });
        const title = `${label}: DSG Safety Valve monitor`;
        expect(await h.page.title()).toBe(title);
        // A polite live region carries the new page's title for screen readers.
        const live = h.page.locator('[aria-live="polite"]', { hasText: title });
        await expect.poll(() => live.count()).toBe(1);
        // The heading takes focus from script only (tabindex=-1), so Tab does not stop on it.
        expect(await h.page.locator('main h1').getAttribute('tabindex')).toBe('-1');
      }
    } finally {
      await h.close();
    }
  });
});
