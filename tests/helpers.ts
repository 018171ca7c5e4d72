/** Shared test helpers: load the embedded example from data/ exactly as the CLI does. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mergeDatasets } from '../src/domain/merge';
import { buildReport } from '../src/domain/report';
import { importBytes } from '../src/import/importFile';

export const ROOT = join(import.meta.dirname, '..');
export const DATA_DIR = join(ROOT, 'data');

export function loadFolder(dir: string) {
  const results = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => importBytes(new Uint8Array(readFileSync(join(dir, f))), f));
  const merged = mergeDatasets(results.map((r) => ({ file: r.file, additive: r.kind === 'ledger', data: r.data })));
  return { results, data: merged.data, warnings: merged.warnings };
}

export function exampleReport(tolerance = '0.02') {
  const { data } = loadFolder(DATA_DIR);
  return buildReport(data, { tolerance });
}
