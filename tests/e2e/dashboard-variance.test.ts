/** Variance view on the example: variance by block (SPEC section 7) in the table, tooltip and chart title; drill to lines. */
import { beforeAll, describe, expect, it } from 'vitest';
import { appForTests } from './browser';
import { chartTable, gotoView, rowNamed, seriousViolations, tooltipAt } from './dashboard';

const h = appForTests();
beforeAll(async () => {
  await gotoView(h.page, h.url, 'variance', 'Variance by block and month');
});

describe('the variance view', () => {
  it('states the finding in the chart title', async () => {
    expect(await h.page.getByTestId('variance-chart').locator('h3').innerText()).toBe(
      'By March 2023 spending was £31,717 over the year-to-date budget, driven by High Needs (£293,717 over)',
    );
  });
  it('gives the variance by block of SPEC section 7 in the block-by-month table', async () => {
    const rows = await chartTable(h.page, 'variance-chart');
    expect(rows[0]).toEqual(['Month', 'Schools', 'Central School Services', 'High Needs', 'Early Years', 'All blocks', 'Year to date']);
    expect(rows).toHaveLength(1 + 12 + 1);
    expect(rowNamed(rows, 'Year to date')).toEqual(['Year to date', '(£12,000)', '(£114,000)', '£293,717', '(£136,000)', '£31,717', '£31,717']);
    expect(rowNamed(rows, 'April 2022')).toEqual(['April 2022', '(£1,000)', '(£9,500)', '£365,362', '(£11,333)', '£343,529', '£343,529']);
    expect(rowNamed(rows, 'March 2023')[6]).toBe('£31,717');
  });
  it('says in the keyboard tooltip what the table says for the month', async () => {
    const tip = await tooltipAt(h.page, 'variance-chart', 0);
    expect(tip).toContain('April 2022');
    expect(tip).toContain('High Needs in-month £365,362');
    expect(tip).toContain('Early Years in-month (£11,333)');
    expect(tip).toContain('Year to date £343,529');
  });
  it('compares budget with outturn by block, totals as SPEC section 7', async () => {
    expect(await h.page.getByTestId('outturn-chart').locator('h3').innerText()).toBe(
      'Over budget: High Needs £293,717; under: Schools £12,000, Central School Services £114,000, Early Years £136,000',
    );
    const rows = await chartTable(h.page, 'outturn-chart');
    expect(rowNamed(rows, 'High Needs')).toEqual(['High Needs', '£7,959,000', '£8,252,717', '£293,717']);
    expect(rowNamed(rows, 'Early Years')).toEqual(['Early Years', '£6,891,000', '£6,755,000', '(£136,000)']);
    expect(rowNamed(rows, 'Total')).toEqual(['Total', '£15,621,000', '£15,652,717', '£31,717']);
    const tip = await tooltipAt(h.page, 'outturn-chart', 2);
    expect(tip).toContain('High Needs');
    expect(tip).toContain('Forecast outturn £8,252,717');
    expect(tip).toContain('Variance £293,717: £293,717 overspend');
  });
  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousViolations(h.page)).toEqual([]);
  });
  it('drills from a block to its budget lines, and from a month to that month', async () => {
    await h.page.getByRole('button', { name: 'High Needs: open its budget lines' }).click();
    await h.page.locator('main h1', { hasText: 'Budget lines' }).waitFor();
    expect(await h.page.getByTestId('lines-count').innerText()).toBe('Showing 10 of 19 budget lines in High Needs.');
    await gotoView(h.page, h.url, 'variance', 'Variance by block and month');
    await h.page.getByRole('button', { name: 'August 2022: open the budget lines for this month' }).click();
    await h.page.locator('main h1', { hasText: 'Budget lines' }).waitFor();
    expect(await h.page.getByTestId('lines-count').innerText()).toBe('Showing 19 of 19 budget lines, with the in-month figures for August 2022.');
    expect(h.foreignRequests).toEqual([]);
  });
});
