/**
 * Issue 11, point 2: "overspend" is the variance's word only (forecast outturn against budget);
 * spend against DSG income is the in-year deficit, shown with the planned deficit the budget was
 * set with beside it. On the example: a £31,717 overspend, a £2,731,717 in-year deficit, of which
 * £2,700,000 was planned.
 */
import { describe, expect, it } from 'vitest';
import { appForTests } from './browser';
import { loadThreeYears, mainText, selectYear, view } from './wordsHelpers';

const h = appForTests();

/** Every "overspend" / "overspent" with the money that follows or precedes it. */
function overspendFigures(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(£[\d,.]+[mk]?)\s+overspen[dt]|overspen[dt]\s+(?:by|of)\s+(£[\d,.]+[mk]?(?: million)?)/g)) out.push((m[1] ?? m[2])!);
  return out;
}

describe('one word for each figure', () => {
  it('the Overview: the outturn card says variance, the in-year card gives the planned deficit beside it', async () => {
    await view(h.page, 'overview');
    const outturn = await h.page.getByTestId('forecast-outturn').innerText();
    expect(outturn).toContain('variance against budget: £31,717 overspend');
    const inYear = (await h.page.getByTestId('in-year-deficit').innerText()).replace(/\s+/g, ' ');
    expect(inYear).toContain('In-year deficit (spend against DSG income)');
    expect(inYear).toContain('£2,731,717');
    expect(inYear).toContain('The budget was set with a planned deficit of £2,700,000');
  });
  it('no view calls the in-year deficit an overspend, on the example', async () => {
    for (const route of ['overview', 'report', 'trajectory', 'variance', 'return']) {
      await view(h.page, route);
      const inYear = overspendFigures(await mainText(h.page)).filter((f) => f.startsWith('£2.73') || f === '£2,731,717');
      expect(inYear, route).toEqual([]);
    }
  });
  it('the summary sentence gives the in-year deficit, the planned deficit and the variance each in its own words', async () => {
    await view(h.page, 'overview');
    const s = await h.page.getByTestId('summary').innerText();
    expect(s).toContain('the in-year deficit for 2022-23 is £2,731,717: spend of £15,652,717 against DSG income of £12,921,000');
    expect(s).toContain('The budget was set with a planned deficit of £2,700,000; the outturn is £31,717 over that budget (an overspend)');
    expect(s).not.toMatch(/overspent by/);
  });
  it('a year forecast over budget: the overspend card and the sentence name the same £250,000 variance', async () => {
    await loadThreeYears(h.page);
    await view(h.page, 'overview');
    await selectYear(h.page, '2025-26');
    const outturn = await h.page.getByTestId('forecast-outturn').innerText();
    expect(outturn).toContain('£250,000 overspend');
    const s = await h.page.getByTestId('summary').innerText();
    expect(s).toContain('the forecast outturn is £250,000 over that budget (an overspend)');
    expect(s).toContain('the in-year deficit for 2025-26 is forecast at £250,000');
    expect(s).toContain('The budget was set equal to the DSG income');
  });
  it('a year with a planned surplus says so where its in-year figure is', async () => {
    await selectYear(h.page, '2024-25');
    const inYear = (await h.page.getByTestId('in-year-deficit').innerText()).replace(/\s+/g, ' ');
    expect(inYear).toContain('In-year surplus (spend against DSG income) £300,000');
    expect(inYear).toContain('The budget was set £276,000 below the DSG income (a planned surplus)');
    const figures = overspendFigures(await mainText(h.page));
    expect(figures).not.toContain('£300,000');
  });
});
