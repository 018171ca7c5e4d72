/** EHCPs by placement type or age band over time: stacked bars, one series per category. */
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCountTick } from '../../charts/axis';
import { AXIS_LABEL_STYLE, AXIS_TICK, CHART_STYLE, LEGEND_STYLE, MARGIN } from '../../charts/common';
import { ExactTooltip } from '../../charts/ExactTooltip';
import { COLOURS, type SeriesStyle } from '../../charts/palette';
import { Patterns, fillFor } from '../../charts/Patterns';

/** Each category differs by colour and by fill pattern (no two share both). */
export const CATEGORY_STYLES: (SeriesStyle & { cue: string })[] = [
  { colour: COLOURS.blue, pattern: 'solid', cue: 'solid blue' },
  { colour: COLOURS.green, pattern: 'dots', cue: 'dotted green' },
  { colour: COLOURS.purple, pattern: 'solid', cue: 'solid purple' },
  { colour: COLOURS.vermillion, pattern: 'stripes', cue: 'striped orange' },
  { colour: COLOURS.grey, pattern: 'cross', cue: 'grey grid' },
  { colour: COLOURS.black, pattern: 'dots', cue: 'dotted black' },
  { colour: COLOURS.green, pattern: 'cross', cue: 'green grid' },
];

export function StackedCountChart(props: { rows: Record<string, string | number>[]; series: { key: string; label: string }[]; title: string; axisLabel: string }) {
  const prefix = useId().replace(/:/g, '');
  const styles = props.series.map((_, i) => CATEGORY_STYLES[i % CATEGORY_STYLES.length]!);
  const describe = (r: Record<string, string | number>) => ({
    heading: String(r.month),
    lines: [...props.series.map((s) => ({ name: s.label, value: Number(r[s.key] ?? 0).toLocaleString('en-GB') })), { name: 'Total', value: Number(r.total).toLocaleString('en-GB') }],
  });
  return (
    <BarChart data={props.rows} style={CHART_STYLE(360)} responsive accessibilityLayer margin={MARGIN} title={props.title}>
      <Patterns prefix={prefix} styles={styles} />
      <CartesianGrid stroke="#d8d8d8" vertical={false} />
      <XAxis dataKey="short" tick={AXIS_TICK} height={44} label={{ value: 'Month', position: 'insideBottom', offset: -4, style: AXIS_LABEL_STYLE }} />
      <YAxis tickFormatter={formatCountTick} tick={AXIS_TICK} width={72} label={{ value: props.axisLabel, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, offset: 0 }} />
      <Tooltip content={(p) => <ExactTooltip {...p} describe={describe} />} />
      <Legend itemSorter={null} verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
      {props.series.map((s, i) => (
        <Bar key={s.key} dataKey={s.key} stackId="plans" name={`${s.label} (${styles[i]!.cue})`} fill={fillFor(prefix, styles[i]!)} stroke="#fff" strokeWidth={1} isAnimationActive={false} legendType="rect" maxBarSize={72} />
      ))}
    </BarChart>
  );
}
