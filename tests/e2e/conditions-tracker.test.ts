/**
 * The conditions tracker: Torbay's 3.1 to 3.8 listed with RAG status in words; a finance officer
 * edits one (a bad date is refused, naming the field), the change shows and can be undone from
 * the history; a forum member sees no edit controls.
 */
import AxeBuilder from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { appForTests } from './browser';

const h = appForTests();
beforeAll(async () => {
  await h.page.goto(`${h.url}#/conditions`);
  await h.page.getByTestId('conditions-table').waitFor();
});

const row = (ref: string) => h.page.getByTestId('conditions-table').locator(`tbody tr[data-ref="${ref}"]`);

async function axe() {
  const result = await new AxeBuilder({ page: h.page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

describe('the conditions tracker', () => {
  it('lists the agreement conditions 3.1 to 3.8 with their RAG status in words', async () => {
    const refs = await h.page.getByTestId('conditions-table').locator('tbody th').allInnerTexts();
    expect(refs).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8']);
    expect(await row('3.1').innerText()).toContain('Maintain existing special school numbers');
    expect(await row('3.1').innerText()).toContain('Not rated');
    expect(await axe()).toEqual([]);
  });

  it('refuses a review date after today, naming the field', async () => {
    await row('3.1').getByRole('button', { name: 'Edit condition 3.1' }).click();
    const form = h.page.getByTestId('condition-form');
    await expect.poll(() => h.page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/owner$/);
    await form.getByLabel('Date last reviewed').fill('2099-01-01');
    await form.getByRole('button', { name: 'Save condition 3.1' }).click();
    const alert = form.getByRole('alert');
    expect(await alert.innerText()).toContain('Date last reviewed: cannot be after today');
    expect(await form.getByLabel('Date last reviewed').getAttribute('aria-invalid')).toBe('true');
    expect(await axe()).toEqual([]);
  });

  it('saves owner, RAG, commentary and date, shown in words and kept as an undoable history entry', async () => {
    const form = h.page.getByTestId('condition-form');
    await form.getByLabel(/^Owner/).fill('Head of SEND');
    await form.getByLabel('RAG status').selectOption({ label: 'Red: off track' });
    await form.getByLabel(/^Commentary/).fill('Special school places are full; two new resourced provisions open in September.');
    await form.getByLabel('Date last reviewed').fill('2023-03-29');
    await form.getByRole('button', { name: 'Save condition 3.1' }).click();
    await form.waitFor({ state: 'detached' });
    const text = await row('3.1').innerText();
    expect(text).toContain('Head of SEND');
    expect(text).toContain('Red: off track');
    expect(text).toContain('two new resourced provisions');
    expect(text).toContain('29 March 2023');
    expect(await h.page.getByTestId('conditions-summary').innerText()).toContain('1 red');
    // Undo from the history restores the condition as it was.
    await h.page.goto(`${h.url}#/import`);
    const latest = h.page.getByTestId('history').locator('tbody tr').first();
    expect(await latest.innerText()).toContain('Conditions entered by hand');
    await latest.getByRole('button', { name: /^Undo/ }).click();
    await latest.getByText('(undone)').waitFor();
    await h.page.goto(`${h.url}#/conditions`);
    expect(await row('3.1').innerText()).toContain('Not rated');
    expect(await row('3.1').innerText()).not.toContain('Head of SEND');
  });

  it('gives a forum member the tracker to read, with no edit controls', async () => {
    await h.page.getByLabel('I am a').selectOption('forum');
    await h.page.goto(`${h.url}#/conditions`);
    await h.page.getByTestId('conditions-table').waitFor();
    expect(await h.page.getByRole('button', { name: /Edit condition/ }).count()).toBe(0);
    expect(await h.page.locator('main textarea, main select, main input').count()).toBe(0);
    await h.page.getByLabel('I am a').selectOption('finance');
  });
});
