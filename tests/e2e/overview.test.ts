/** The built app in headless Chromium shows the SPEC section 7 headline figures, read from the screen. */
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { appForTests } from './browser';

const h = appForTests();

const text = (testId: string) => h.page.getByTestId(testId).innerText();

describe('the overview on the example data', () => {
  it('shows the status in words, with the reason', async () => {
    expect(await text('status')).toContain('Amber');
    expect(await text('status-reason')).toContain('£11,862,717 is £162,717 (1.39%) above the agreed profile of £11,700,000');
  });
  it('shows the headline figures of SPEC section 7', async () => {
    expect(await text('budget')).toContain('£15,621,000');
    expect(await text('forecast-outturn')).toContain('£15,652,717');
    expect(await text('income')).toContain('£12,921,000');
    expect(await text('in-year-deficit')).toContain('£2,731,717');
    expect(await text('in-year-deficit')).toContain('planned deficit of £2,700,000');
    expect(await text('cumulative-gross')).toContain('£11,862,717');
    expect(await text('profile')).toContain('£11,700,000');
    expect(await text('excess')).toMatch(/£162,717[\s\S]*1\.39%/);
    expect(await text('contributions')).toContain('£5,160,000');
    expect(await text('cumulative-net')).toContain('£6,702,717');
    expect(await text('ehcp-summary')).toContain('1,570 plans at the end of March 2023, against a target of 1,568: 2 above target');
  });
  it('shows the variance and in-year deficit by block, underspends in brackets', async () => {
    const rows = await h.page.getByTestId('blocks-table').locator('tbody tr').allInnerTexts();
    const byBlock = Object.fromEntries(rows.map((r) => [r.split('\t')[0], r.split('\t').slice(1)]));
    expect(byBlock['Early Years']?.[2]).toBe('(£136,000)');
    expect(byBlock['High Needs']?.[2]).toBe('£293,717');
    expect(byBlock['High Needs']?.[4]).toBe('£2,993,717');
    expect(byBlock['Schools']?.[2]).toBe('(£12,000)');
    expect(byBlock['Central School Services']?.[2]).toBe('(£114,000)');
  });
  it('reads the summary sentence a forum member takes away', async () => {
    expect(await text('summary')).toBe(
      'At period 12 (March 2023), the in-year deficit for 2022-23 is £2,731,717: spend of £15,652,717 against DSG income of £12,921,000. The budget was set with a planned deficit of £2,700,000; the outturn is £31,717 over that budget (an overspend). The gross cumulative deficit is £11,862,717, £162,717 (1.39%) above the £11,700,000 agreed with the DfE.',
    );
  });
  it('has no serious or critical accessibility violations', async () => {
    const result = await new AxeBuilder({ page: h.page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
  it('views the year as at an earlier period when only "As at" is chosen', async () => {
    await h.page.locator('label', { hasText: 'As at' }).locator('select').selectOption({ label: 'period 6 (September 2022)' });
    expect(await h.page.locator('#status-heading').innerText()).toBe('2022-23, as at period 6 (September 2022)');
    expect(await text('summary')).toMatch(/^At period 6 \(September 2022\), the in-year deficit for 2022-23 is forecast at £/);
    await h.page.locator('label', { hasText: 'As at' }).locator('select').selectOption({ index: 0 });
    expect(await h.page.locator('#status-heading').innerText()).toBe('2022-23, as at period 12 (March 2023)');
  });
  it('makes no network requests beyond the app itself', () => {
    expect(h.foreignRequests).toEqual([]);
  });
});
