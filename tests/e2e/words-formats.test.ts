/**
 * Issue 11, point 5: one figure, one form. Every view's text, on the example and on the
 * three-year workspace (a planned surplus, an in-year surplus, headroom, a red year and a year
 * without actuals), is scanned for forms the presentation rules (docs/formats.md) forbid.
 */
import { describe, expect, it } from 'vitest';
import { appForTests } from './browser';
import type { Page } from 'playwright-core';
import { loadThreeYears, mainText, selectYear, view } from './wordsHelpers';

/**
 * All of the view's text, shown or folded away (a chart's table behind "Show the table" is on the
 * page too), one text node a line, without its charts' own marks (SVG text: axis ticks, bar labels).
 */
async function pageText(page: Page): Promise<{ all: string; prose: string }> {
  return page.locator('main').evaluate((main) => {
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const all: string[] = [];
    const prose: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('svg')) continue;
      all.push(n.textContent ?? '');
      if (!n.parentElement?.closest('td, th')) prose.push(n.textContent ?? '');
    }
    return { all: all.join('\n'), prose: prose.join('\n') };
  });
}

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

/** A £m figure's value in millions, as the text gives it, with its count of decimals. */
interface Millions { text: string; value: string; decimals: number }

/** Rounds a decimal string half away from zero to `dp` places (exact, on the digits). */
function roundTo(value: string, dp: number): string {
  const [whole, frac = ''] = value.split('.');
  const digits = (whole! + frac.padEnd(dp + 1, '0').slice(0, dp + 1)).replace(/^0+(?=\d)/, '');
  let n = BigInt(digits);
  n = n / 10n + (n % 10n >= 5n ? 1n : 0n);
  const s = n.toString().padStart(dp + 1, '0');
  return dp === 0 ? s : `${s.slice(0, -dp)}.${s.slice(-dp)}`;
}

/**
 * One amount in two forms on one page (docs/formats.md, "one figure has one form on a page"):
 * a £m figure to 2 decimals that is a £m figure to 3 decimals rounded ("£11.86m" beside
 * "£11.863m"), or a £m figure that is a whole-pounds figure on the page rounded ("£11.86m" beside
 * "£11,862,717"). Chart marks (axis ticks, bar labels: SVG text) are read against the axis and
 * are not part of the page's text here. The forum report drops trailing zeros as the paper does
 * (an agreed £1,550,000 is "£1.55m" in its table, beside another figure's "£1.548m"), so a figure
 * with 2 decimals counts as rounded only in headings, captions and sentences (`prose`): a table
 * cell's figure has the table's form.
 */
function mixedForms(text: string, prose = text): string[] {
  const millionsIn = (t: string): Millions[] => [...t.matchAll(/£(\d[\d,]*\.(\d+))m\b/g)].map((m) => ({ text: m[0], value: m[1]!.replace(/,/g, ''), decimals: m[2]!.length }));
  const millions = millionsIn(text);
  const pounds = [...text.matchAll(/£(\d{1,3}(?:,\d{3}){2,})(?![\d.,]*m)/g)].map((m) => ({ text: m[0], value: m[1]!.replace(/,/g, '') }));
  const out = new Set<string>();
  for (const a of millionsIn(prose)) {
    for (const b of millions) {
      if (a.decimals === 2 && b.decimals === 3 && roundTo(b.value, 2) === a.value) out.add(`${a.text} beside ${b.text}`);
    }
  }
  for (const a of millions) {
    if (a.decimals < 2) continue;
    for (const p of pounds) {
      const inMillions = p.value.padStart(7, '0').replace(/(\d{6})$/, '.$1');
      if (roundTo(inMillions, a.decimals) === a.value) out.add(`${a.text} beside ${p.text}`);
    }
  }
  return [...out].map((o) => `one amount in two forms: ${o}`);
}

function offences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const [rule, re] of FORBIDDEN) if (re.test(line)) out.push(`${rule}: "${line.trim().slice(0, 160)}"`);
  }
  return out;
}

const h = appForTests();

async function scanAll(label: string): Promise<string[]> {
  const found: string[] = [];
  for (const route of ROUTES) {
    await view(h.page, route);
    for (const o of offences(await mainText(h.page))) found.push(`${label}, #/${route}: ${o}`);
    const { all, prose } = await pageText(h.page);
    for (const o of mixedForms(all, prose)) found.push(`${label}, #/${route}: ${o}`);
  }
  return found;
}

describe('the presentation rules, on every view', () => {
  it('the rules catch what the issue saw', () => {
    for (const bad of ['£900,000 surplus ((£900k))', '£1.35m (-5.21%) below', 'changed by -£1,800', '1570 plans', 'over 1584.3 plans on average', 'written 01/12/2026', '£0.16 million (1.4%)']) {
      expect(offences(bad), bad).not.toEqual([]);
    }
    expect(mixedForms('the £11.86m agreed profile … Agreed profile £11.863m')).toEqual(['one amount in two forms: £11.86m beside £11.863m']);
    expect(mixedForms('deficit of £11.86m … £11,862,717')).toEqual(['one amount in two forms: £11.86m beside £11,862,717']);
    expect(mixedForms('£2.732m, £2.73m and £2,731,717')).toHaveLength(3);
    expect(mixedForms('£11.863m and £2.732m; £12,862,717 is another figure')).toEqual([]);
    expect(mixedForms('£11.86m and £11.87m, £1,234,567, £25.9m, £11,850,000')).toEqual([]);
    expect(mixedForms('£1.55m agreed in a table; £1.548m', '£1.548m')).toEqual([]);
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
