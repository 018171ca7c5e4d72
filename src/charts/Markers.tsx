/**
 * One description of each series' look (line dash, marker shape, filled or hollow, or a bar's
 * fill) that draws both the points on the chart and the swatch in the legend, so the legend
 * always shows what the chart draws (issue 11: a filled swatch for hollow points, "squares" named
 * for dots). The legend is HTML above the plot, outside Recharts' box, so a tooltip (kept inside
 * that box) never covers it.
 */
import type { ReactElement } from 'react';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface LineMark {
  kind: 'line';
  colour: string;
  dash?: string;
  shape: MarkerShape;
  hollow?: boolean;
  /** Marker size: the circle's radius, or half the square's side. */
  size: number;
}

export interface BarMark {
  kind: 'bar';
  colour: string;
  /** The bar's fill: a colour or a pattern's url(#…). */
  fill: string;
}

export type SeriesMark = LineMark | BarMark;

/** One marker, centred on (cx, cy). */
export function markerShape(m: LineMark, cx: number, cy: number, size = m.size): ReactElement {
  const paint = { fill: m.hollow ? '#fff' : m.colour, stroke: m.colour, strokeWidth: 2 };
  const s = size;
  if (m.shape === 'circle') return <circle cx={cx} cy={cy} r={s} {...paint} />;
  if (m.shape === 'square') return <rect x={cx - s} y={cy - s} width={2 * s} height={2 * s} {...paint} />;
  const t = s * 1.25;
  const points = m.shape === 'triangle' ? `${cx},${cy - t} ${cx + t},${cy + t * 0.8} ${cx - t},${cy + t * 0.8}` : `${cx},${cy - t} ${cx + t},${cy} ${cx},${cy + t} ${cx - t},${cy}`;
  return <polygon points={points} {...paint} />;
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: unknown;
}

/**
 * A Line's `dot`: the series' marker at each point, or none where `where` says the point is not
 * this series' own (the forecast line starts from the last outturn, which keeps its solid marker).
 */
export function markerDot<Row>(m: LineMark, where?: (row: Row) => boolean) {
  return function Dot(props: DotProps) {
    if (props.cx == null || props.cy == null || (where && !where(props.payload as Row))) return <g key={props.index} />;
    return (
      <g key={props.index} className="chart-marker" data-shape={m.shape} data-hollow={m.hollow ? 'true' : 'false'}>
        {markerShape(m, props.cx, props.cy)}
      </g>
    );
  };
}

/** The legend's swatch: a short stretch of the line with its marker, or a block of the bar's fill. */
function Swatch({ mark }: { mark: SeriesMark }) {
  if (mark.kind === 'bar') {
    return (
      <svg className="legend-swatch" width={16} height={14} viewBox="0 0 16 14" aria-hidden="true" focusable="false">
        <rect x={1} y={1} width={14} height={12} fill={mark.fill} stroke={mark.colour} strokeWidth={1} />
      </svg>
    );
  }
  return (
    <svg className="legend-swatch" width={32} height={14} viewBox="0 0 32 14" aria-hidden="true" focusable="false">
      <line x1={1} y1={7} x2={31} y2={7} stroke={mark.colour} strokeWidth={2} strokeDasharray={mark.dash} />
      <g className="chart-marker" data-shape={mark.shape} data-hollow={mark.hollow ? 'true' : 'false'}>
        {markerShape(mark, 16, 7, Math.min(mark.size, 5))}
      </g>
    </svg>
  );
}

export interface LegendItem {
  name: string;
  mark: SeriesMark;
}

/** The chart's legend (items keep Recharts' class names, which the chart-image export reads). */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend" data-testid="chart-legend">
      {items.map((i) => (
        <li key={i.name} className="recharts-legend-item">
          <Swatch mark={i.mark} />
          <span className="recharts-legend-item-text">{i.name}</span>
        </li>
      ))}
    </ul>
  );
}
