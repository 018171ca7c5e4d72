/**
 * The cost-centre map the browser applies when it reads a file: the mappings made by hand (the
 * latest hand-mapping record not undone), the cost centre map files imported (later files win),
 * and the budget's own cost centres, merged hand > file > budget. Pure.
 */
import type { Dataset } from '../model/dataset';
import { entriesFromBudget, entryKey, mergeEntries } from '../import/costCentreMap';
import type { MapEntry } from '../model/costCentreMap';
import type { ImportRecord } from '../model/history';

/** Every mapping made by hand, as the latest hand-mapping record holds them. */
export function handEntries(imports: readonly ImportRecord[]): MapEntry[] {
  for (let i = imports.length - 1; i >= 0; i--) {
    const r = imports[i]!;
    if (r.kind === 'manual-costcentres' && !r.undoneAt) return r.costCentreMap ?? [];
  }
  return [];
}

/** The entries of the cost centre map files imported, a later file's entry replacing an earlier one's. */
export function fileEntries(imports: readonly ImportRecord[]): MapEntry[] {
  const byKey = new Map<string, MapEntry>();
  for (const r of imports) {
    if (r.undoneAt || r.kind === 'manual-costcentres' || !r.costCentreMap) continue;
    for (const e of r.costCentreMap) byKey.set(entryKey(e), { ...e, source: 'file' });
  }
  return [...byKey.values()];
}

/** The merged map for reading the next file. */
export function activeMapEntries(imports: readonly ImportRecord[], dataset: Dataset): MapEntry[] {
  return mergeEntries({ hand: handEntries(imports), file: fileEntries(imports), budget: entriesFromBudget(dataset.budgets).entries }).entries;
}

/** The hand mappings with these added or changed (by code), or removed (target null). */
export function editedHandEntries(current: readonly MapEntry[], changes: readonly { code: string; account?: string; entry: MapEntry | null }[]): MapEntry[] {
  const byKey = new Map(current.map((e) => [entryKey(e), e]));
  for (const c of changes) {
    const k = entryKey(c);
    if (c.entry) byKey.set(k, { ...c.entry, source: 'hand' });
    else byKey.delete(k);
  }
  return [...byKey.values()].sort((a, b) => entryKey(a).localeCompare(entryKey(b)));
}
