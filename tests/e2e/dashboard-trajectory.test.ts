/** Trajectory view on the example: the SPEC section 7 figures in chart titles, tables and keyboard tooltips. */
import { beforeAll, describe, expect, it } from 'vitest';
import { appForTests } from './browser';
import { chartTable, gotoView, rowNamed, seriousViolations, tooltipAt } from './dashboard';

const h = appForTests();
beforeAll(async () => {
  await gotoView(h.page, h.url, 'trajectory', 'Trajectory');
});

describe('the trajectory view', () => {
  it('states the finding in the chart title', async () => {
    expect(await h.page.getByTestId('trajectory-chart').locator('h3').innerText()).toBe(
      'At March 2023 the 2022-23 cumulative deficit of £11,862,717 was £162,717 (1.39%) above the £11,700,000 agreed profile',
    );
  });
  it('carries the agreement years and the 2022-23 deficit in its table', async () => {
    const rows = await chartTable(h.page, 'trajectory-chart');
    expect(rowNamed(rows, '2022-23')).toEqual(['2022-23', '£11,700,000', '£11,862,717', 'outturn', '£6,702,717', '£5,160,000', 'No']);
    expect(rowNamed(rows, '2023-24')).toEqual(['2023-24', '£13,000,000', '–', 'no actuals', '–', '£1,550,000', 'No']);
    expect(rowNamed(rows, '2025-26')[6]).toBe('Yes');
    expect(rowNamed(rows, '2026-27').slice(0, 2)).toEqual(['2026-27', '£11,300,000']);
  });
  it('gives the same numbers in the keyboard tooltip as in the table', async () => {
    const tip = await tooltipAt(h.page, 'trajectory-chart', 0);
    expect(tip).toContain('2022-23');
    expect(tip).toContain('Agreed deficit profile £11,700,000');
    expect(tip).toContain('Gross cumulative deficit (outturn) £11,862,717');
    expect(tip).toContain('Net after DfE contributions £6,702,717');
    expect(tip).toContain('DfE contribution for the year £5,160,000');
  });
  it('shows the waterfall from the opening deficit through each block to gross and net', async () => {
    expect(await h.page.getByTestId('waterfall-chart').locator('h3').innerText()).toBe(
      'The £2,731,717 in-year deficit took the gross deficit from £9,131,000 to £11,862,717; after £5,160,000 of DfE contributions the net deficit is £6,702,717',
    );
    const rows = await chartTable(h.page, 'waterfall-chart');
    expect(rows.slice(1)).toEqual([
      ['Deficit brought forward', '£9,131,000', '£9,131,000'],
      ['Schools in-year', '(£12,000)', '£9,119,000'],
      ['Central School Services in-year', '(£114,000)', '£9,005,000'],
      ['High Needs in-year', '£2,993,717', '£11,998,717'],
      ['Early Years in-year', '(£136,000)', '£11,862,717'],
      ['Gross cumulative deficit', '£11,862,717', '£11,862,717'],
      ['DfE contributions to date', '(£5,160,000)', '£6,702,717'],
      ['Net cumulative deficit', '£6,702,717', '£6,702,717'],
    ]);
    const tip = await tooltipAt(h.page, 'waterfall-chart', 3);
    expect(tip).toContain('High Needs in-year');
    expect(tip).toContain('Increase £2,993,717');
  });
  it('has no serious or critical accessibility violations, and fetches nothing from elsewhere', async () => {
    expect(await seriousViolations(h.page)).toEqual([]);
    expect(h.foreignRequests).toEqual([]);
  });
});
