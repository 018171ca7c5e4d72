/**
 * The DfE's tidy CSV tables (explore education statistics): one row per period, level and
 * authority, recognised by their columns. Only each table's headline rows are kept (where
 * `breakdown_topic` equals `breakdown`, e.g. "All EHC plans"), and only the columns a metric reads.
 */
import Papa from 'papaparse';
import type { Level, NationalRow, NationalTable, PeriodType, TableId } from '../model/national';

/** The columns every such table has. */
const IDENTITY = ['time_period', 'geographic_level'] as const;

interface TableDef {
  id: Exclude<TableId, 'tribunal' | 'allocations'>;
  /** Columns that identify the table (all must be present), lower case. */
  needs: string[];
  /** Columns kept (lower case); missing ones are kept as blank. */
  keep: string[];
}

export const SEN2_TABLES: TableDef[] = [
  { id: 'caseload', needs: ['ehcplans', 'special_independent'], keep: ['ehcplans', 'special_independent', 'special_non_maintained'] },
  { id: 'newplans', needs: ['new_ehc_plans'], keep: ['new_ehc_plans'] },
  { id: 'requests', needs: ['requests_received_in_year'], keep: ['requests_received_in_year'] },
  {
    id: 'timeliness',
    needs: ['plans_issued_den_ex', 'plans_issued_20_weeks_ex'],
    keep: ['plans_issued_den_ex', 'plans_issued_20_weeks_ex', 'pc_plans_issued_20_weeks_ex'],
  },
];

export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The lower-cased header cells of a CSV's first line. */
export function csvHeader(text: string): string[] {
  const end = text.search(/\r?\n/);
  const first = end < 0 ? text : text.slice(0, end);
  const parsed = Papa.parse<string[]>(first, { header: false });
  return (parsed.data[0] ?? []).map((c) => c.trim().toLowerCase());
}

/** Is this header one of the DfE's tidy tables (whichever)? */
export function isTidyTable(header: string[]): boolean {
  return IDENTITY.every((c) => header.includes(c)) && (header.includes('old_la_code') || header.includes('new_la_code')) && header.includes('la_name');
}

export function sen2Kind(header: string[]): TableDef | undefined {
  return SEN2_TABLES.find((d) => d.needs.every((c) => header.includes(c)));
}

const LEVELS: Record<string, Level> = { national: 'national', regional: 'regional', 'local authority': 'la' };

function periodType(identifier: string, period: string): PeriodType | undefined {
  const id = identifier.toLowerCase();
  if (id.includes('academic') || /^\d{6}$/.test(period)) return 'academic';
  if (id.includes('calendar') || /^\d{4}$/.test(period)) return 'calendar';
  if (id.includes('financial')) return 'financial';
  return undefined;
}

/** Reads a recognised tidy table; problems (a period it cannot read) are warnings naming the row. */
export function readSen2(text: string, file: string, def: TableDef, warnings: string[]): NationalTable {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((c) => c.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  const col = {
    period: at('time_period'), ident: at('time_identifier'), level: at('geographic_level'), region: at('region_name'),
    la: at('old_la_code'), laNew: at('new_la_code'), name: at('la_name'), topic: at('breakdown_topic'), breakdown: at('breakdown'),
  };
  const keep = def.keep.map(at);
  const out: NationalRow[] = [];
  let type: PeriodType | undefined;
  const seen = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    const get = (c: number) => (c >= 0 ? (r[c] ?? '').trim() : '');
    if (col.topic >= 0 && col.breakdown >= 0 && get(col.topic).toLowerCase() !== get(col.breakdown).toLowerCase()) continue;
    const level = LEVELS[get(col.level).toLowerCase()];
    if (!level) continue; // other levels (e.g. parliamentary constituency) are not compared here
    const period = get(col.period);
    const t = periodType(get(col.ident), period);
    if (!t || !/^\d{4}(\d{2})?$/.test(period)) {
      warnings.push(`${file}, row ${i + 1}, time_period: "${period}" is not a year (accepted: 2024, or an academic year such as 202324); row left out.`);
      continue;
    }
    type ??= t;
    const la = get(col.la);
    const row: NationalRow = {
      period,
      level,
      name: level === 'national' ? 'England' : level === 'regional' ? get(col.region) : get(col.name),
      values: keep.map((c) => get(c)),
    };
    if (level === 'la') {
      if (la) row.la = la;
      if (get(col.laNew)) row.laNew = get(col.laNew);
      if (get(col.region)) row.region = get(col.region);
    }
    const key = `${period}|${level}|${row.la ?? row.name}`;
    if (seen.has(key)) {
      warnings.push(`${file}, row ${i + 1}: a second headline row for ${row.name} in ${period}; the first is used.`);
      continue;
    }
    seen.add(key);
    out.push(row);
  }
  return { id: def.id, file, periodType: type ?? 'calendar', columns: def.keep, rows: out };
}
