/**
 * Issue 11, point 3: "received" only for instalments recorded as received; a contribution counted
 * with none recorded is "agreed"; one at-risk figure, from one rule (src/domain/instalments.ts),
 * on the Overview, Agreement, Contributions and Scenarios views, the forum report and the return.
 * The three-year workspace records no instalments; 2025-26 is red, so its own £2,100,000 (agreed, not
 * received) and 2026-27's £4,300,000 are at risk: £6,400,000, whichever year is viewed.
 */
import { describe, expect, it } from 'vitest';
import { appForTests } from './browser';
import { loadThreeYears, mainText, selectYear, view } from './wordsHelpers';

const h = appForTests();

describe('contributions in the right words', () => {
  it('the Overview does not call agreed contributions "received"', async () => {
    await loadThreeYears(h.page);
    await h.page.getByRole('combobox', { name: 'I am a' }).selectOption('dcs');
    await view(h.page, 'overview');
    await selectYear(h.page, '2025-26');
    const t = await mainText(h.page);
    expect(t).not.toContain('DfE instalments received to the end of 2025-26');
    const counted = (await h.page.getByTestId('instalments-received').innerText()).replace(/\s+/g, ' ');
    expect(counted).toContain('£6,100,000');
    expect(counted).toContain('£6,100,000 agreed for 2023-24, 2024-25, 2025-26, with no instalment recorded as received');
    expect(counted).not.toMatch(/£[1-9][\d,]* recorded as received/);
  });
  it('a year without data does not say "received" either', async () => {
    await selectYear(h.page, '2026-27');
    const t = await mainText(h.page);
    expect(t).not.toMatch(/received £\d/);
    expect(t).not.toMatch(/instalments received to the end/);
  });
  it('one at-risk figure on the Overview, Agreement, Contributions and Scenarios views, the report and the return', async () => {
    await selectYear(h.page, '2025-26');
    const seen: Record<string, string> = {};
    for (const route of ['overview', 'agreement', 'contributions']) {
      await view(h.page, route);
      seen[route] = (await h.page.getByTestId('instalments-at-risk').innerText()).replace(/\s+/g, ' ');
    }
    await view(h.page, 'scenarios');
    seen.scenarios = await h.page.getByTestId('scenario-at-risk').innerText();
    await view(h.page, 'report');
    seen.report = await h.page.getByTestId('report-contributions').innerText();
    await view(h.page, 'return');
    seen.return = (await h.page.getByTestId('return-sheet-financial-position').innerText()).replace(/\s+/g, ' ');
    expect(seen.overview).toContain('£6,400,000');
    expect(seen.agreement).toContain('£6,400,000');
    expect(seen.contributions).toContain('£6,400,000');
    expect(seen.scenarios).toContain('DfE instalments at risk: £6,400,000 (2025-26, 2026-27)');
    expect(seen.scenarios).not.toContain('No DfE instalment');
    expect(seen.report).toContain('DfE instalments at risk: £6.4m (2025-26, 2026-27)');
    expect(seen.return).toContain('DfE instalments at risk £6,400,000');
    expect(await mainText(h.page)).not.toContain('DfE contributions received to date');
  });
  it('the same at-risk figure when the year after, without actuals, is viewed', async () => {
    await view(h.page, 'overview');
    await selectYear(h.page, '2026-27');
    expect((await h.page.getByTestId('instalments-at-risk').innerText()).replace(/\s+/g, ' ')).toContain('£6,400,000');
  });
});
