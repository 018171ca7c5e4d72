/**
 * The national context as the views, the forum report and the CLI use it: the tables held, the
 * council's authority and comparators from the settings, and its own funding and EHCP months.
 */
import type { Dataset } from '../model/dataset';
import { formatPounds } from '../domain/format';
import { parseLaCode } from '../domain/settings';
import { allocationIncome, allocationUseWords, ownFunding, type AllocationIncome } from './allocationIncome';
import { nationalJson } from './json';
import { mergeNational, type NationalData } from './merge';
import { METRIC_LABELS, comparatorStats, display, nationalContext, type MetricResult, type NationalContext } from './metrics';
import { reconcileAllocations, type Reconciliation } from './reconcile';
import type { NationalImport } from '../model/national';

// One LA code rule for the whole app: the council's code in Settings (also on the forum report and
// the return), the comparators and the command line's --la are all checked by it.
export { LA_CODE_ACCEPTED, parseLaCode } from '../domain/settings';

/** "879, 878" → ["879", "878"], every code checked; duplicates dropped. */
export function parseComparators(raw: string): { ok: true; value: string[] } | { ok: false; reason: string } {
  const parts = raw.split(/[\s,;]+/).filter((p) => p !== '');
  const out: string[] = [];
  for (const p of parts) {
    const c = parseLaCode(p);
    if (!c.ok) return c;
    if (!out.includes(c.value)) out.push(c.value);
  }
  return { ok: true, value: out };
}

export interface NationalView {
  data: NationalData;
  context: NationalContext | null;
  reconciliation: Reconciliation | null;
  /** The years chosen to take the allocation as DSG income: those used and those not, with why. */
  income: AllocationIncome | null;
}

export function buildNational(
  imports: NationalImport[], la: string | undefined, comparators: string[] | undefined, dataset: Pick<Dataset, 'funding' | 'ehcp'>, allocationYears: readonly number[] = [],
): NationalView {
  const data = mergeNational(imports);
  const income = allocationYears.length > 0 ? allocationIncome(data, la, allocationYears, dataset.funding) : null;
  if (!la) return { data, context: null, reconciliation: null, income };
  const own = dataset.ehcp.flatMap((m) => (m.plansAtEnd === undefined ? [] : [{ month: m.month, plansAtEnd: m.plansAtEnd }]));
  const context = nationalContext(data, la, (comparators ?? []).filter((c) => c !== la), own);
  // The reconciliation sets the allocation beside the funding file's own income, never beside itself.
  return { data, context, reconciliation: reconcileAllocations(data, la, ownFunding(dataset.funding)), income };
}

export function nationalReportJson(v: NationalView) {
  return v.context ? nationalJson(v.context, v.reconciliation, v.income) : null;
}

/** 1643 → "1,643"; "17060.66" → "17,060.66". */
export const grouped = (x: string | number) => (typeof x === 'number' ? x.toLocaleString('en-GB') : x.replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ',')));
const show = (x: string | number | null) => (x === null ? 'not published' : grouped(x));

function metricLine(m: MetricResult, ctx: NationalContext): string {
  const p = m.points[m.points.length - 1]!;
  const stats = ctx.comparatorNames.length > 0 ? comparatorStats(p) : null;
  const unit = m.unit === 'pct' ? '%' : '';
  const v = (x: string | number | null) => (x === null ? 'not published' : `${m.unit === 'money' ? '£' : ''}${show(x)}${unit}`);
  const parts = [
    `${METRIC_LABELS[m.id]}, ${p.label}: ${v(display(p.value, m.unit))}`,
    `England ${v(display(p.england, m.unit))}`,
    `${ctx.region ?? 'region'} ${v(display(p.region, m.unit))}`,
  ];
  if (stats) parts.push(`comparators median ${v(display({ ok: true, value: stats.median }, m.unit))} (${v(display({ ok: true, value: stats.min }, m.unit))} to ${v(display({ ok: true, value: stats.max }, m.unit))})`);
  if (p.rank) parts.push(`rank ${p.rank.rank} of ${p.rank.of} in England`);
  return `  ${parts.join('; ')} [${p.source}]`;
}

export function nationalText(v: NationalView): string {
  const ctx = v.context;
  if (!ctx) return '';
  const out = ['', `National context: ${ctx.name} (${ctx.la})${ctx.region ? `, ${ctx.region}` : ''}`];
  for (const m of ctx.metrics) if (m.points.length > 0) out.push(metricLine(m, ctx));
  for (const u of v.income?.used ?? []) out.push(`  Used in the calculations: ${allocationUseWords(u, (p) => formatPounds(p))}.`);
  for (const w of ctx.warnings) out.push(`  Note: ${w}`);
  return out.join('\n') + '\n';
}
