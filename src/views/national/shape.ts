/** The national context as the view's tables and chart read it: one row per period, figures as printed. */
import { comparatorStats, display, type MetricResult, type NationalContext } from '../../national/metrics';
import { grouped } from '../../national/context';

export type Shown = string | number | null;

/** A figure as the table prints it: "1,643", "7.0%", "£17,060.66", or "not published". */
export function showFigure(x: Shown, unit: MetricResult['unit']): string {
  if (x === null) return 'not published';
  const g = grouped(x);
  return unit === 'pct' ? `${g}%` : unit === 'money' ? `£${g}` : g;
}

export interface MetricRow {
  period: string;
  council: Shown;
  england: Shown;
  region: Shown;
  comparators: Shown[];
  /** Plotted values (numbers; null where not published): the table prints the exact strings. */
  plot: Record<string, number | null>;
}

const num = (x: Shown) => (x === null ? null : Number(x));

export function metricRows(m: MetricResult): MetricRow[] {
  return m.points.map((p) => {
    const council = display(p.value, m.unit);
    const england = display(p.england, m.unit);
    const region = display(p.region, m.unit);
    const comparators = p.comparators.map((c) => display(c.value, m.unit));
    const plot: Record<string, number | null> = { council: num(council), england: num(england), region: num(region) };
    comparators.forEach((c, i) => (plot[`c${i}`] = num(c)));
    return { period: p.label, council, england, region, comparators, plot };
  });
}

export interface SummaryRow {
  id: MetricResult['id'];
  label: string;
  unit: MetricResult['unit'];
  period: string;
  council: Shown;
  england: Shown;
  region: Shown;
  comparators: string;
  rank: string;
  source: string;
}

export function summaryRows(ctx: NationalContext): SummaryRow[] {
  return ctx.metrics.flatMap((m) => {
    const p = m.points[m.points.length - 1];
    if (!p) return [];
    const stats = ctx.comparatorNames.length > 0 ? comparatorStats(p) : null;
    const f = (d: Parameters<typeof display>[0]) => showFigure(display(d, m.unit), m.unit);
    return [
      {
        id: m.id, label: m.label, unit: m.unit, period: p.label,
        council: display(p.value, m.unit), england: display(p.england, m.unit), region: display(p.region, m.unit),
        comparators: stats ? `${f({ ok: true, value: stats.median })} (${f({ ok: true, value: stats.min })} to ${f({ ok: true, value: stats.max })})` : 'none chosen',
        rank: p.rank ? `${p.rank.rank} of ${p.rank.of}` : 'not ranked',
        source: p.source,
      },
    ];
  });
}
