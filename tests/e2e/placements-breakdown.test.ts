/**
 * Placements in headless Chromium (issue 6): import the example data with the small placements
 * file; the EHCP view shows plans by placement type and age band (charts with tables) and the
 * costs by type; the forecast then works by placement type, says so in words, and takes a
 * placement change ("20 fewer independent placements from September 2023") into the mitigated
 * forecast. Expected figures come from the domain engine on the same files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentAgreement } from '../../src/model/dataset';
import { formatPounds } from '../../src/domain/format';
import { mitigatedForecast } from '../../src/domain/mitigation';
import { projectionBase } from '../../src/domain/projection';
import { buildReport } from '../../src/domain/report';
import { importBytes } from '../../src/import/importFile';
import { DATA_DIR, ROOT, loadFolder } from '../helpers';
import { appForTests } from './browser';
import { chartTable, gotoView, rowNamed, rowsOf, seriousViolations } from './dashboard';
import { exampleFiles, importAll, upload } from './importHelpers';

const FIXTURE = join(ROOT, 'tests/fixtures/placements/placements.csv');
const { data } = loadFolder(DATA_DIR);
const placements = importBytes(new Uint8Array(readFileSync(FIXTURE)), 'placements.csv').data.placements!;
const base = (() => {
  const b = projectionBase(buildReport(data), currentAgreement(data), placements);
  if ('error' in b) throw new Error(b.error);
  return b;
})();

const h = appForTests();

describe('plans by placement type and age band in the EHCP view', () => {
  it('imports the example files with the placements file', async () => {
    const files = exampleFiles();
    await upload(h.page, [...files, FIXTURE]);
    await importAll(h.page);
    await gotoView(h.page, h.url, 'ehcp', 'EHCP and demand');
  }, 180_000);
  it('shows plans by placement type at each census, with the total', async () => {
    expect(await h.page.getByTestId('placement-type-chart').locator('h3').innerText()).toBe(
      '1,130 plans at January 2021 to 1,301 at January 2023; the largest change is mainstream school or academy (+75)',
    );
    const rows = await chartTable(h.page, 'placement-type-chart');
    expect(rows[0]).toEqual(['Placement type', 'January 2021', 'January 2022', 'January 2023']);
    expect(rowNamed(rows, 'Non-maintained or independent special school')).toEqual(['Non-maintained or independent special school', '70', '82', '95']);
    expect(rowNamed(rows, 'All plans')).toEqual(['All plans', '1,130', '1,214', '1,301']);
  });
  it('shows plans by age band and the costs by type', async () => {
    const rows = await chartTable(h.page, 'age-band-chart');
    expect(rowNamed(rows, 'Aged 11 to 15')).toEqual(['Aged 11 to 15', '432', '463', '495']);
    const costs = await rowsOf(h.page.getByTestId('placement-costs'));
    expect(rowNamed(costs, 'Maintained special school or special academy')).toEqual(['Maintained special school or special academy', '335', '£24,000', '£8,040,000']);
    expect(rowNamed(costs, 'All placements')).toEqual(['All placements', '1,301', '', '£21,051,000']);
  });
  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousViolations(h.page)).toEqual([]);
  });
});

describe('the forecast by placement type', () => {
  beforeAll(async () => {
    await gotoView(h.page, h.url, 'scenarios', 'Forecasts and scenarios');
  });
  it('says it works by placement type, with the costs from the file', async () => {
    const method = await h.page.getByTestId('method').innerText();
    expect(method).toContain('from the placements file at January 2023 (1301 plans)');
    expect(method).toContain('Non-maintained or independent special school 95 (7.3%) at £58,500.00');
  });
  it('takes 20 fewer independent placements from September 2023 into the mitigated forecast', async () => {
    const form = h.page.getByTestId('placement-form');
    await form.getByLabel('Name (optional)').fill('Local special places');
    await form.getByLabel('How many fewer').fill('20');
    await form.getByLabel('Placement type').selectOption('independent');
    await form.getByLabel('Placed instead in').selectOption('special');
    await form.getByLabel('From').fill('September 2023');
    await form.getByRole('button', { name: 'Add the placement change' }).click();
    await h.page.getByTestId('plan-items').getByText('Local special places: 20 fewer non-maintained or independent special school placements from September 2023, placed in maintained special school or special academy instead.').waitFor();
    const f = mitigatedForecast(base, {
      drivers: base.drivers, oneOffs: [], changes: [],
      placementChanges: [{ label: 'Local special places', type: 'independent', change: '-20', fromMonth: '2023-09', to: 'special' }],
    });
    const last = f.mitigated.at(-1)!;
    const rows = await chartTable(h.page, 'forecast-chart');
    expect(rowNamed(rows, last.label).slice(2, 4)).toEqual([formatPounds(f.unmitigated.at(-1)!.cumulativeDeficitGross), formatPounds(last.cumulativeDeficitGross)]);
    expect(await h.page.getByTestId('forecast-chart').locator('.chart-note').innerText()).toBe(f.words);
    expect(await seriousViolations(h.page)).toEqual([]);
  });
});
