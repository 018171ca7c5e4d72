/** Forecast scenarios against the agreed profile, and the tornado of driver sensitivities (issue 6). */
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPounds } from '../../domain/format';
import { effectText, type ForecastChartRow, type TornadoRow } from './shape';
import { moneyAxis } from '../../charts/axis';
import { AXIS_LABEL_STYLE, AXIS_TICK, CHART_STYLE, LEGEND_STYLE, MARGIN } from '../../charts/common';
import { ExactTooltip } from '../../charts/ExactTooltip';
import { ChartLegend, markerDot, type LegendItem, type LineMark } from '../../charts/Markers';
import { COLOURS } from '../../charts/palette';
import { Patterns, fillFor } from '../../charts/Patterns';

/** Up to three series, each with its own dash and marker shape so colour is never the only cue. */
export const SERIES_STYLES: { mark: LineMark; cue: string }[] = [
  { mark: { kind: 'line', colour: COLOURS.vermillion, dash: '4 3', shape: 'circle', hollow: true, size: 5 }, cue: 'short dashes, hollow circles' },
  { mark: { kind: 'line', colour: COLOURS.blue, shape: 'triangle', size: 5 }, cue: 'solid, triangles' },
  { mark: { kind: 'line', colour: COLOURS.purple, dash: '1 3', shape: 'diamond', size: 5 }, cue: 'dotted, diamonds' },
];
const PROFILE: LineMark = { kind: 'line', colour: COLOURS.black, dash: '8 4', shape: 'square', size: 4 };

const money = (p: ForecastChartRow['profile']) => (p === null ? 'none' : formatPounds(p));

export function ForecastChart({ rows, names, title }: { rows: ForecastChartRow[]; names: string[]; title: string }) {
  const axis = moneyAxis(rows.flatMap((r) => [r.pProfile, ...names.map((_, i) => r[`s${i}`] ?? null)]), 'Cumulative deficit');
  const describe = (r: ForecastChartRow) => ({
    heading: r.label,
    lines: [{ name: 'Agreed deficit profile', value: money(r.profile) }, ...names.map((n, i) => ({ name: n, value: money(r.values[i] ?? null) }))],
  });
  const styleOf = (i: number) => SERIES_STYLES[i % SERIES_STYLES.length]!;
  const legend: LegendItem[] = [
    { name: 'Agreed deficit profile (long dashes, squares)', mark: PROFILE },
    ...names.map((n, i) => ({ name: `${n} (${styleOf(i).cue})`, mark: styleOf(i).mark })),
  ];
  return (
    <>
      <ChartLegend items={legend} />
      <LineChart data={rows} style={CHART_STYLE(300)} responsive accessibilityLayer margin={MARGIN} title={title}>
        <CartesianGrid stroke="#d8d8d8" vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} height={44} label={{ value: 'Financial year', position: 'insideBottom', offset: -4, style: AXIS_LABEL_STYLE }} />
        <YAxis tickFormatter={axis.format} tick={AXIS_TICK} width={72} label={{ value: axis.label, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, offset: 0 }} />
        <Tooltip content={(p) => <ExactTooltip {...p} describe={describe} />} />
        <Line dataKey="pProfile" name="Agreed deficit profile" stroke={PROFILE.colour} strokeDasharray={PROFILE.dash} strokeWidth={2} dot={markerDot(PROFILE)} isAnimationActive={false} connectNulls />
        {names.map((n, i) => {
          const { mark } = styleOf(i);
          return <Line key={i} dataKey={`s${i}`} name={n} stroke={mark.colour} strokeDasharray={mark.dash} strokeWidth={3} dot={markerDot(mark)} isAnimationActive={false} />;
        })}
      </LineChart>
    </>
  );
}

const LOW = { colour: COLOURS.blue, pattern: 'solid' } as const;
const HIGH = { colour: COLOURS.vermillion, pattern: 'stripes' } as const;

/** Two bars a driver, each from zero, so a driver whose two effects share a sign still reads right. */
export function TornadoChart({ rows, title }: { rows: TornadoRow[]; title: string }) {
  const prefix = useId().replace(/:/g, '');
  const axis = moneyAxis(rows.flatMap((r) => [r.pLow, r.pHigh]), 'Change in final deficit');
  const describe = (r: TornadoRow) => ({
    heading: r.label,
    lines: [
      { name: `Lower (${r.lowText})`, value: effectText(r.lowEffect) },
      { name: `Higher (${r.highText})`, value: effectText(r.highEffect) },
    ],
  });
  return (
    <BarChart data={rows} layout="vertical" style={CHART_STYLE(80 + rows.length * 56)} responsive accessibilityLayer margin={{ ...MARGIN, right: 24 }} title={title}>
      <Patterns prefix={prefix} styles={[HIGH]} />
      <CartesianGrid stroke="#d8d8d8" horizontal={false} />
      <XAxis type="number" tickFormatter={axis.format} tick={AXIS_TICK} height={44} label={{ value: axis.label, position: 'insideBottom', offset: -4, style: AXIS_LABEL_STYLE }} />
      <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={180} />
      <ReferenceLine x={0} stroke={COLOURS.black} />
      <Tooltip content={(p) => <ExactTooltip {...p} describe={describe} />} />
      <Legend itemSorter={null} verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
      <Bar dataKey="pLow" name="Driver 10% lower, or 1 point lower for rates (solid)" fill={fillFor(prefix, LOW)} isAnimationActive={false} legendType="rect" />
      <Bar dataKey="pHigh" name="Driver 10% higher, or 1 point higher for rates (striped)" fill={fillFor(prefix, HIGH)} stroke={COLOURS.vermillion} isAnimationActive={false} legendType="rect" />
    </BarChart>
  );
}
