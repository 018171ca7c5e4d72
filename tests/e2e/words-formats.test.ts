/**
 * Issue 11, point 5: one figure, one form. Every view's text, on the example and on the
 * three-year workspace (a planned surplus, an in-year surplus, headroom, a red year and a year
 * without actuals), is scanned for forms the presentation rules (docs/formats.md) forbid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Harness } from './browser';
import { loadThreeYears, mainText, selectYear, view } from './wordsHelpers';

const ROUTES = ['overview', 'trajectory', 'variance', 'lines', 'ehcp', 'agreement', 'scenarios', 'conditions', 'report', 'return', 'import', 'settings', 'contributions'];

/** Each rule, with an example of what it forbids (the issue's own). */
const FORBIDDEN: [string, RegExp][] = [
  ['a doubled bracket, "((£900k))"', /\(\(|\)\)/],
  ['a minus sign on a percentage, "-5.21%"', /(^|[^\w.])[-−]\d[\d,.]*\s?%/],
  ['a minus sign on money, "-£1,800" or "£-1,800"', /[-−]£\d|£[-−]\d/],
  ['a count over 999 without separators, "1570 plans"', /(?<![\w.,/£-])(?!(?:19|20)\d\d(?![\d,]))\d{4,}(?![\w,/%…-])/],
  ['a numeric date, "01/12/2026"', /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/],
  ['money in two forms side by side, "£163k (1.39%)" beside "£0.16 million"', /£\d[\d.]* million/],
];

function offences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const [rule, re] of FORBIDDEN) if (re.test(line)) out.push(`${rule}: "${line.trim().slice(0, 160)}"`);
  }
  return out;
}

let h: Harness;
beforeAll(async () => {
  h = await openApp();
});
afterAll(async () => {
  await h?.close();
});

async function scanAll(label: string): Promise<string[]> {
  const found: string[] = [];
  for (const route of ROUTES) {
    await view(h.page, route);
    for (const o of offences(await mainText(h.page))) found.push(`${label}, #/${route}: ${o}`);
  }
  return found;
}

describe('the presentation rules, on every view', () => {
  it('the rules catch what the issue saw', () => {
    for (const bad of ['£900,000 surplus ((£900k))', '£1.35m (-5.21%) below', 'changed by -£1,800', '1570 plans', 'over 1584.3 plans on average', 'written 01/12/2026', '£0.16 million (1.4%)']) {
      expect(offences(bad), bad).not.toEqual([]);
    }
    for (const good of ['£900,000 surplus', '(5.21%)', '(£1,800,000) (6.9%)', '1,570 plans in 2022-23', 'period 12 (March 2023)', '1 December 2026', '22/23', '£2.732m', 'in March 2023.', '1,584.3 plans']) {
      expect(offences(good), good).toEqual([]);
    }
  });
  it('the example: no forbidden form on any view', async () => {
    expect(await scanAll('example')).toEqual([]);
  });
  it('a three-year workspace with a planned surplus, an in-year surplus, a red year and a year without actuals', async () => {
    await loadThreeYears(h.page);
    const found: string[] = [];
    for (const year of ['2023-24', '2024-25', '2025-26', '2026-27']) {
      await view(h.page, 'overview');
      await selectYear(h.page, year);
      found.push(...(await scanAll(year)));
    }
    expect(found).toEqual([]);
  });
});
