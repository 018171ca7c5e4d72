/**
 * Column mapping by hand: a file whose columns are not all recognised is mapped column by column,
 * previewed as normalised rows, imported, and the mapping is used again for a file with the same header.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Harness } from './browser';
import { card, historyRows, tempDir, upload, writeFile } from './importHelpers';

let h: Harness;
const files = tempDir();
beforeAll(async () => {
  h = await openApp();
});
afterAll(async () => {
  await h?.close();
  rmSync(files, { recursive: true, force: true });
});

const HEADER = 'Fin Year,Period,Area,Cost Heading,Value\n';

describe('mapping columns by hand', () => {
  it('maps the column it could not recognise, previews the rows and imports them', async () => {
    const path = writeFile(files, 'april.csv', `${HEADER}2024-25,1,HNB,Top up funding,"1,000.50"\n2024-25,1,SB,Growth fund,250\n`);
    await upload(h.page, [path]);
    const c = card(h.page, 'april.csv');
    expect(await c.innerText()).toContain('could not be recognised');
    expect(await c.innerText()).toContain('To map the columns by hand, choose the kind of file above.');
    await c.getByTestId('kind-select').selectOption('actuals');
    await c.getByTestId('mapping').waitFor();
    const columns = await c.getByTestId('mapping').locator('tbody tr').allInnerTexts();
    expect(columns.map((r) => r.split('\t')[0])).toEqual(['A (Fin Year)', 'B (Period)', 'C (Area)', 'D (Cost Heading)', 'E (Value)']);
    await c.getByLabel('Read column C (Area) as').selectOption({ label: 'block' });
    await c.getByRole('button', { name: 'Read the file with this mapping' }).click();
    await c.getByTestId('preview').waitFor();
    expect(await c.getByTestId('upload-kind').innerText()).toBe('actuals (one row per line and period)');
    const preview = await c.getByTestId('preview').locator('tbody tr').allInnerTexts();
    expect(preview).toEqual(['2024-25\tP1\tHigh Needs\tTop up funding\t£1,000.50', '2024-25\tP1\tSchools\tGrowth fund\t£250.00']);
    await c.getByRole('button', { name: 'Import 2 rows' }).click();
    await c.getByText('Imported.').waitFor();
    expect((await historyRows(h.page))[0]).toContain('april.csv');
  });

  it('uses the same mapping for the next file with the same header, after a reload', async () => {
    await h.page.reload();
    const path = writeFile(files, 'may.csv', `${HEADER}2024-25,2,HNB,Top up funding,"2,000.00"\n`);
    await upload(h.page, [path]);
    const c = card(h.page, 'may.csv');
    await c.getByText('The mapping you made for a file with the same header was used.').waitFor();
    expect(await c.getByTestId('upload-summary').innerText()).toContain('1 row valid');
    expect(await c.getByTestId('preview').locator('tbody tr').allInnerTexts()).toEqual(['2024-25\tP2\tHigh Needs\tTop up funding\t£2,000.00']);
  });
});
