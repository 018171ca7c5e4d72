/**
 * Issue 11 point 4, charts that agree with the status: a red year's trajectory heading says red
 * and why (the engine's status, not worked out again); the previous year's outturn point is drawn
 * solid (the hollow forecast marker only on forecast years); each legend swatch is drawn as the
 * chart's markers are (hollow for hollow points, squares where the legend says squares); the
 * first tooltip does not cover the legend; "Compare two scenarios" opens on two different ones.
 *
 * The workspace: two agreement years written here. 2024-25 is an outturn (12 periods of £400,000
 * against £4.5m of DSG income: an in-year deficit of £300,000, cumulative £9.3m against a £10m
 * profile). 2025-26 requires an in-year surplus; at period 6 it has spent 6 × £420,000 against a
 * £5m budget and £4.8m of income, so it is forecast in deficit: below the £12m profile, yet red.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Harness } from './browser';
import { gotoView } from './dashboard';
import { importAll, tempDir, upload, writeFile } from './importHelpers';

const dir = tempDir();
const FILES = {
  'agreement.csv': 'financial_year,deficit_profile,dfe_contribution,in_year_surplus_required,opening_deficit\n2024-25,10000000,1000000,no,9000000\n2025-26,12000000,1000000,yes,\n',
  'budget.csv': 'financial_year,block,line,budget\n2024-25,High Needs,Top-up funding,5000000\n2025-26,High Needs,Top-up funding,5000000\n',
  'funding.csv': 'financial_year,block,dsg_income\n2024-25,High Needs,4500000\n2025-26,High Needs,4800000\n',
  'actuals.csv':
    'financial_year,period,block,line,actual\n' +
    Array.from({ length: 12 }, (_, i) => `2024-25,${i + 1},High Needs,Top-up funding,400000\n`).join('') +
    Array.from({ length: 6 }, (_, i) => `2025-26,${i + 1},High Needs,Top-up funding,420000\n`).join(''),
};

let h: Harness;
beforeAll(async () => {
  h = await openApp();
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function selectYear(label: string) {
  await h.page.getByLabel('Financial year').selectOption({ label });
}

/** The plot's hollow markers (white-filled circles, squares, triangles, diamonds) in a chart. */
function hollowMarkers(testId: string) {
  return h.page.getByTestId(testId).locator('.recharts-wrapper > svg.recharts-surface').first().evaluate((svg) =>
    Array.from(svg.querySelectorAll('circle, rect, polygon, path'))
      .filter((e) => e.closest('.recharts-line-dots, .recharts-line-dot') !== null || e.classList.contains('recharts-dot'))
      .filter((e) => ['#fff', '#ffffff', 'white', 'rgb(255, 255, 255)'].includes((e.getAttribute('fill') ?? '').toLowerCase())).length,
  );
}

describe('the trajectory of a red year', () => {
  it('imports the two-year workspace', async () => {
    await upload(h.page, Object.entries(FILES).map(([name, text]) => writeFile(dir, name, text)));
    await importAll(h.page);
  });

  it('says in its heading that the year is red, and why, from the engine\'s status', async () => {
    await gotoView(h.page, h.url, 'overview', 'Overview');
    await selectYear('2025-26 (to period 6)');
    expect(await h.page.getByTestId('status-summary').innerText()).toContain('Red');
    await gotoView(h.page, h.url, 'trajectory', 'Trajectory');
    const title = await h.page.getByTestId('trajectory-chart').locator('.chart-title').innerText();
    expect(title).toMatch(/below the £12m agreed profile/);
    expect(title).toContain(', but red: the agreement requires an in-year surplus in 2025-26 and the year is forecast to be in deficit');
  });

  it('draws the previous year\'s outturn point solid: the hollow forecast marker only on the forecast year', async () => {
    await gotoView(h.page, h.url, 'trajectory', 'Trajectory');
    await h.page.getByTestId('trajectory-chart').locator('.recharts-line').first().waitFor();
    // One year (2025-26) is a forecast; 2024-25 is outturn, drawn as a filled point only.
    expect(await hollowMarkers('trajectory-chart')).toBe(1);
  });

  it('draws each legend swatch as the chart draws that series: hollow where the points are hollow', async () => {
    await gotoView(h.page, h.url, 'trajectory', 'Trajectory');
    const items = h.page.getByTestId('trajectory-chart').locator('.recharts-legend-item');
    await items.first().waitFor();
    const forecast = items.filter({ hasText: /forecast/ });
    expect(await forecast.count()).toBe(1);
    expect(await forecast.innerText()).toMatch(/hollow/);
    const fills = await forecast.locator('svg').first().evaluate((svg) =>
      Array.from(svg.querySelectorAll('circle, path, rect, polygon')).map((e) => (e.getAttribute('fill') ?? '').toLowerCase()),
    );
    expect(fills.some((f) => f === '#fff' || f === '#ffffff' || f === 'white'), `forecast swatch fills: ${fills.join(', ')}`).toBe(true);
  });
});

