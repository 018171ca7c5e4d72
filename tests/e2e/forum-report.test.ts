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
  it('carries the outturn table with the planned deficit line and its total: £2.732m in-year, as the paper prints it', () => {
    expect(text).toMatch(/Early Years 2, 3 & 4 yr old payments - PVIs & Academies £6\.089m £5\.893m \(£196k\)/);
    expect(text).toMatch(/EHCP in-year adjustments £550k £703k £153k/);
    expect(text).toMatch(/Deficit DSG budget set for 22\/23 \(£2\.7m\) £2\.7m/);
    expect(text).toMatch(/Total: outturn position 22\/23 £12\.921m £15\.653m £2\.732m/);
  });
  it('gives the cumulative position: £11.863m against the £11.7m profile', () => {
    expect(text).toMatch(/Cumulative deficit at year end \(gross, before DfE contributions\) £11\.863m/);
    expect(text).toMatch(/Agreed deficit profile £11\.7m/);
    expect(text).toMatch(/Net cumulative deficit £6\.703m/);
    expect(text).toMatch(/2022-23 £11\.7m £5\.16m No £11\.863m £6\.703m Amber/);
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
