/**
 * Forecasts and scenarios in headless Chromium (issue 6): change a driver and the chart's table
 * and the answers follow; a bad value is named beside its field; save two scenarios, reload (they
 * come back from IndexedDB), compare them on one chart, delete one. The expected figures are the
 * domain engine's own on the same example data, so the screen is checked against the engine.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentAgreement } from '../../src/model/dataset';
import { formatPounds } from '../../src/domain/format';
import { answers, project, projectionBase } from '../../src/domain/projection';
import type { Drivers } from '../../src/model/scenario';
import { buildReport } from '../../src/domain/report';
import { DATA_DIR, loadFolder } from '../helpers';
import { openApp, type Harness } from './browser';
import { chartTable, gotoView, rowNamed, rowsOf, seriousViolations, tooltipAt } from './dashboard';
import { tempDir } from './importHelpers';

const { data } = loadFolder(DATA_DIR);
const base = (() => {
  const b = projectionBase(buildReport(data), currentAgreement(data), data.placements);
  if ('error' in b) throw new Error(b.error);
  return b;
})();
const forecast = (d: Partial<Drivers>) => project(base, { drivers: { ...base.drivers, ...d }, oneOffs: [], changes: [] });
const finalText = (d: Partial<Drivers>) => formatPounds(forecast(d).at(-1)!.cumulativeDeficitGross);

const profileDir = tempDir();
let h: Harness;
beforeAll(async () => {
  h = await openApp({ profileDir });
  await gotoView(h.page, h.url, 'scenarios', 'Forecasts and scenarios');
});
afterAll(async () => {
  await h?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

const answersText = () => h.page.getByTestId('answers').innerText();
const lastYear = () => forecast({}).at(-1)!.label;

describe('changing a driver', () => {
  it('shows the forecast from the data, as the engine computes it, with its method in words', async () => {
    const rows = await chartTable(h.page, 'forecast-chart');
    expect(rowNamed(rows, lastYear())[2]).toBe(finalText({}));
    expect(await h.page.getByTestId('method').innerText()).toContain('Starts from 1,570 plans at the end of March 2023');
    expect(await answersText()).toContain(answers(forecast({}), base)[0]);
  });
  it('updates the chart table and the answers when new plans per month change', async () => {
    const before = await answersText();
    await h.page.getByLabel('New plans per month').fill('30');
    await h.page.getByTestId('forecast-table').locator('tr', { hasText: lastYear() }).getByText(finalText({ newPlansPerMonth: '30' }), { exact: true }).waitFor();
    const after = await answersText();
    expect(after).not.toBe(before);
    for (const a of answers(forecast({ newPlansPerMonth: '30' }), base)) expect(after).toContain(a);
  });
  it('names a value that is not a number beside its field, and keeps the last forecast', async () => {
    const field = h.page.getByLabel('Cost inflation a year');
    await field.fill('three');
    const error = h.page.getByTestId('drivers').getByRole('alert');
    await error.waitFor();
    expect(await error.innerText()).toContain('"three" is not a number');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('3.5');
    await error.waitFor({ state: 'detached' });
    await h.page.getByTestId('forecast-table').locator('tr', { hasText: lastYear() }).getByText(finalText({ newPlansPerMonth: '30', inflation: '0.035' }), { exact: true }).waitFor();
  });
  it('adds a saving to the plan: the table shows the unmitigated and mitigated forecasts', async () => {
    const form = h.page.getByTestId('amount-form');
    await form.getByLabel('Name (optional)').fill('Banding review');
    await form.getByLabel('Amount').fill('£1m');
    await form.getByLabel('Every year from then on').check();
    await form.getByRole('button', { name: 'Add the amount' }).click();
    await h.page.getByTestId('plan-items').getByText('Banding review: saving of £1,000,000 a year from').waitFor();
    const rows = await rowsOf(h.page.getByTestId('forecast-table'));
    expect(rows[0]).toContain('Unmitigated: no action');
    expect(rows[0]).toContain('Mitigated: with the savings plan');
    const n = forecast({}).length;
    const last = rowNamed(rows, lastYear());
    // The mitigated figure is £1m a year lower for every projected year.
    const unmitigated = forecast({ newPlansPerMonth: '30', inflation: '0.035' }).at(-1)!.cumulativeDeficitGross;
    expect(last[2]).toBe(formatPounds(unmitigated));
    expect(last[3]).toBe(formatPounds((unmitigated - n * 100_000_000) as typeof unmitigated));
    expect(await h.page.getByTestId('forecast-chart').locator('.chart-note').innerText()).toContain('The savings plan lowers');
  });
  it('reads each year by keyboard: the tooltip prints the exact figures', async () => {
    const tip = await tooltipAt(h.page, 'forecast-chart', 1);
    const y = forecast({}).at(1)!;
    expect(tip).toContain(y.label);
    expect(tip).toContain(`Agreed deficit profile ${formatPounds(y.profile!)}`);
  });
  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousViolations(h.page)).toEqual([]);
  });
});

describe('saving, reloading and comparing scenarios', () => {
  it('saves two named scenarios', async () => {
    await h.page.getByRole('button', { name: 'Reset the drivers to the data’s values' }).click();
    await h.page.getByRole('button', { name: /^Remove: Banding review/ }).click();
    await h.page.getByLabel('New plans per month').fill('30');
    await h.page.getByTestId('scenario-name').fill('Growth 30');
    await h.page.getByRole('button', { name: 'Save the scenario' }).click();
    await h.page.getByTestId('save-message').getByText('Saved: "Growth 30".').waitFor();
    await h.page.getByRole('button', { name: 'Reset the drivers to the data’s values' }).click();
    await h.page.getByLabel('DSG income growth a year').fill('3');
    await h.page.getByTestId('scenario-name').fill('Income 3%');
    await h.page.getByRole('button', { name: 'Save the scenario' }).click();
    await h.page.getByTestId('save-message').getByText('Saved: "Income 3%".').waitFor();
    const rows = await rowsOf(h.page.getByTestId('saved-table'));
    expect(rows.map((r) => r[0])).toEqual(['Name', 'Growth 30', 'Income 3%']);
  });
  it('still has them after the browser is closed and opened again (IndexedDB)', async () => {
    // A second browser keeps the preview server (so the origin, port included) alive while this one restarts.
    const keeper = await openApp();
    await h.close();
    h = await openApp({ profileDir });
    await keeper.close();
    await gotoView(h.page, h.url, 'scenarios', 'Forecasts and scenarios');
    const rows = await rowsOf(h.page.getByTestId('saved-table'));
    expect(rowNamed(rows, 'Growth 30')[2]).toBe(`${finalText({ newPlansPerMonth: '30' })} (${lastYear()})`);
    expect(rowNamed(rows, 'Income 3%')[2]).toBe(`${finalText({ incomeGrowth: '0.03' })} (${lastYear()})`);
  });
  it('compares the two with the agreement on one chart, with the answers for each', async () => {
    await h.page.getByTestId('compare-A').selectOption('Growth 30');
    await h.page.getByTestId('compare-B').selectOption('Income 3%');
    const rows = await chartTable(h.page, 'compare-chart');
    expect(rows[0]).toEqual(['Year', 'Agreed profile', 'A: Growth 30', 'B: Income 3%']);
    const last = forecast({}).at(-1)!;
    expect(rowNamed(rows, lastYear())).toEqual([lastYear(), formatPounds(last.profile!), finalText({ newPlansPerMonth: '30' }), finalText({ incomeGrowth: '0.03' })]);
    const words = await h.page.getByTestId('compare-answers').innerText();
    expect(words).toContain('A: Growth 30');
    expect(words).toContain(answers(forecast({ incomeGrowth: '0.03' }), base)[4]!);
    expect(await h.page.getByTestId('compare-chart').locator('h3').innerText()).toMatch(/^B ends .* lower$/);
  });
  it('deletes a scenario', async () => {
    await h.page.getByRole('button', { name: 'Delete Growth 30' }).click();
    await h.page.getByTestId('save-message').getByText('Deleted: "Growth 30".', { exact: false }).waitFor();
    const rows = await rowsOf(h.page.getByTestId('saved-table'));
    expect(rows.map((r) => r[0])).toEqual(['Name', 'Income 3%']);
  });
  it('shows the sensitivity tornado with its table', async () => {
    const rows = await chartTable(h.page, 'tornado-chart');
    expect(rows[0]).toEqual(['Driver', 'Lower value', 'Change', 'Higher value', 'Change']);
    expect(rows.length).toBe(6);
    expect(await seriousViolations(h.page)).toEqual([]);
  });
});
