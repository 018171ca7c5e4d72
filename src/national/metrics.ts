/**
 * The national context metrics: for the council's authority, each period held, its figure,
 * England's, its region's, its comparators' (median and range) and its rank among the authorities
 * in England. Exact: every figure is a Decimal from the published counts; percentages are worked
 * out from counts where the DfE gives them, rounded only for display (one decimal, as it prints).
 */
import Decimal from 'decimal.js';
import { pct1, readCell, type Cell } from './cells';
import type { HeldTable, NationalData } from './merge';
import type { Level, NationalRow, TableId } from '../model/national';

export const METRIC_IDS = [
  'ehcps', 'ehcps_growth_pct', 'new_plans', 'requests', 'within_20_weeks_pct', 'independent_special_pct', 'tribunal_appeal_rate_pct', 'dsg_high_needs_allocation',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];
export type Unit = 'count' | 'pct' | 'money';

export const METRIC_LABELS: Record<MetricId, string> = {
  ehcps: 'EHC plans in force (January census)',
  ehcps_growth_pct: 'Growth in EHC plans on the year before (%)',
  new_plans: 'New EHC plans issued in the calendar year',
  requests: 'Requests for an EHC needs assessment in the calendar year',
  within_20_weeks_pct: 'New plans issued within 20 weeks, excluding exceptions (%)',
  independent_special_pct: 'Plans in independent or non-maintained special schools (%)',
  tribunal_appeal_rate_pct: 'SEND Tribunal appeal rate (% of appealable decisions)',
  dsg_high_needs_allocation: 'DSG high needs block allocation per EHC plan (£)',
};

const UNITS: Record<MetricId, Unit> = {
  ehcps: 'count', ehcps_growth_pct: 'pct', new_plans: 'count', requests: 'count', within_20_weeks_pct: 'pct',
  independent_special_pct: 'pct', tribunal_appeal_rate_pct: 'pct', dsg_high_needs_allocation: 'money',
};

/** Who a figure is for: an authority by its old LA code, a region by name, or England. */
type Who = { level: 'la'; la: string } | { level: 'regional'; name: string } | { level: 'national' };

const HUNDRED = new Decimal(100);
const no = (reason: string): Cell => ({ ok: false, reason });

class Index {
  private readonly byKey = new Map<string, NationalRow>();
  constructor(readonly table: HeldTable) {
    for (const r of table.rows) this.byKey.set(Index.key(r.period, r.level, r.level === 'la' ? r.la! : r.name), r);
  }
  static key(period: string, level: Level, id: string) {
    return `${period}|${level}|${id.toLowerCase()}`;
  }
  row(period: string, who: Who): NationalRow | undefined {
    return this.byKey.get(Index.key(period, who.level, who.level === 'la' ? who.la : who.level === 'regional' ? who.name : 'England'));
  }
  cell(period: string, who: Who, column: string): Cell {
    const row = this.row(period, who);
    if (!row) return no(who.level === 'regional' ? 'not published by region in this table' : 'no row in the table');
    return readCell(row.values[this.table.columns.indexOf(column)]);
  }
  periods(): string[] {
    return [...new Set(this.table.rows.map((r) => r.period))].sort();
  }
  authorities(period: string): string[] {
    return this.table.rows.filter((r) => r.period === period && r.level === 'la' && r.la).map((r) => r.la!);
  }
}

const ratio = (num: Cell, den: Cell, scale = HUNDRED): Cell => {
  if (!num.ok) return num;
  if (!den.ok) return den;
  if (den.value.isZero()) return no('the denominator is zero');
  return { ok: true, value: num.value.times(scale).div(den.value) };
};

const sumCells = (cells: Cell[]): Cell => {
  let total = new Decimal(0);
  for (const c of cells) {
    if (!c.ok) return c;
    total = total.plus(c.value);
  }
  return { ok: true, value: total };
};

/** 202425 → "2025" (the January census of that academic year). */
export const censusYear = (academic: string) => `${academic.slice(0, 2)}${academic.slice(4, 6)}`;
/** The academic year before: 202425 → 202324. */
const previousAcademic = (p: string) => {
  const start = Number(p.slice(0, 4));
  return `${start - 1}${String(start % 100).padStart(2, '0')}`;
};
/** FY 2023-24 → its January census, academic year 202324. */
const academicOfFy = (fy: string) => `${fy.slice(0, 4)}${fy.slice(5, 7)}`;

interface MetricDef {
  tables: TableId[];
  periods(ix: Partial<Record<TableId, Index>>): string[];
  label(period: string): string;
  value(ix: Partial<Record<TableId, Index>>, period: string, who: Who): Cell;
  source(ix: Partial<Record<TableId, Index>>, period: string): string;
}

const fileOf = (ix: Index | undefined, period: string) => ix?.table.fileOf[period] ?? '';

