/**
 * The national tables held: every national import not undone, in order; a later file's row for
 * the same table, period and authority replaces an earlier one (a newer release revises figures).
 */
import type { NationalImport, NationalRow, PeriodType, TableId } from '../model/national';

export interface HeldTable {
  id: TableId;
  periodType: PeriodType;
  columns: string[];
  rows: NationalRow[];
  /** The file each period's figures came from. */
  fileOf: Record<string, string>;
}

export type NationalData = Partial<Record<TableId, HeldTable>>;

export function mergeNational(imports: NationalImport[]): NationalData {
  const keyed = new Map<TableId, { table: HeldTable; rows: Map<string, NationalRow> }>();
  for (const imp of imports) {
    for (const t of imp.tables) {
      let held = keyed.get(t.id);
      if (!held) {
        held = { table: { id: t.id, periodType: t.periodType, columns: t.columns, rows: [], fileOf: {} }, rows: new Map() };
        keyed.set(t.id, held);
      }
      for (const r of t.rows) {
        held.rows.set(`${r.period}|${r.level}|${r.la ?? r.name.toLowerCase()}`, r);
        held.table.fileOf[r.period] = t.file;
      }
    }
  }
  const out: NationalData = {};
  for (const [id, { table, rows }] of keyed) out[id] = { ...table, rows: [...rows.values()] };
  return out;
}

/** What the import holds, in words: "caseload.csv (2019 to 2025), …". */
export function describeImport(imp: NationalImport): string[] {
  return imp.tables.map((t) => {
    const periods = [...new Set(t.rows.map((r) => r.period))].sort();
    const las = new Set(t.rows.filter((r) => r.level === 'la').map((r) => r.la)).size;
    return `${t.file}: ${periods.length === 0 ? 'no rows' : `${periods[0]} to ${periods.at(-1)}`}, ${las} authorities`;
  });
}
