/**
 * Issue 11, point 7: the council's name and DfE LA code, set in Settings (the code validated as
 * three digits), on the forum report, the DfE return (page and XLSX), and in the names of the
 * files downloaded.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appForTests } from './browser';
import { loadThreeYears, view } from './wordsHelpers';

const h = appForTests();

describe("the council's name and LA code", () => {
  it('refuses a code that is not three digits, naming what was typed', async () => {
    await loadThreeYears(h.page);
    await view(h.page, 'settings');
    await h.page.getByLabel('Council name').fill('Northshire County Council');
    await h.page.getByLabel('DfE LA code (three digits)').fill('12a');
    await h.page.getByRole('button', { name: 'Save council' }).click();
    expect(await h.page.getByTestId('council-message').innerText()).toBe(
      'DfE LA code: "12a" is not a local authority code. Accepted: the DfE\'s three-digit local authority code, such as 880.',
    );
  });
  it('saves a good one and says where it will appear', async () => {
    await h.page.getByLabel('DfE LA code (three digits)').fill(' 931 ');
    await h.page.getByRole('button', { name: 'Save council' }).click();
    // The message follows the save, which is written to storage first.
    await h.page.getByTestId('council-message').getByText('"Northshire County Council (LA 931)"', { exact: false }).waitFor();
    expect(await h.page.getByTestId('council-message').innerText()).toContain('"Northshire County Council (LA 931)"');
  });
  it('puts the name on the forum report and the return page', async () => {
    await view(h.page, 'report');
    expect(await h.page.getByTestId('report-title').innerText()).toBe(
      'Northshire County Council (LA 931): Dedicated Schools Grant: financial report to the Schools Forum, 2025-26',
    );
    await view(h.page, 'return');
    expect(await h.page.locator('.return-title').innerText()).toBe('Northshire County Council (LA 931): DSG Safety Valve monitoring return');
  });
  it('names the XLSX after the council and writes the name into it', async () => {
    const [download] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('button', { name: 'Download the return (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toBe('northshire-county-council-931-dsg-safety-valve-return-2025-26-P07.xlsx');
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(readFileSync((await download.path())!));
    const first = XLSX.utils.sheet_to_csv(book.Sheets[book.SheetNames[0]!]!);
    expect(first).toContain('Northshire County Council (LA 931): DSG Safety Valve monitoring return');
  });
  it('names a table download and the workspace file after the council', async () => {
    await view(h.page, 'overview');
    const [csv] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('button', { name: /^Download as CSV/ }).first().click()]);
    expect(csv.suggestedFilename()).toMatch(/^northshire-county-council-931-/);
    await view(h.page, 'settings');
    const [file] = await Promise.all([h.page.waitForEvent('download'), h.page.getByRole('button', { name: /Export/ }).first().click()]);
    expect(file.suggestedFilename()).toMatch(/^northshire-county-council-931-dsg-workspace-\d{4}-\d\d-\d\d\.json$/);
    expect(readFileSync((await file.path())!, 'utf8')).toContain('"councilName":"Northshire County Council","laCode":"931"');
  });
});
