/** EHCP and Agreement views on the example: SPEC section 7's EHCP and agreement figures, from the screen. */
import { beforeAll, describe, expect, it } from 'vitest';
import { appForTests } from './browser';
import { chartTable, gotoView, rowNamed, rowsOf, seriousViolations, tooltipAt } from './dashboard';

const h = appForTests();

describe('the EHCP and demand view', () => {
  beforeAll(async () => {
    await gotoView(h.page, h.url, 'ehcp', 'EHCP and demand');
  });
  it('states plans against target in the chart title and table', async () => {
    expect(await h.page.getByTestId('plans-chart').locator('h3').innerText()).toBe('1,570 plans at the end of March 2023: 2 above the target of 1,568');
    const rows = await chartTable(h.page, 'plans-chart');
    expect(rowNamed(rows, 'March 2023')).toEqual(['March 2023', '1,570', '1,568', '2 above']);
    expect(rowNamed(rows, 'January 2023')).toEqual(['January 2023', '1,593', 'not given', 'no target']);
    const tip = await tooltipAt(h.page, 'plans-chart', 2);
    expect(tip).toContain('March 2023');
    expect(tip).toContain('Plans at end of month 1,570');
    expect(tip).toContain('Target 1,568');
  });
  it('shows monthly flows and requests for assessment with the same numbers in the tables', async () => {
    const flows = await chartTable(h.page, 'flows-chart');
    expect(rowNamed(flows, 'March 2023')).toEqual(['March 2023', '20', '40']);
    expect(rowNamed(flows, 'April 2021')).toEqual(['April 2021', '14', '5']);
    const rsa = await chartTable(h.page, 'rsa-chart');
    expect(rowNamed(rsa, 'January 2023')).toEqual(['January 2023', '30', '20', 'not given', 'not given']);
    expect(rowNamed(rsa, 'December 2022')).toEqual(['December 2022', '18', 'not given', 'not given', 'not given']);
    expect(await h.page.getByTestId('rsa-chart').locator('h3').innerText()).toBe(
      'Requests for assessment were above target in 2 of the 2 months with a target (from January 2023)',
    );
    expect(await h.page.getByTestId('ehcp-warnings').innerText()).toContain('No reconciliation warnings');
  });
  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousViolations(h.page)).toEqual([]);
  });
});

describe('the agreement view', () => {
  beforeAll(async () => {
    await gotoView(h.page, h.url, 'agreement', 'Agreement');
  });
  it('lists the years with profile, contributions, surplus requirement and the 2022-23 position', async () => {
    const rows = await rowsOf(h.page.getByTestId('agreement-table'));
    expect(rows[0]).toEqual(['Year', 'Status', 'Deficit profile', 'DfE contribution', 'DfE to date', 'Surplus required', 'Gross deficit', 'Excess / (headroom)']);
    expect(rowNamed(rows, '2022-23 (the year being viewed)')).toEqual(['2022-23 (the year being viewed)', '▲ Amber', '£11,700,000', '£5,160,000', '£5,160,000', 'No', '£11,862,717', '£162,717 (1.39%)']);
    expect(rowNamed(rows, '2025-26')).toEqual(['2025-26', '– No data', '£12,900,000', '£1,550,000', '£9,810,000', 'Yes', '–', '–']);
    expect(await h.page.getByTestId('at-stake').innerText()).toBe(
      'Still to come, subject to progress: DfE contributions of £7,750,000 for 2023-24, 2024-25, 2025-26, 2026-27.',
    );
  });
  it('has no serious or critical accessibility violations, and nothing was fetched from elsewhere', async () => {
    expect(await seriousViolations(h.page)).toEqual([]);
    expect(h.foreignRequests).toEqual([]);
  });
});
