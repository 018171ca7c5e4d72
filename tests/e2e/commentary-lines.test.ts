/**
 * Commentary: a finance officer writes an explanation on a budget line and on one month of it,
 * signed with a name given once (remembered), and it appears in the lines table and the forum
 * report with who and when; exported to CSV a formula in it is neutralised.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { appForTests } from './browser';

const h = appForTests();
beforeAll(async () => {
  await h.page.goto(`${h.url}#/lines`);
  await h.page.getByTestId('lines-table').waitFor();
});

const LINE = 'EHCP in-year adjustments';
const row = () => h.page.getByTestId('lines-table').locator('tbody tr', { has: h.page.locator('th', { hasText: LINE }) }).first();
const today = () => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

async function axe() {
  const result = await new AxeBuilder({ page: h.page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

describe('commentary on a budget line', () => {
  it('asks for a name, naming the field when it is missing', async () => {
    await row().getByRole('button', { name: `Write commentary on ${LINE} (High Needs)` }).click();
    const form = h.page.getByTestId('comment-form');
    await form.getByLabel(/^Commentary/).fill('More plans than forecast: 1,570 at March against 1,568.');
    await form.getByRole('button', { name: 'Save commentary' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('Your name: enter the name');
    expect(await form.getByLabel(/^Your name/).getAttribute('aria-invalid')).toBe('true');
    expect(await axe()).toEqual([]);
  });

  it('saves it with who and when, shown in the table', async () => {
    const form = h.page.getByTestId('comment-form');
    await form.getByLabel(/^Your name/).fill('Pat Officer');
    await form.getByRole('button', { name: 'Save commentary' }).click();
    await form.waitFor({ state: 'detached' });
    const text = await row().innerText();
    expect(text).toContain('More plans than forecast: 1,570 at March against 1,568.');
    expect(text).toContain(`(Pat Officer, ${today()})`);
  });

  it('remembers the name, and takes a comment on one month', async () => {
    await h.page.reload();
    await h.page.getByTestId('lines-table').waitFor();
    await row().getByRole('button', { name: /Write commentary/ }).click();
    const form = h.page.getByTestId('comment-form');
    expect(await form.getByLabel(/^Your name/).inputValue()).toBe('Pat Officer');
    await form.getByLabel('For', { exact: true }).selectOption({ label: 'March 2023 only' });
    expect(await form.getByLabel(/^Commentary/).inputValue()).toBe('');
    await form.getByLabel(/^Commentary/).fill('=HYPERLINK("x")');
    await form.getByRole('button', { name: 'Save commentary' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await row().innerText()).toContain('March 2023: =HYPERLINK("x") (Pat Officer');
  });

  it('goes out neutralised in the CSV export', async () => {
    const [d] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('button', { name: 'Download as CSV: Budget lines table' }).click()]);
    const csv = readFileSync(await d.path(), 'utf8').slice(1);
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const line = rows.find((r) => r[1] === LINE)!;
    // The table's commentary cell holds the year's comment, then the month's: the formula text is
    // inside it, and no cell of the file starts as a formula would.
    expect(line[line.length - 1]).toMatch(/^More plans than forecast.*March 2023: =HYPERLINK\("x"\)/);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+@\t\r]|^-[^\d]/);
  });

  it('appears in the forum report with who wrote it', async () => {
    await h.page.goto(`${h.url}#/report`);
    const table = h.page.getByTestId('report-outturn');
    await table.waitFor();
    const text = await table.locator('tr', { hasText: LINE }).first().innerText();
    expect(text).toContain('More plans than forecast');
    expect(text).toContain('Pat Officer');
  });
});
