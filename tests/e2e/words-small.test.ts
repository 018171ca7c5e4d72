/**
 * Issue 11, point 10, the small ones: the EHCP card's warning count includes the reconciliation
 * warning the EHCP view shows; "No actuals are loaded" said once; no "Total budget £0" for a year
 * without data; the scenario field error quotes what was typed; the README links the project's
 * own docs/, not a specification outside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { appForTests } from './browser';
import { card, importAll, tempDir, upload, writeFile } from './importHelpers';
import { mainText, selectYear, view } from './wordsHelpers';

const h = appForTests();

describe('the small ones', () => {
  it('a year without actuals: "No actuals are loaded" once, and no "Total budget £0"', async () => {
    await view(h.page, 'overview');
    await selectYear(h.page, '2023-24');
    const t = await mainText(h.page);
    expect(t.match(/No actuals are loaded for 2023-24/g)?.length).toBe(1);
    expect(t).not.toContain('Total budget');
    expect(t).not.toMatch(/DSG income\s*£0/);
    await selectYear(h.page, '2022-23');
  });
  it('the scenario field error quotes what was typed', async () => {
    await view(h.page, 'scenarios');
    const field = h.page.getByLabel(/^Cost inflation a year/).first();
    await field.fill('3.5%%');
    await expect.poll(() => mainText(h.page)).toContain('"3.5%%" is not a number');
  });
  it('the README links the project\'s own account of its rules in docs/', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).not.toContain('../shared/SPEC.md');
    expect(readme).toMatch(/\]\(docs\//);
    for (const f of ['docs/README.md', 'docs/terms.md', 'docs/formats.md', 'docs/forum-paper.md']) expect(existsSync(join(ROOT, f)), f).toBe(true);
  });
  it('the EHCP card counts the reconciliation warning the EHCP view then shows', async () => {
    const dir = tempDir();
    // March ends at 1,575 though 1,590 + 17 + 3 − 40 = 1,570.
    const path = writeFile(dir, 'ehcp-march.csv', 'month,plans_at_start,new_plans,transfers_in,plans_ended,plans_at_end\n2023-02,1593,10,2,15,1590\n2023-03,1590,17,3,40,1575\n');
    await upload(h.page, [path]);
    const c = card(h.page, 'ehcp-march.csv');
    expect(await c.getByTestId('upload-summary').innerText()).toContain('1 warning');
    await c.getByText('Warnings (1)').click();
    expect(await c.innerText()).toContain('March 2023: plans at end are given as 1,575, but start + new + transfers in − outflows = 1,570');
    await importAll(h.page);
    await view(h.page, 'ehcp');
    expect(await h.page.getByTestId('ehcp-warnings').innerText()).toContain('March 2023: plans at end are given as 1,575');
  });
});
