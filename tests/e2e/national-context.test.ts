/**
 * Issue 14 in Chromium: drop the DfE's release zip and allocations workbook on the Import screen,
 * set the LA code (880, Torbay) and two comparators, and read the National context view: Torbay
 * against England, the South West and Plymouth and Devon, each chart's table with the same numbers
 * as the summary; axe finds nothing serious. Figures as read from the files by hand (see
 * tests/national/national.test.ts for where each comes from).
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Harness } from './browser';
import { goto } from './importHelpers';

const DIR = 'tests/fixtures/national/';
const ZIP = 'ehcp_2025.zip';
const ODS = 'dedicated-schools-grant_2023-24_published-2024-07-20.ods';

let h: Harness;
beforeAll(async () => {
  h = await openApp();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Drops files on the drop zone as a user dragging them from the desktop would. */
async function drop(page: Page, names: string[]) {
  const files = names.map((name) => ({ name, b64: readFileSync(DIR + name).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  }, files);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

const card = (name: string) => h.page.getByTestId('upload').filter({ has: h.page.getByRole('heading', { name, exact: true }) });

/** Opens a route and waits for its lazily loaded view to be drawn. */
async function open(route: string) {
  await h.page.evaluate((r) => (window.location.hash = `#/${r}`), route);
  await h.page.locator('main h1').first().waitFor();
  await h.page.getByTestId('view-loading').waitFor({ state: 'detached' });
}

/** The summary table's row for a measure: [year, Torbay, England, region, comparators, rank, source]. */
async function summary(id: string): Promise<string[]> {
  return h.page.getByTestId('national-summary').locator(`tr[data-metric="${id}"] td`).allInnerTexts();
}

describe('National context', () => {
  it('reads the dropped release zip and allocations workbook as DfE tables, kept apart, each its own history entry', async () => {
    await goto(h.page, 'import');
    await drop(h.page, [ZIP, ODS]);
    for (const name of [ZIP, ODS]) await card(name).getByTestId('national-upload').waitFor({ timeout: 120_000 });
    await card(ZIP).getByRole('button', { name: 'Import the national tables' }).waitFor({ timeout: 120_000 });
    expect(await card(ZIP).getByTestId('upload-kind').innerText()).toBe('DfE national tables');
    expect(await card(ZIP).innerText()).toContain('caseload.csv: 201819 to 202425');
    expect(await card(ZIP).getByText('Left aside (10)').count()).toBe(1);
    for (const name of [ZIP, ODS]) {
      await card(name).getByRole('button', { name: 'Import the national tables' }).click();
      await card(name).getByText('Imported.').waitFor();
    }
    const history = await h.page.getByTestId('history').locator('tbody tr').allInnerTexts();
    expect(history.filter((r) => r.includes('DfE national tables'))).toHaveLength(2);
    // The example data is still what the dashboard shows: national tables are not the council's data.
    expect(await h.page.locator('.app-source').innerText()).not.toContain('Showing your data');
  }, 240_000);

  it("asks for the LA code, then takes the council's one code and two comparators in Settings", async () => {
    await open('national');
    await h.page.getByTestId('national-no-la').waitFor();
    await goto(h.page, 'settings');
    // One LA code field in the whole of Settings: the council's, also printed on the report and return.
    expect(await h.page.getByTestId('la-code').count()).toBe(1);
    expect(await h.page.getByTestId('national-la').innerText()).toContain('Set your council\'s LA code under "The council" first');
    await h.page.getByTestId('la-code').fill('88');
    await h.page.getByRole('button', { name: 'Save council' }).click();
    await expect.poll(() => h.page.getByTestId('council-message').innerText()).toContain('"88" is not a local authority code');
    await h.page.getByTestId('la-code').fill('880');
    await h.page.getByRole('button', { name: 'Save council' }).click();
    await expect.poll(() => h.page.getByTestId('council-message').innerText()).toContain('"LA 880"');
    expect(await h.page.getByTestId('national-la').innerText()).toBe('Your council is LA 880, as set under "The council".');
    await h.page.getByTestId('comparators').fill('879, E06');
    await h.page.getByRole('button', { name: 'Save comparators' }).click();
    await expect.poll(() => h.page.getByTestId('comparators-message').innerText()).toContain('"E06" is not a local authority code');
    await h.page.getByTestId('comparators').fill('879, 878, 880');
    await h.page.getByRole('button', { name: 'Save comparators' }).click();
    await expect.poll(() => h.page.getByTestId('comparators-message').innerText()).toBe('Saved: compared with 879, 878. 880 is your own code, so it is not a comparator.');
  });

  it('shows Torbay against England, the South West and its two comparators, with the sources named', async () => {
    await open('national');
    await h.page.getByTestId('national-summary').waitFor();
    expect(await h.page.getByTestId('national-who').innerText()).toContain('Torbay (880), in the South West region, against England, the South West and 2 comparators (Plymouth, Devon)');
    expect(await summary('ehcps')).toEqual(['2025', '1,643', '638,745', '62,875', '6,464.5 (3,081 to 9,848)', expect.stringMatching(/^\d+ of 153$/), 'caseload.csv']);
    expect((await summary('within_20_weeks_pct')).slice(0, 5)).toEqual(['2024', '28.9%', '46.4%', '28.5%', '4.6% (3.2% to 6.0%)']);
    expect((await summary('tribunal_appeal_rate_pct')).slice(0, 3)).toEqual(['2024', '2.3%', '3.2%']);
    expect(await summary('dsg_high_needs_allocation')).toContain(`${ODS} and caseload.csv`);
    expect((await summary('dsg_high_needs_allocation'))[1]).toBe('£17,060.66');
    // The council's own EHCP file (the example) beside the January 2023 census.
    expect(await h.page.getByTestId('census-check').innerText()).toContain('2023: 1,593 plans at the end of January in your file, 1,595 in the census (2 fewer in your file)');
  });

  it("each chart's table has the same numbers as the summary", async () => {
    for (const id of ['ehcps', 'new_plans', 'independent_special_pct', 'tribunal_appeal_rate_pct']) {
      const fig = h.page.getByTestId(`national-${id}`);
      await fig.locator('summary').click();
      const last = await fig.getByTestId(`national-${id}-rows`).locator('tbody tr').last().locator('th, td').allInnerTexts();
      const s = await summary(id);
      // Year, Torbay, England, South West, then Plymouth and Devon.
      expect(last.slice(0, 4)).toEqual(s.slice(0, 4));
      expect(last).toHaveLength(6);
      expect(await fig.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    }
    const ehcps = await h.page.getByTestId('national-ehcps-rows').locator('tbody tr').last().locator('th, td').allInnerTexts();
    expect(ehcps).toEqual(['2025', '1,643', '638,745', '62,875', '3,081', '9,848']);
  });

  it("sets the workbook's allocations for 880 beside the funding file, after recoupment as row 123 prints them", async () => {
    const rows = await h.page.getByTestId('national-allocations').locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(5);
    expect(rows[2]).toContain('High Needs');
    expect(rows[2]).toContain('£26,188,108');
    expect(rows[2]).toContain('£20,270,274');
    expect(rows[4]).toContain('£50,021,046');
    expect(rows[4]).toContain('none held');
  });

  it("uses 2023-24's allocation as its DSG income only when chosen, and then every view says so, after a reload too", async () => {
    const notice = h.page.getByTestId('allocation-income-notice');
    expect(await notice.count()).toBe(0);
    expect(await h.page.getByTestId('allocation-income-2023-24').innerText()).toContain('Not used: 2023-24 has no DSG income in the figures.');
    // The box follows the saved setting, so it turns only once the save is done: click, then wait for it.
    await h.page.getByLabel("Use the 2023-24 allocation after recoupment (£50,021,046) as 2023-24's DSG income").click();
    await expect.poll(() => h.page.getByLabel("Use the 2023-24 allocation after recoupment (£50,021,046) as 2023-24's DSG income").isChecked()).toBe(true);
    await expect.poll(() => h.page.getByTestId('allocation-income-message').innerText()).toContain("Saved: 2023-24's DSG income is now the allocation after recoupment");
    expect(await h.page.getByTestId('allocation-income-2023-24').innerText()).toContain(
      "Used: 2023-24's DSG income in the figures is £50,021,046, from dedicated-schools-grant_2023-24_published-2024-07-20.ods.",
    );
    // The reconciliation still sets the allocation beside the funding file's own income, which is none.
    expect((await h.page.getByTestId('national-allocations').locator('tbody tr').allInnerTexts())[4]).toContain('none held (the allocation is used)');
    const said = `Not from a funding file: 2023-24's DSG income (£50,021,046) is the ESFA's allocation after recoupment in ${ODS}`;
    for (const route of ['national', 'overview', 'trajectory', 'report', 'return', 'settings']) {
      await open(route);
      expect(await notice.innerText(), route).toContain(said);
    }
    // Kept in the workspace: still chosen, and still said, when the page is opened again.
    await h.page.reload();
    await open('overview');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(said);
    await open('national');
    await h.page.getByTestId('national-summary').waitFor();
    expect(await h.page.getByLabel("Use the 2023-24 allocation after recoupment (£50,021,046) as 2023-24's DSG income").isChecked()).toBe(true);
    // Turned off, nothing is said any more.
    await h.page.getByLabel("Use the 2023-24 allocation after recoupment (£50,021,046) as 2023-24's DSG income").click();
    await expect.poll(() => h.page.getByLabel("Use the 2023-24 allocation after recoupment (£50,021,046) as 2023-24's DSG income").isChecked()).toBe(false);
    await expect.poll(() => h.page.getByTestId('allocation-income-message').innerText()).toContain('no longer used');
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('axe finds nothing serious, at 1280 and at 390 pixels wide', { timeout: 180_000 }, async () => {
    expect(await axe(h.page)).toEqual([]);
    await h.page.setViewportSize({ width: 390, height: 844 });
    expect(await axe(h.page)).toEqual([]);
    const overflow = await h.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await h.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the forum report carries the section; undoing the zip takes the SEN2 measures away again', async () => {
    await open('report');
    await h.page.getByTestId('report-national').waitFor();
    expect(await h.page.getByTestId('report-national').innerText()).toContain('1,643');
    await goto(h.page, 'import');
    const zipRow = h.page.getByTestId('history').locator('tbody tr', { hasText: ZIP });
    await zipRow.getByRole('button', { name: /^Undo/ }).click();
    await zipRow.getByRole('button', { name: /^Redo/ }).waitFor();
    await open('national');
    await h.page.getByTestId('national-who').waitFor();
    expect(await h.page.getByTestId('national-summary').locator('tr[data-metric="ehcps"]').count()).toBe(0);
  });
});
