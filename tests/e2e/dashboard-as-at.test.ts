/**
 * The year viewed part way through: chosen once in the header, every view follows it and speaks
 * of forecasts, and nothing breaks where a view has less to show.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appForTests } from './browser';
import { chartTable, gotoView, rowNamed } from './dashboard';

const h = appForTests();
beforeAll(async () => {
  // The year is chosen first: the store applies an as-at period only to an explicitly chosen year.
  await h.page.getByRole('combobox', { name: 'Financial year' }).selectOption('2022');
  await h.page.getByRole('combobox', { name: 'As at' }).selectOption('6');
});

describe('as at period 6 (September 2022)', () => {
  it('the trajectory speaks of a forecast, in the table as well', async () => {
    await gotoView(h.page, h.url, 'trajectory', 'Trajectory');
    expect(await h.page.getByTestId('trajectory-chart').locator('h3').innerText()).toMatch(/^Forecast at September 2022, the 2022-23 cumulative deficit of £[\d,]+ is /);
    expect(rowNamed(await chartTable(h.page, 'trajectory-chart'), '2022-23')[3]).toBe('forecast at period 6');
  });
  it('the variance view stops at September 2022', async () => {
    await gotoView(h.page, h.url, 'variance', 'Variance by block and month');
    const rows = await chartTable(h.page, 'variance-chart');
    expect(rows.map((r) => r[0])).toEqual(['Month', 'April 2022', 'May 2022', 'June 2022', 'July 2022', 'August 2022', 'September 2022', 'Year to date']);
    expect(rowNamed(rows, 'September 2022')[6]).toBe('£297,502');
    expect(await h.page.getByTestId('outturn-chart').locator('h3').innerText()).toMatch(/^Forecast over budget: High Needs/);
  });
  it('budget lines label the forecast and offer months up to September 2022', async () => {
    await gotoView(h.page, h.url, 'lines', 'Budget lines');
    const months = await h.page.getByLabel('Month').locator('option').allInnerTexts();
    expect(months).toEqual(['Whole year to date', 'April 2022', 'May 2022', 'June 2022', 'July 2022', 'August 2022', 'September 2022']);
    expect(await h.page.getByTestId('lines-table').locator('thead').innerText()).toContain('Forecast outturn');
  });
  it('the EHCP view covers April 2021 to September 2022, saying where plan counts are missing', async () => {
    await gotoView(h.page, h.url, 'ehcp', 'EHCP and demand');
    expect(await h.page.getByTestId('plans-none').innerText()).toBe('No figures for plans in force are loaded for these months.');
    const flows = await chartTable(h.page, 'flows-chart');
    expect(flows[flows.length - 1]![0]).toBe('September 2022');
  });
  it('the agreement marks the position as a forecast', async () => {
    await gotoView(h.page, h.url, 'agreement', 'Agreement');
    expect(await h.page.getByTestId('agreement-table').locator('tbody tr').first().innerText()).toContain('forecast');
  });
});