describe('legends and tooltips on the example data', () => {
  it('draws squares where a legend says squares', async () => {
    const e = await openApp();
    try {
      await gotoView(e.page, e.url, 'ehcp', 'EHCP and demand');
      const chart = e.page.getByTestId('plans-chart');
      await chart.locator('.recharts-line').first().waitFor();
      expect(await chart.locator('.recharts-legend-item', { hasText: 'squares' }).count()).toBe(1);
      // The target's points: squares (rect or a four-sided polygon) in the plot, not circles only.
      const squares = await chart.locator('.recharts-wrapper > svg.recharts-surface').first().evaluate((svg) =>
        Array.from(svg.querySelectorAll('.recharts-line-dots rect, .recharts-line-dots polygon')).length,
      );
      expect(squares).toBeGreaterThan(0);
    } finally {
      await e.close();
    }
  });

  it('keeps the first tooltip (keyboard focus on the chart) off the legend', async () => {
    for (const width of [1280, 768, 390]) {
      const e = await openApp({ viewport: { width, height: 900 } });
      try {
        await e.page.evaluate(() => localStorage.setItem('dsg-monitor.role', 'forum'));
        for (const [view, heading, testId] of [
          ['overview', 'Overview', 'overview-trajectory'],
          ['trajectory', 'Trajectory', 'trajectory-chart'],
        ] as const) {
          await e.page.goto(`${e.url}#/${view}`);
          await e.page.reload();
          await e.page.locator('main h1', { hasText: heading }).waitFor();
          const chart = e.page.getByTestId(testId);
          const surface = chart.locator('svg.recharts-surface[tabindex="0"]').first();
          await surface.waitFor();
          await e.page.waitForTimeout(300);
          await surface.focus();
          await chart.locator('.chart-tooltip').waitFor();
          const overlap = await chart.evaluate((c) => {
            const t = c.querySelector('.chart-tooltip')!.getBoundingClientRect();
            const l = c.querySelector('.chart-legend, .recharts-legend-wrapper')!.getBoundingClientRect();
            return t.top < l.bottom - 1 && t.bottom > l.top + 1 && t.left < l.right - 1 && t.right > l.left + 1;
          });
          expect(overlap, `${view} at ${width}px: the tooltip covers the legend`).toBe(false);
        }
      } finally {
        await e.close();
      }
    }
  });
});

describe('Compare two scenarios', () => {
  it('opens on two different scenarios once a second one exists', async () => {
    const e = await openApp();
    try {
      await gotoView(e.page, e.url, 'scenarios', 'Forecasts and scenarios');
      await e.page.getByTestId('scenario-name').fill('Lower growth');
      await e.page.getByRole('button', { name: 'Save the scenario' }).click();
      await e.page.getByTestId('save-message').getByText('Saved: "Lower growth".').waitFor();
      const a = await e.page.getByTestId('compare-A').locator('option:checked').innerText();
      const b = await e.page.getByTestId('compare-B').locator('option:checked').innerText();
      expect(a).not.toBe(b);
      expect([a, b].sort()).toEqual(['Lower growth', 'The scenario being edited']);
    } finally {
      await e.close();
    }
  });
});
