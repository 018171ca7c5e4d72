/**
 * A full disk (issue 4): Chromium's storage quota for the app is set, through the DevTools
 * protocol, to room for the example files but not for a large ledger, so that import's
 * transaction really fails with QuotaExceededError. The user is told in words, and nothing
 * stored is lost or half-written, through a reload.
 */
import { describe, expect, it } from 'vitest';
import { appOnProfile, card, exampleFiles, figures, historyRows, importAll, upload, writeFile } from './importHelpers';

const h = appOnProfile();
const { files } = h;

describe('a full disk', () => {
  it('says so in words when an import cannot be stored, and loses nothing, through a reload', async () => {
    const cdp = await h.context.newCDPSession(h.page);
    const origin = new URL(h.url).origin;
    // Set before anything is stored: the browser notes the room it finds at the first write and
    // checks again only when a write needs more than that.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 200 * 1024 });
    try {
      await upload(h.page, exampleFiles());
      await importAll(h.page);
      const stored = await figures(h.page);
      const storedHistory = await historyRows(h.page);
      expect(storedHistory.length).toBeGreaterThan(0);

      // 20,000 budget lines: hundreds of kilobytes to store, more than the room left.
      const rows = ['Financial Year,Period,Block,Budget Heading,Amount'];
      for (let i = 0; i < 20_000; i++) rows.push(`2022-23,${(i % 12) + 1},High Needs,Placement line ${i},${i}.25`);
      await upload(h.page, [writeFile(files, 'big-lines.csv', rows.join('\n') + '\n')]);
      const c = card(h.page, 'big-lines.csv');
      expect(await c.getByTestId('upload-summary').innerText()).toContain('20,000 rows valid');
      await c.getByRole('button', { name: /^(Import|Replace)/ }).click();
      const message = c.getByRole('alert').filter({ hasText: /no room left/ });
      await message.waitFor();
      expect(await message.innerText()).toMatch(/Your browser has no room left to store .*Nothing was changed and nothing was lost/);
      expect(await c.getByText('Imported.').count()).toBe(0);
      expect(await figures(h.page)).toEqual(stored);
      expect(await historyRows(h.page)).toEqual(storedHistory);

      await h.page.reload();
      expect(await figures(h.page)).toEqual(stored);
      expect(await historyRows(h.page)).toEqual(storedHistory);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
  });
});