/** The region's total of an authority-level table's cells, where the table prints no region rows. */
function regionSum(ix: Index, period: string, region: string, column: string): Cell {
  const rows = ix.table.rows.filter((r) => r.period === period && r.level === 'la' && r.region?.toLowerCase() === region.toLowerCase());
  if (rows.length === 0) return no('not published by region in this table');
  return sumCells(rows.map((r) => readCell(r.values[ix.table.columns.indexOf(column)])));
}

const simple = (table: TableId, column: string, academic: boolean): MetricDef => ({
  tables: [table],
  periods: (ix) => ix[table]?.periods() ?? [],
  label: (p) => (academic ? censusYear(p) : p),
  value: (ix, p, who) => ix[table]!.cell(p, who, column),
  source: (ix, p) => fileOf(ix[table], p),
});

const DEFS: Record<MetricId, MetricDef> = {
  ehcps: simple('caseload', 'ehcplans', true),
  ehcps_growth_pct: {
    tables: ['caseload'],
    periods: (ix) => {
      const ps = ix.caseload?.periods() ?? [];
      return ps.filter((p) => ps.includes(previousAcademic(p)));
    },
    label: censusYear,
    value: (ix, p, who) => {
      const now = ix.caseload!.cell(p, who, 'ehcplans');
      const before = ix.caseload!.cell(previousAcademic(p), who, 'ehcplans');
      if (!now.ok) return now;
      if (!before.ok) return no(`the year before: ${before.reason}`);
      return ratio({ ok: true, value: now.value.minus(before.value) }, before);
    },
    source: (ix, p) => fileOf(ix.caseload, p),
  },
  new_plans: simple('newplans', 'new_ehc_plans', false),
  requests: simple('requests', 'requests_received_in_year', false),
  within_20_weeks_pct: {
    tables: ['timeliness'],
    periods: (ix) => ix.timeliness?.periods() ?? [],
    label: (p) => p,
    // The DfE's own measure: plans issued within 20 weeks, exceptions excluded from both counts.
    value: (ix, p, who) => {
      const t = ix.timeliness!;
      const computed = ratio(t.cell(p, who, 'plans_issued_20_weeks_ex'), t.cell(p, who, 'plans_issued_den_ex'));
      return computed.ok ? computed : t.cell(p, who, 'pc_plans_issued_20_weeks_ex');
    },
    source: (ix, p) => fileOf(ix.timeliness, p),
  },
  independent_special_pct: {
    tables: ['caseload'],
    periods: (ix) => ix.caseload?.periods() ?? [],
    label: censusYear,
    value: (ix, p, who) => {
      const c = ix.caseload!;
      return ratio(sumCells([c.cell(p, who, 'special_independent'), c.cell(p, who, 'special_non_maintained')]), c.cell(p, who, 'ehcplans'));
    },
    source: (ix, p) => fileOf(ix.caseload, p),
  },
  tribunal_appeal_rate_pct: {
    tables: ['tribunal'],
    periods: (ix) => ix.tribunal?.periods() ?? [],
    label: (p) => p,
    value: (ix, p, who) => {
      const t = ix.tribunal!;
      if (who.level === 'regional') {
        // The table prints no region totals: the region's authorities' counts are added up.
        return ratio(regionSum(t, p, who.name, 'appeals'), regionSum(t, p, who.name, 'decisions'));
      }
      const computed = ratio(t.cell(p, who, 'appeals'), t.cell(p, who, 'decisions'));
      return computed.ok ? computed : t.cell(p, who, 'rate');
    },
    source: (ix, p) => fileOf(ix.tribunal, p),
  },
  dsg_high_needs_allocation: {
    tables: ['allocations', 'caseload'],
    periods: (ix) => (ix.allocations?.periods() ?? []).filter((fy) => ix.caseload?.periods().includes(academicOfFy(fy))),
    label: (p) => p,
    // The whole high needs block (before recoupment and the ESFA's direct funding of places), so
    // that authorities with many or few academies compare alike; per plan in force that January.
    value: (ix, p, who) => ratio(ix.allocations!.cell(p, who, 'hnb_before'), ix.caseload!.cell(academicOfFy(p), who, 'ehcplans'), new Decimal(1)),
    source: (ix, p) => `${fileOf(ix.allocations, p)} and ${fileOf(ix.caseload, academicOfFy(p))}`,
  },
};

export interface Comparison {
  la: string;
  name: string;
  value: Cell;
}

export interface MetricPoint {
  period: string;
  label: string;
  value: Cell;
  england: Cell;
  region: Cell;
  comparators: Comparison[];
  /** 1 is the highest figure in England; absent when the council's figure is not published. */
  rank?: { rank: number; of: number };
  source: string;
}

export interface MetricResult {
  id: MetricId;
  label: string;
  unit: Unit;
  points: MetricPoint[];
}

/** The council's own count beside the January census, where its monthly file covers that month. */
export interface CensusCheck {
  month: string;
  census: number;
  own: number;
  difference: number;
}

export interface NationalContext {
  la: string;
  name: string;
  region: string | null;
  metrics: MetricResult[];
  comparatorNames: { la: string; name: string | null }[];
  censusChecks: CensusCheck[];
  warnings: string[];
}

