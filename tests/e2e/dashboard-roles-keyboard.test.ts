/**
 * Across the dashboard: every view reached by keyboard alone, the role chooser tailoring the
 * overview and remembered, forum members shown no editing or drill controls, and every view
 * fitting 768 px without sideways scrolling of the page.
 */
import { describe, expect, it } from 'vitest';
import { openApp } from './browser';
import { chartTable, fitsWidth, gotoView, rowNamed, seriousViolations } from './dashboard';

const VIEWS: [string, string][] = [
  ['overview', 'Overview'],
  ['trajectory', 'Trajectory'],
  ['variance', 'Variance by block and month'],
  ['lines', 'Budget lines'],
  ['ehcp', 'EHCP and demand'],
  ['agreement', 'Agreement'],
];

describe('keyboard navigation', () => {
  it('reaches every view with Tab and Enter alone, moving focus to its heading', async () => {
    const h = await openApp();
    try {
      for (const [path, label] of VIEWS) {
        await h.page.locator('body').focus();
        await h.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        let found = false;
        for (let i = 0; i < 40 && !found; i++) {
          await h.page.keyboard.press('Tab');
          found = await h.page.evaluate((l) => {
            const a = document.activeElement;
            return a instanceof HTMLAnchorElement && a.closest('nav') !== null && a.textContent === l;
          }, label);
        }
        expect(found, `Tab reaches the link to ${label}`).toBe(true);
        // The focused element must show a visible focus indicator.
        const outline = await h.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
        expect(outline).not.toBe('none');
        await h.page.keyboard.press('Enter');
        await h.page.locator('main h1', { hasText: label }).waitFor();
        expect(h.page.url()).toContain(`#/${path}`);
      }
    } finally {
      await h.close();
    }
  });
});

describe('roles', () => {
  it('puts the plain summary and the deficit chart first for a forum member, remembers the role, and shows no drill or edit controls', async () => {
    const h = await openApp();
    try {
      await h.page.getByLabel('I am a').selectOption('forum');
      await h.page.reload();
      await h.page.locator('main h1').waitFor();
      expect(await h.page.getByLabel('I am a').inputValue()).toBe('forum');
      const firstText = await h.page.locator('main section').first().innerText();
      expect(firstText).toContain(
        'At period 12 (March 2023), the in-year deficit for 2022-23 is £2,731,717: spend of £15,652,717 against DSG income of £12,921,000. The budget was set with a planned deficit of £2,700,000; the outturn is £31,717 over that budget (an overspend). The gross cumulative deficit is £11,862,717, £162,717 (1.39%) above the £11,700,000 agreed with the DfE.',
      );
      const rows = await chartTable(h.page, 'overview-trajectory');
      expect(rowNamed(rows, '2022-23')).toEqual(['2022-23', '£11,700,000', '£11,862,717', '£6,702,717']);
      const nav = await h.page.getByRole('navigation', { name: 'Views' }).innerText();
      expect(nav).not.toContain('Import files');
      expect(nav).not.toContain('Settings');
      // The address asks for a view they may not open: a message says so (tests/e2e/shell-navigation.test.ts).
      await h.page.goto(`${h.url}#/import`);
      await h.page.locator('main h1', { hasText: 'Import files is not available here' }).waitFor();
      await gotoView(h.page, h.url, 'variance', 'Variance by block and month');
      expect(await h.page.locator('main .link-button').count()).toBe(0);
      for (const [path, label] of VIEWS) {
        await gotoView(h.page, h.url, path, label);
        const editors = await h.page.locator('main textarea, main [contenteditable="true"], main input:not([type="search"])').count();
        expect(editors, `no edit controls on ${label}`).toBe(0);
      }
    } finally {
      await h.close();
    }
  });
  it('puts compliance first for the DCS: status, reason, surplus requirement, freshness and what is at stake', async () => {
    const h = await openApp();
    try {
      await h.page.getByLabel('I am a').selectOption('dcs');
      const first = await h.page.locator('main section').first().innerText();
      expect(first).toContain('Status: Amber');
      expect(first).toContain('£162,717 (1.39%) above the agreed profile of £11,700,000');
      expect(first).toContain('The agreement does not require an in-year surplus in 2022-23.');
      expect(first).toContain('Latest actuals loaded: period 12, March 2023.');
      expect(await h.page.getByTestId('contributions-summary').innerText()).toBe(
        'The net deficit counts £5,160,000 of DfE contributions to the end of 2022-23 (£5,160,000 agreed for 2022-23 itself). A further £7,750,000 agreed for 2023-24, 2024-25, 2025-26, 2026-27 depends on the DfE judging progress satisfactory.',
      );
      expect(await h.page.getByTestId('ehcp-summary').innerText()).toContain('1,570 plans at the end of March 2023, against a target of 1,568: 2 above target');
      expect(await seriousViolations(h.page)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('at 768 × 1024', () => {
  it('every view fits the width, and has no serious or critical accessibility violations', async () => {
    const h = await openApp({ viewport: { width: 768, height: 1024 } });
    try {
      for (const [path, label] of VIEWS) {
        await gotoView(h.page, h.url, path, label);
        expect(await fitsWidth(h.page), `${label} fits 768px`).toBe(true);
        expect(await seriousViolations(h.page), label).toEqual([]);
        // And again with every "Show as table" open, so the table alternatives are checked too.
        await h.page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        expect(await seriousViolations(h.page), `${label}, tables open`).toEqual([]);
      }
      expect(h.foreignRequests).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('reflow (WCAG 1.4.10)', () => {
  const ALL_VIEWS = ['overview', 'trajectory', 'variance', 'lines', 'ehcp', 'agreement', 'scenarios', 'conditions', 'report', 'return', 'import', 'settings', 'contributions'];

  it('every view fits 320 and 768 pixels wide: only data tables scroll sideways, each in its own box', async () => {
    for (const width of [320, 768]) {
      const h = await openApp({ viewport: { width, height: 800 } });
      try {
        for (const view of ALL_VIEWS) {
          await h.page.goto(`${h.url}#/${view}`);
          await h.page.locator('main h1').waitFor();
          await h.page.waitForTimeout(300);
          expect(await fitsWidth(h.page), `${view} fits ${width}px`).toBe(true);
          if (width === 320) {
            // Narrow, the tables scroll: each box must be reachable by keyboard (axe: scrollable-region-focusable).
            await h.page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
            expect(await seriousViolations(h.page), `${view} at 320px`).toEqual([]);
          }
        }
      } finally {
        await h.close();
      }
    }
  }, 300_000); // axe on 13 views at 320 px, then 13 views at 768 px: near the default 120 s on a busy machine
});
