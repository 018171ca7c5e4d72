/**
 * The embedded example (data/: Torbay 2022-23), imported through the same core as an upload.
 * Vite inlines the CSV text at build time, so the app needs no network to show it.
 */
import { mergeDatasets } from '../domain/merge';
import type { Dataset } from '../model/dataset';
import { importText } from '../import/importFile';

const files = import.meta.glob('../../data/*.csv', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function loadExample(): Dataset {
  const parts = Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => {
      const name = path.split('/').pop()!;
      const r = importText(text, name);
      if (r.errorCount > 0) throw new Error(`The embedded example ${name} did not import: ${r.errors[0]?.message}`);
      return { file: name, additive: r.kind === 'ledger', data: r.data };
    });
  return mergeDatasets(parts).data;
}