function nameOf(ix: Partial<Record<TableId, Index>>, la: string): { name: string; region?: string } | undefined {
  for (const id of ['caseload', 'newplans', 'requests', 'timeliness', 'tribunal', 'allocations'] as TableId[]) {
    const rows = ix[id]?.table.rows.filter((r) => r.level === 'la' && r.la === la) ?? [];
    if (rows.length === 0) continue;
    const region = [...rows].reverse().find((r) => r.region)?.region;
    return { name: rows[rows.length - 1]!.name, ...(region ? { region } : {}) };
  }
  return undefined;
}

export function display(c: Cell, unit: Unit): string | number | null {
  if (!c.ok) return null;
  if (unit === 'count') return c.value.toNumber();
  if (unit === 'pct') return pct1(c.value);
  return c.value.toFixed(2, Decimal.ROUND_HALF_UP);
}

function median(values: Decimal[]): Decimal {
  const s = [...values].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : s[mid - 1]!.plus(s[mid]!).div(2);
}

export function comparatorStats(point: MetricPoint): { median: Decimal; min: Decimal; max: Decimal; count: number } | null {
  const values = point.comparators.flatMap((c) => (c.value.ok ? [c.value.value] : []));
  if (values.length === 0) return null;
  return { median: median(values), min: Decimal.min(...values), max: Decimal.max(...values), count: values.length };
}

/**
 * The national context for `la` against England, its region and `comparators` (old LA codes).
 * `ownEhcp` is the council's monthly EHCP file, compared with the census where it covers January.
 */
export function nationalContext(data: NationalData, la: string, comparators: string[] = [], ownEhcp: { month: string; plansAtEnd?: number }[] = []): NationalContext {
  const ix: Partial<Record<TableId, Index>> = {};
  for (const [id, t] of Object.entries(data) as [TableId, HeldTable][]) ix[id] = new Index(t);
  const warnings: string[] = [];
  const who = nameOf(ix, la);
  if (!who) warnings.push(`LA code ${la} is not in any national table held.`);
  const region = who?.region ?? null;
  const comparatorNames = comparators.map((c) => ({ la: c, name: nameOf(ix, c)?.name ?? null }));
  for (const c of comparatorNames) if (!c.name) warnings.push(`Comparator LA code ${c.la} is not in any national table held; left out.`);
  const known = comparatorNames.filter((c) => c.name !== null);

  const metrics: MetricResult[] = [];
  for (const id of METRIC_IDS) {
    const def = DEFS[id];
    const missing = def.tables.filter((t) => !ix[t]);
    if (missing.length > 0) {
      warnings.push(`${id}: not shown, as no ${missing.join(' or ')} table is held.`);
      continue;
    }
    const points = def.periods(ix).map((p): MetricPoint => {
      const value = def.value(ix, p, { level: 'la', la });
      const point: MetricPoint = {
        period: p,
        label: def.label(p),
        value,
        england: def.value(ix, p, { level: 'national' }),
        region: region ? def.value(ix, p, { level: 'regional', name: region }) : no('the region is not known'),
        comparators: known.map((c) => ({ la: c.la, name: c.name!, value: def.value(ix, p, { level: 'la', la: c.la }) })),
        source: def.source(ix, p),
      };
      if (value.ok) {
        const all = new Set(def.tables.flatMap((t) => ix[t]!.authorities(id === 'dsg_high_needs_allocation' && t === 'caseload' ? academicOfFy(p) : p)));
        const others = [...all].flatMap((code) => {
          const v = def.value(ix, p, { level: 'la', la: code });
          return v.ok ? [v.value] : [];
        });
        point.rank = { rank: 1 + others.filter((v) => v.gt(value.value)).length, of: others.length };
      }
      return point;
    });
    metrics.push({ id, label: METRIC_LABELS[id], unit: UNITS[id], points });
    const last = points[points.length - 1];
    if (last) {
      const name = who?.name ?? la;
      if (!last.value.ok) warnings.push(`${id} ${last.label}: ${name}'s figure is ${last.value.reason}.`);
      if (!last.england.ok) warnings.push(`${id} ${last.label}: England's figure is ${last.england.reason}.`);
      if (region && !last.region.ok) warnings.push(`${id} ${last.label}: ${region}'s figure is ${last.region.reason}.`);
      for (const c of last.comparators) if (!c.value.ok) warnings.push(`${id} ${last.label}: comparator ${c.name}'s figure is ${c.value.reason}; left out of the median and range.`);
    }
  }

  const censusChecks: CensusCheck[] = [];
  const caseload = metrics.find((m) => m.id === 'ehcps');
  for (const p of caseload?.points ?? []) {
    const month = `${p.label}-01`;
    const own = ownEhcp.find((m) => m.month === month)?.plansAtEnd;
    if (own !== undefined && p.value.ok) {
      const census = p.value.value.toNumber();
      censusChecks.push({ month, census, own, difference: own - census });
    }
  }
  return { la, name: who?.name ?? la, region, metrics, comparatorNames, censusChecks, warnings };
}
