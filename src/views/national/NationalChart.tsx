/** One metric over the years: the council, England and its region (rates), and each comparator. */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_LABEL_STYLE, AXIS_TICK, CHART_STYLE, LEGEND_STYLE, MARGIN } from '../../charts/common';
import { ExactTooltip } from '../../charts/ExactTooltip';
import { COLOURS } from '../../charts/palette';
import type { MetricResult } from '../../national/metrics';
import { showFigure, type MetricRow } from './shape';

/** Counts of a large county and England do not share an axis with a small authority: England and region are drawn for rates only. */
export const drawsEnglandAndRegion = (unit: MetricResult['unit']) => unit !== 'count';

/** Each comparator's line differs by its dashes as well as its colour; the legend draws the dashes. */
const COMPARATOR_STYLES = [
  { stroke: COLOURS.green, dash: '2 3', words: 'short dashes' },
  { stroke: COLOURS.purple, dash: '10 3 2 3', words: 'dash and dot' },
  { stroke: COLOURS.grey, dash: '14 4', words: 'long dashes' },
];

export function NationalChart(props: { rows: MetricRow[]; unit: MetricResult['unit']; title: string; name: string; region: string | null; comparators: string[] }) {
  const { rows, unit } = props;
  const data = rows.map((r) => ({ ...r.plot, period: r.period, row: r }));
  const wide = drawsEnglandAndRegion(unit);
  const describe = (d: (typeof data)[number]) => ({
    heading: d.period,
    lines: [
      { name: props.name, value: showFigure(d.row.council, unit) },
      { name: 'England', value: showFigure(d.row.england, unit) },
      ...(props.region ? [{ name: props.region, value: showFigure(d.row.region, unit) }] : []),
      ...props.comparators.map((c, i) => ({ name: c, value: showFigure(d.row.comparators[i] ?? null, unit) })),
    ],
  });
  const axis = unit === 'pct' ? 'Per cent' : unit === 'money' ? 'Pounds per plan' : 'Count';
  const tick = (n: number) => (unit === 'pct' ? `${n}%` : unit === 'money' ? (n === 0 ? '£0' : `£${(n / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })}k`) : n.toLocaleString('en-GB'));
  return (
    <LineChart data={data} style={CHART_STYLE(300)} responsive accessibilityLayer margin={MARGIN} title={props.title}>
      <CartesianGrid stroke="#d8d8d8" vertical={false} />
      <XAxis dataKey="period" tick={AXIS_TICK} label={{ value: 'Year', position: 'insideBottom', offset: -4, style: AXIS_LABEL_STYLE }} height={44} />
      <YAxis tick={AXIS_TICK} width={72} tickFormatter={tick} label={{ value: axis, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, offset: 0 }} />
      <Tooltip content={(p) => <ExactTooltip {...p} describe={describe} />} />
      <Legend itemSorter={null} verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
      <Line dataKey="council" name={`${props.name} (solid, circles)`} stroke={COLOURS.blue} strokeWidth={3} dot={{ r: 5, fill: COLOURS.blue }} legendType="circle" isAnimationActive={false} />
      {wide && <Line dataKey="england" name="England (dashed)" stroke={COLOURS.black} strokeDasharray="8 4" strokeWidth={2} dot={{ r: 4, fill: COLOURS.black }} legendType="plainline" isAnimationActive={false} connectNulls />}
      {wide && props.region && (
        <Line dataKey="region" name={`${props.region} (dotted)`} stroke={COLOURS.vermillion} strokeDasharray="3 3" strokeWidth={2} dot={{ r: 4, fill: COLOURS.vermillion }} legendType="plainline" isAnimationActive={false} connectNulls />
      )}
      {props.comparators.map((c, i) => {
        const s = COMPARATOR_STYLES[i % COMPARATOR_STYLES.length]!;
        return (
          <Line key={c} dataKey={`c${i}`} name={`${c} (${s.words})`} stroke={s.stroke} strokeDasharray={s.dash} strokeWidth={2} dot={{ r: 3, fill: s.stroke }} legendType="plainline" isAnimationActive={false} connectNulls />
        );
      })}
    </LineChart>
  );
}
