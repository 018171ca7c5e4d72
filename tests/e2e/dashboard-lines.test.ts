/** Budget lines on the example: the two in-year adjustment lines of SPEC section 7, totals, sorting and filtering. */
import { beforeAll, describe, expect, it } from 'vitest';
import { appForTests } from './browser';
import { gotoView, rowsOf, seriousViolations } from './dashboard';

const h = appForTests();
beforeAll(async () => {
  await gotoView(h.page, h.url, 'lines', 'Budget lines');
});

const table = () => h.page.getByTestId('lines-table');
/** Rows keyed by line name (the row header), without the block shown beside it on narrow screens. */
async function byLine() {
  const rows = await rowsOf(table());
  // The figures only: a finance officer's row also ends with its "Comment" button (issue 5).
  return new Map(rows.map((r) => [r[1]!.replace(/ \((Schools|Central School Services|High Needs|Early Years)\)$/, ''), r.slice(0, 6)]));
}

describe('the budget lines view', () => {
  it('shows the two in-year adjustment lines as SPEC section 7 gives them', async () => {
    const rows = await byLine();
    expect(rows.get('EHCP in-year adjustments')).toEqual(['High Needs', 'EHCP in-year adjustments', '£550,000', '£702,853', '£702,853', '£152,853']);
    expect(rows.get('Special Schools / High Needs in-year adjustments')).toEqual([
      'High Needs', 'Special Schools / High Needs in-year adjustments', '£400,000', '£535,864', '£535,864', '£135,864',
    ]);
    expect(rows.get('Total of the lines shown')).toEqual(['', 'Total of the lines shown', '£15,621,000', '£15,652,717', '£15,652,717', '£31,717']);
  });
  it('sorts by variance, largest overspend first, and says so to assistive technology', async () => {
    await h.page.getByRole('button', { name: 'Over / (under) spend' }).click();
    const header = h.page.locator('th[aria-sort]');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const rows = await rowsOf(table().locator('tbody'));
    expect(rows[0]![5]).toBe('£166,000');
    expect(rows[rows.length - 1]![5]).toBe('(£196,000)');
  });
  it('filters to a block and a month, with totals for what is shown', async () => {
    await h.page.getByLabel('Block').selectOption('Early Years');
    await h.page.getByLabel('Month').selectOption({ label: 'April 2022' });
    expect(await h.page.getByTestId('lines-count').innerText()).toBe('Showing 5 of 19 budget lines in Early Years, with the in-month figures for April 2022.');
    const rows = await byLine();
    expect(rows.get('Total of the lines shown')?.slice(2, 6)).toEqual(['£6,891,000', '£6,755,000', '£6,755,000', '(£136,000)']);
    await h.page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await h.page.getByTestId('lines-count').innerText()).toBe('Showing 19 of 19 budget lines.');
  });
  it('has no serious or critical accessibility violations, and fetches nothing from elsewhere', async () => {
    expect(await seriousViolations(h.page)).toEqual([]);
    expect(h.foreignRequests).toEqual([]);
  });
});
