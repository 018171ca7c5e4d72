/**
 * The status panel a reader sees first: the summary sentence, status and reason for green, amber,
 * red and no-data years, rendered as the app renders it (react-dom/server, in Node).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/domain/report';
import { fromPounds } from '../../src/domain/money';
import type { Dataset } from '../../src/model/dataset';
import { StatusSummary } from '../../src/views/overview/StatusSummary';
import { DATA_DIR, loadFolder } from '../helpers';

const base = loadFolder(DATA_DIR).data;

function yearOf(data: Dataset, tolerance = '0.02', fy = 2022) {
  return buildReport(data, { tolerance }).years.find((y) => y.fy === fy)!;
}

/** The rendered panel as plain text, one block element a line. */
function render(data: Dataset, tolerance?: string, fy?: number): string {
  const html = renderToStaticMarkup(createElement(StatusSummary, { y: yearOf(data, tolerance, fy) }));
  return html
    .replace(/<\/(p|h2)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

const withProfile = (pounds: string): Dataset => ({
  ...base,
  agreement: base.agreement.map((a) => (a.fy === 2022 ? { ...a, profile: fromPounds(pounds) } : a)),
});

describe('the status summary', () => {
  it('amber: the example, above the profile within the 2% tolerance', () => {
    const text = render(base);
    expect(text).toContain('2022-23, as at period 12 (March 2023)');
    expect(text).toContain('Status: Amber: above the profile, within tolerance');
    expect(text).toContain(
      'At period 12 (March 2023), the in-year deficit for 2022-23 is £2,731,717: spend of £15,652,717 against DSG income of £12,921,000. The budget was set with a planned deficit of £2,700,000; the outturn is £31,717 over that budget (an overspend). The gross cumulative deficit is £11,862,717, £162,717 (1.39%) above the £11,700,000 agreed with the DfE.',
    );
    expect(text).toContain('The agreement does not require an in-year surplus in 2022-23.');
    expect(text).toContain('Latest actuals loaded: period 12, March 2023.');
  });

  it('red: the same figures beyond a 1% tolerance', () => {
    const text = render(base, '0.01');
    expect(text).toContain('Status: Red: off track');
    expect(text).toContain('£162,717 (1.39%) above the agreed profile of £11,700,000, beyond the 1% tolerance.');
    expect(text).toContain('£162,717 (1.39%) above the £11,700,000 agreed with the DfE.');
  });

  it('green: within a higher profile, saying how far below', () => {
    const text = render(withProfile('12000000'));
    expect(text).toContain('Status: Green: on track');
    expect(text).toContain(
      'At period 12 (March 2023), the in-year deficit for 2022-23 is £2,731,717: spend of £15,652,717 against DSG income of £12,921,000. The budget was set with a planned deficit of £2,700,000; the outturn is £31,717 over that budget (an overspend). The gross cumulative deficit is £11,862,717, £137,283 (1.14%) below the £12,000,000 agreed with the DfE.',
    );
  });

  it('red when the agreement requires an in-year surplus and the year is in deficit', () => {
    const data: Dataset = {
      ...withProfile('12000000'),
      agreement: withProfile('12000000').agreement.map((a) => (a.fy === 2022 ? { ...a, surplusRequired: true } : a)),
    };
    const text = render(data);
    expect(text).toContain('Status: Red: off track');
    expect(text).toContain('The agreement requires an in-year surplus in 2022-23, but the year shows an in-year deficit.');
  });

  it('part way through the year: a forecast, in the future tense', () => {
    const data: Dataset = { ...base, actuals: base.actuals.map((a) => ({ ...a, actuals: a.actuals.map((v, i) => (i < 6 ? v : null)) })) };
    const text = render(data);
    expect(text).toContain('2022-23, as at period 6 (September 2022)');
    expect(text).toMatch(/At period 6 \(September 2022\), the in-year deficit for 2022-23 is forecast at £[\d,]+: forecast spend of £[\d,]+ against DSG income of £12,921,000\. The budget was set with a planned deficit of £2,700,000; the forecast outturn is £[\d,]+ (over|under) that budget/);
    expect(text).toContain('Latest actuals loaded: period 6, September 2022.');
  });

  it('no data: a year of the agreement without actuals says so, with no summary sentence', () => {
    const text = render(base, '0.02', 2023);
    expect(text).toContain('2023-24');
    expect(text).toContain('Status: No data');
    expect(text).toContain('No actuals are loaded for 2023-24.');
    expect(text).not.toContain('At period');
    expect(text).toContain('The agreement does not require an in-year surplus in 2023-24.');
  });
});
