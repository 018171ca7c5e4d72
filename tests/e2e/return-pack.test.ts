/**
 * The DfE return: the page for the chosen period, and the XLSX downloaded through the browser,
 * read back with a spreadsheet reader library, holding the same figures as the page (and SPEC 7).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { appForTests } from './browser';

const h = appForTests();
beforeAll(async () => {
  await h.page.goto(`${h.url}#/return`);
  await h.page.getByTestId('return-pack').waitFor();
});

type Sheets = { sheet: string; data: unknown[][] }[];

async function downloadXlsx(): Promise<{ name: string; sheets: Sheets }> {
  const [d] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('button', { name: 'Download the return (XLSX)' }).click()]);
  const sheets = (await readXlsxFile(readFileSync(await d.path()))) as Sheets;
  return { name: d.suggestedFilename(), sheets };
}

/** Each sheet's rows on the page, as exact values (data-value) or text, as a spreadsheet would hold them. */
async function pageSheets(): Promise<Record<string, (string | null)[][]>> {
  return h.page.locator('.return-sheet').evaluateAll((sections) =>
    Object.fromEntries(
      sections.map((s) => [
        s.querySelector('h3')!.textContent!,
        Array.from(s.querySelectorAll('tbody tr')).map((tr) =>
          Array.from((tr as HTMLTableRowElement).cells).map((c) => (c.dataset.value ?? c.textContent) || null),
        ),
      ]),
    ),
  );
}

describe('the DfE return pack', () => {
  it('shows the return for the latest period with no serious accessibility violations', async () => {
    expect(await h.page.getByTestId('return-as-at').innerText()).toContain('As at period 12 (March 2023), 2022-23');
    const result = await new AxeBuilder({ page: h.page }).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('wraps the status reason as text, so the figures beside it stay in view without scrolling sideways', async () => {
    const sheet = h.page.getByTestId('return-sheet-financial-position');
    const reason = sheet.locator('tbody tr', { hasText: 'Reason' }).locator('td');
    expect(await reason.evaluate((td) => td.classList.contains('num'))).toBe(false);
    const fits = await sheet.locator('.table-wrap').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
    await expect.poll(() => sheet.locator('tbody tr', { hasText: 'Total budget' }).locator('td').isVisible()).toBe(true);
    const box = await sheet.locator('tbody tr', { hasText: 'Total budget' }).locator('td').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(h.page.viewportSize()!.width);
  });

  it('downloads an XLSX that a spreadsheet reader opens, with the same figures as the page', async () => {
    const { name, sheets } = await downloadXlsx();
    expect(name).toBe('dsg-safety-valve-return-2022-23-P12.xlsx');
    expect(sheets.map((s) => s.sheet)).toEqual(['Financial position', 'Block summary', 'Budget lines', 'EHCP and RSA', 'Conditions']);
    const position = Object.fromEntries(sheets[0]!.data.slice(4).map((r) => [r[0], r[1]]));
    expect(position['Total budget']).toBe(15621000);
    expect(position['In-year deficit / (surplus): spend against DSG income']).toBe(2731717);
    expect(position['Cumulative deficit (gross)']).toBe(11862717);
    expect(position['Excess / (headroom) against the profile']).toBe(162717);
    expect(position['Net cumulative deficit']).toBe(6702717);
    const blocks = Object.fromEntries(sheets[1]!.data.slice(4).map((r) => [r[0], r]));
    expect(blocks['Early Years']![4]).toBe(-136000);
    // Every cell of every sheet matches the page: numbers to the penny, text as written.
    const onPage = await pageSheets();
    for (const s of sheets) {
      const page = onPage[s.sheet]!;
      const file = s.data.slice(4);
      expect(file.length, s.sheet).toBe(page.length);
      file.forEach((row, i) => {
        page[i]!.forEach((v, j) => {
          const cell = row[j] ?? null;
          const where = `${s.sheet} row ${i + 1} column ${j + 1}`;
          // Money is exact to the penny in both; only percentages carry a float's last digit.
          if (typeof cell === 'number') expect(Math.abs(cell - Number(v)), where).toBeLessThan(1e-9);
          else expect(cell === null ? null : String(cell), where).toBe(v);
        });
      });
    }
  });

  it('follows the chosen period, on the page and in the file', async () => {
    await h.page.getByTestId('return-period').selectOption({ label: 'period 6 (September 2022)' });
    expect(await h.page.getByTestId('return-as-at').innerText()).toContain('As at period 6 (September 2022), 2022-23');
    const { name, sheets } = await downloadXlsx();
    expect(name).toBe('dsg-safety-valve-return-2022-23-P06.xlsx');
    expect(String(sheets[0]!.data[1]![0])).toContain('As at period 6 (September 2022), 2022-23');
    const position = Object.fromEntries(sheets[0]!.data.slice(4).map((r) => [r[0], r[1]]));
    const onPage = (await pageSheets())['Financial position']!;
    expect(String(position['Actual to date'])).toBe(String(Number(onPage.find((r) => r[0] === 'Actual to date')![1])));
    await h.page.getByTestId('return-period').selectOption({ index: 0 });
  });
});
