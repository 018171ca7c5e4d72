/**
 * Issue 11, points 1 and 6: the forum report says what the figures mean (a planned surplus is
 * "below" the DSG income) and is laid out as the April 2023 paper is: the council's own line
 * order, £m to 3 decimals, blank budgets left blank, the EHCP funding table, the narrative
 * sections (kept with the workspace) and no heading left alone at the foot of a page.
 */
import { describe, expect, it } from 'vitest';
import { appForTests } from './browser';
import { pdfPages } from './pdfText';
import { loadThreeYears, mainText, selectYear, view } from './wordsHelpers';

const h = appForTests();

const reportText = async () => (await h.page.getByTestId('forum-report').innerText()).replace(/\s+/g, ' ');

describe('the forum report on the example, as the paper', () => {
  it('prints money as the paper does: £m to 3 decimals, £k below, a blank budget left blank', async () => {
    await view(h.page, 'report');
    const t = await reportText();
    expect(t).toContain('Early Years 2, 3 & 4 yr old payments - PVIs & Academies £6.089m £5.893m (£196k)');
    expect(t).toContain('Other packages for EHCP pupils and SEND personal budgets £1.512m £1.495m (£17k)');
    // The paper: "Estimated adjustment from ESFA … £166k" with no budget: not "£0".
    expect(t).toMatch(/Estimated ESFA adjustment for Early Years pupil numbers \(Jan 22 to Jan 23 counts\) £166k £166k/);
    expect(t).not.toMatch(/counts\) £0/);
    expect(t).toContain('Deficit DSG budget set for 22/23 (£2.7m) £2.7m');
    expect(t).toContain('Total: outturn position 22/23 £12.921m £15.653m £2.732m');
  });
  it('keeps the council\'s own line order, as its budget file lists them (the paper\'s order)', async () => {
    const rows = await h.page.getByTestId('report-outturn').locator('tbody th[scope=row]').allInnerTexts();
    expect(rows.slice(0, 3)).toEqual([
      'Early Years 2, 3 & 4 yr old payments - PVIs & Academies',
      'Estimated ESFA adjustment for Early Years pupil numbers (Jan 22 to Jan 23 counts)',
      'Early Years - ALFEY',
    ]);
    // The paper puts School contingencies (Schools block) after the Medical Tuition Service line, not first.
    expect(rows.indexOf('School contingencies (Planned pupil growth, NQT induction etc)')).toBe(12);
    expect(rows.at(-2)).toBe('Visually impaired / Hearing impaired / Advisory Teachers');
  });
  it('carries the EHCP funding table: monthly in-year adjustments and their total against the budget', async () => {
    const table = h.page.getByTestId('report-adjustments').first();
    const t = (await table.innerText()).replace(/\s+/g, ' ');
    expect(t).toContain('EHCP in-year adjustments');
    expect(t).toContain('Budget (contingency) 550,000');
    expect(t).toContain('April 133,189');
    expect(t).toContain('October (33,353)');
    expect(t).toContain('Total: in-year adjustments 702,853');
    expect(t).toContain('Over / (under) spend against the budget 152,853');
  });
  it('has the position, block and recommendation sections, and names the council', async () => {
    const t = await reportText();
    for (const id of ['narrative-position', 'narrative-early-years', 'narrative-high-needs', 'narrative-recommendation']) {
      expect(await h.page.getByTestId(id).count(), id).toBe(1);
    }
    expect(t).toContain('Torbay Council');
    expect(t).toContain('The Schools Forum is asked to note the financial report');
  });
  it('keeps an edited section with the workspace: saved, still there after a reload, and in the workspace file', async () => {
    await h.page.getByTestId('narrative-high-needs').getByRole('button', { name: /Write/ }).click();
    const form = h.page.getByTestId('narrative-form');
    await form.locator('textarea').fill('Torbay continues to have more children needing support than the high needs block funds.');
    await form.getByLabel('Your name').fill('R. Williams');
    await form.getByRole('button', { name: /Save/ }).click();
    await expect.poll(reportText).toContain('Torbay continues to have more children needing support than the high needs block funds. Written by R. Williams,');
    await h.page.reload();
    await h.page.getByTestId('forum-report').waitFor();
    expect(await reportText()).toContain('Torbay continues to have more children needing support');
    await view(h.page, 'settings');
    const [download] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('button', { name: /Export/ }).first().click()]);
    const { readFileSync } = await import('node:fs');
    const file = readFileSync((await download.path())!, 'utf8');
    expect(file).toContain('Torbay continues to have more children needing support');
    expect(file).toContain('"narratives"');
  });
  it('prints with no heading left alone at the foot of a page', async () => {
    await view(h.page, 'report');
    const headings = (await h.page.getByTestId('forum-report').locator('h3, h4').allInnerTexts()).map((x) => x.trim()).filter((x) => x.length > 3);
    const pdf = await h.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pages = await pdfPages(new Uint8Array(pdf));
    expect(pages.length).toBeGreaterThan(2);
    for (const [i, p] of pages.entries()) {
      const lines = p.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^Page \d+ of \d+/.test(l) && !l.startsWith('DSG Safety Valve monitor: Schools Forum report'));
      const last = lines.at(-1) ?? '';
      expect(headings.some((hd) => last === hd || last.endsWith(hd)), `page ${i + 1} ends with the heading "${last}"`).toBe(false);
    }
  });
});

describe('the forum report on a year whose budget was set below the DSG income', () => {
  it('says the budget was set below the income, and no "deficit the budget was set with"', async () => {
    await loadThreeYears(h.page);
    await view(h.page, 'report');
    await selectYear(h.page, '2024-25');
    const t = await reportText();
    expect(t).toContain('Surplus DSG budget set for 24/25 £276k (£276k)');
    expect(t).toContain('The budget was set £276k below the DSG income (a planned surplus).');
    expect(t).not.toMatch(/set above the DSG income/);
    expect(t).not.toContain('including the deficit the budget was set with');
    expect(t).toContain('the in-year surplus for 2024-25 is £300k');
  });
  it('shows the line with no budget blank, not "£0", and keeps the file\'s order across blocks', async () => {
    const rows = await h.page.getByTestId('report-outturn').locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^High Needs top-up funding/);
    expect(rows[1]).toMatch(/^Early Years free entitlement/);
    const outstanding = rows.find((r) => r.startsWith('Outstanding items from earlier years'))!;
    expect(outstanding.replace(/\s+/g, ' ')).toBe('Outstanding items from earlier years £30k £30k');
    expect(await mainText(h.page)).not.toContain('Total budget £0');
  });
  it('gives the EHCP funding table with the year before beside it', async () => {
    const t = (await h.page.getByTestId('report-adjustments').first().innerText()).replace(/\s+/g, ' ');
    expect(t).toContain('23/24 24/25 Increase / (decrease)');
    expect(t).toContain('Budget (contingency) 600,000 600,000 0');
    expect(t).toContain('Total: in-year adjustments 726,481 600,000 (126,481)');
    expect(t).toContain('Over / (under) spend against the budget 126,481 0 (126,481)');
  });
});
