/** The `national` object of `report --json` (issue 14's shape), from the national context. */
import { pct1 } from './cells';
import { comparatorStats, display, type MetricResult, type NationalContext } from './metrics';
import { reconciliationJson, type Reconciliation } from './reconcile';
import Decimal from 'decimal.js';
import { fyLabel } from '../model/calendar';
import { toFixed2 } from '../domain/money';
import type { AllocationIncome } from './allocationIncome';

function statValue(d: Decimal, unit: MetricResult['unit']): string | number {
  if (unit === 'pct') return pct1(d);
  if (unit === 'money') return d.toFixed(2, Decimal.ROUND_HALF_UP);
  // A median of an even number of counts can end in .5: kept exact.
  return d.toNumber();
}

export function nationalJson(ctx: NationalContext, reconciliation: Reconciliation | null, income: AllocationIncome | null = null) {
  const used = income?.used ?? [];
  return {
    la: ctx.la,
    name: ctx.name,
    region: ctx.region,
    comparators: ctx.comparatorNames.map((c) => ({ la: c.la, name: c.name })),
    metrics: ctx.metrics.flatMap((m) => {
      const p = m.points[m.points.length - 1];
      if (!p) return [];
      const stats = ctx.comparatorNames.length > 0 ? comparatorStats(p) : null;
      return [
        {
          id: m.id,
          period: p.label,
          value: display(p.value, m.unit),
          england: display(p.england, m.unit),
          region: display(p.region, m.unit),
          comparators: stats ? { median: statValue(stats.median, m.unit), min: statValue(stats.min, m.unit), max: statValue(stats.max, m.unit) } : null,
          rankInEngland: p.rank?.rank ?? null,
          of: p.rank?.of ?? null,
          source: p.source,
          years: m.points.map((q) => ({ period: q.label, value: display(q.value, m.unit), england: display(q.england, m.unit), region: display(q.region, m.unit) })),
        },
      ];
    }),
    censusChecks: ctx.censusChecks,
    allocations: reconciliation
      ? {
          source: reconciliation.file,
          usedInCalculations: used.length > 0,
          // The years whose DSG income is the allocation after recoupment, as chosen (--allocation-income).
          usedAsIncome: used.map((u) => ({ year: fyLabel(u.fy), source: u.file, total: toFixed2(u.total), blocks: Object.fromEntries(u.rows.map((r) => [r.block, toFixed2(r.income)])) })),
          rows: reconciliationJson(reconciliation),
        }
      : null,
    warnings: [...ctx.warnings, ...(income?.notUsed ?? []).map((n) => `allocation as income, ${fyLabel(n.fy)}: not used, as ${n.reason}.`)],
  };
}
