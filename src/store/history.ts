/**
 * The data the app shows is rebuilt from the import history: the example while nothing has been
 * imported, else every import not undone, merged in order (later files replace the same line and
 * period, ledgers add). Undoing an import therefore restores exactly what it replaced.
 * Pure functions: no React, no storage.
 */
import type { Settings } from '../model/settings';
import { exactRangeProblem } from '../domain/exactRange';
import { mergeDatasets } from '../domain/merge';
import { buildReport, type Report } from '../domain/report';
import { emptyDataset, lineId, type Dataset } from '../model/dataset';
import { NATIONAL_KIND, type CellChange, type ImportRecord } from '../model/history';
import type { StoredState } from '../storage/schema';
import { allocationIncome } from '../national/allocationIncome';
import { mergeNational } from '../national/merge';
import type { NationalImport } from '../model/national';
import { withoutPeriods } from './ledgerReupload';

export function buildDataset(source: StoredState['source'], imports: ImportRecord[], example: () => Dataset): Dataset {
  if (source === 'example') return example();
  const live = imports.filter((r) => !r.undoneAt);
  if (live.length === 0) return emptyDataset();
  const parts = live.map((r) => ({ file: r.file, additive: r.additive, data: r.data }));
  // A ledger imported to "replace those periods" takes the place of what earlier ledgers held for them.
  live.forEach((r, i) => {
    if (!r.replaces?.length) return;
    for (let j = 0; j < i; j++) if (live[j]!.kind === 'ledger') parts[j] = { ...parts[j]!, data: withoutPeriods(parts[j]!.data, r.replaces) };
  });
  return mergeDatasets(parts).data;
}


/**
 * The period actuals that `after` changes: every cell held in `before` whose figure differs in
 * `after` (line, period, old, new). Figures for periods not held before are additions, not changes.
 */
export function actualChanges(before: Dataset, after: Dataset): CellChange[] {
  const old = new Map(before.actuals.map((a) => [lineId(a), a]));
  const changes: CellChange[] = [];
  for (const a of after.actuals) {
    const prev = old.get(lineId(a));
    if (!prev) continue;
    for (let p = 0; p < 12; p++) {
      const o = prev.actuals[p] ?? null;
      const n = a.actuals[p] ?? null;
      if (o !== null && o !== n) changes.push({ fy: a.fy, block: a.block, line: a.line, period: p + 1, old: o, new: n });
    }
  }
  return changes.sort((x, y) => x.fy - y.fy || x.period - y.period || x.block.localeCompare(y.block) || x.line.localeCompare(y.line));
}

/**
 * The ESFA's allocation as the DSG income of the years the user chose that no funding file covers
 * (issue 14): from the national tables held, marked on each row so every view can say so.
 */
export function withAllocationIncome(dataset: Dataset, imports: ImportRecord[], settings: Settings): Dataset {
  if (!settings.allocationYears?.length) return dataset;
  const national = imports.filter((r) => r.kind === NATIONAL_KIND && !r.undoneAt && r.national).map((r) => r.national as NationalImport);
  const r = allocationIncome(mergeNational(national), settings.laCode, settings.allocationYears, dataset.funding);
  return r.used.length === 0 ? dataset : { ...dataset, funding: r.funding };
}

/** The rows an import with errors leaves out, from its error list (row numbers as a spreadsheet shows them). */
export function leftOutRows(errors: { row?: number }[]): number[] {
  return [...new Set(errors.map((e) => e.row).filter((r): r is number => r !== undefined))].sort((a, b) => a - b);
}

/**
 * Rebuilds the data from the history in memory and works out its report, before anything is
 * stored: a history whose totals would leave the exact range (or that cannot be rebuilt at all)
 * is refused here, so that it never reaches the views.
 */
export function rebuild(
  source: StoredState['source'],
  imports: ImportRecord[],
  example: () => Dataset,
  settings: Settings,
): { ok: true; dataset: Dataset; report: Report } | { ok: false; reason: string } {
  try {
    const dataset = withAllocationIncome(buildDataset(source, imports, example), imports, settings);
    const problem = exactRangeProblem(dataset);
    if (problem) return { ok: false, reason: `the data together would be too large: ${problem}` };
    return { ok: true, dataset, report: buildReport(dataset, settings) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
