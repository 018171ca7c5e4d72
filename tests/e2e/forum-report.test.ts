/**
 * The schools forum report, printed to PDF by Chromium's own PDF output, read back as text:
 * the outturn table's totals, the position, the EHCP table and numbered pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Harness } from './browser';
import { pdfPages } from './pdfText';

let h: Harness;
let pages: string[];
let text: string;

beforeAll(async () => {
  h = await openApp();
  await h.page.goto(`${h.url}#/report`);
  await h.page.getByTestId('forum-report').waitFor();
  const pdf = await h.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  pages = await pdfPages(new Uint8Array(pdf));
  text = pages.join('\n').replace(/\s+/g, ' ');
});
afterAll(async () => {
  await h?.close();
});

describe('the forum report as a PDF', () => {
  it('says what it is, as at when, and when it was produced', () => {
    expect(text).toContain('Dedicated Schools Grant: financial report to the Schools Forum, 2022-23');
    expect(text).toContain('As at period 12 (March 2023), financial year 2022-23. Produced on');
  });
  it('carries the outturn table with the planned deficit line and its total: £2.73m in-year', () => {
    expect(text).toMatch(/Early Years 2, 3 & 4 yr old payments - PVIs & Academies Early Years £6\.09m £5\.89m \(£196k\)/);
    expect(text).toMatch(/EHCP in-year adjustments High Needs £550k £703k £153k/);
    expect(text).toMatch(/Deficit DSG budget set for 22\/23 \(£2\.70m\) £2\.70m/);
    expect(text).toMatch(/Total: outturn position 22\/23 £12\.92m £15\.65m £2\.73m In-year deficit: £2,731,717/);
  });
  it('gives the cumulative position: £11.86m against the £11.70m profile', () => {
    expect(text).toMatch(/Cumulative deficit at year end \(gross, before DfE contributions\) £11\.86m £11,862,717/);
    expect(text).toMatch(/Agreed deficit profile £11\.70m £11,700,000/);
    expect(text).toMatch(/Net cumulative deficit £6\.70m £6,702,717/);
    expect(text).toMatch(/2022-23 £11\.70m £5\.16m No £11\.86m £6\.70m Amber/);
  });
  it('carries the EHCP table as the progress report does, against the target', () => {
    expect(text).toMatch(/January 2023 1,612 16 2 32 3 2 37 1,593/);
    expect(text).toMatch(/March 2023 1,590 17 3 28 12 0 40 1,570 1,568 2/);
    expect(text).toMatch(/January 2023 30 20/);
  });
  it('numbers its pages', () => {
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    expect(pages[pages.length - 1]).toContain(`Page ${pages.length} of ${pages.length}`);
  });
  it('prints the report alone, without the app\'s navigation or buttons', () => {
    expect(text).not.toContain('Print or save as PDF');
    expect(text).not.toContain('Budget lines');
  });
  it('has no serious or critical accessibility violations on screen', async () => {
    const result = await new AxeBuilder({ page: h.page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
