/** Agreed profile, gross cumulative deficit (outturn, then forecast), net deficit and DfE contributions, per year. */
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Symbols, Tooltip, XAxis, YAxis } from 'recharts';
import { useId } from 'react';
import { formatPounds } from '../domain/format';
import { grossKindText, type TrajectoryRow } from '../views/trajectory/shape';
import { moneyAxis } from './axis';
import { AXIS_LABEL_STYLE, AXIS_TICK, CHART_STYLE, LEGEND_STYLE, MARGIN } from './common';
import { ExactTooltip } from './ExactTooltip';
import { COLOURS } from './palette';
import { Patterns, fillFor } from './Patterns';
import { WrappedTick } from './WrappedTick';

const CONTRIBUTION = { colour: COLOURS.green, pattern: 'dots' } as const;

export function describeTrajectoryRow(r: TrajectoryRow) {
  const money = (p: TrajectoryRow['gross']) => (p === null ? 'none' : formatPounds(p));
  return {
    heading: r.label,
    lines: [
      { name: r.originalProfile !== null ? 'Agreed deficit profile (revised)' : 'Agreed deficit profile', value: money(r.profile) },
      ...(r.originalProfile !== null ? [{ name: 'Original profile', value: money(r.originalProfile) }] : []),
      { name: `Gross cumulative deficit (${grossKindText(r)})`, value: money(r.gross) },
      { name: 'Net after DfE contributions', value: money(r.net) },
      { name: 'DfE contribution for the year', value: money(r.contribution) },
      { name: 'In-year surplus required', value: r.surplusRequired ? 'Yes' : 'No' },
    ],
  };
}

/** The net line's points are triangles, as its legend shows, so it differs from the gross line by shape too. */
function netDot(props: { cx?: number; cy?: number; index?: number }) {
  if (props.cx == null || props.cy == null) return <g key={props.index} />;
  return <Symbols key={props.index} cx={props.cx} cy={props.cy} type="triangle" size={110} fill={COLOURS.blue} />;
}

export function TrajectoryChart({ rows, title }: { rows: TrajectoryRow[]; title: string }) {
  const prefix = useId().replace(/:/g, '');
  const axis = moneyAxis(rows.flatMap((r) => [r.pProfile, r.pOriginalProfile, r.pOutturn, r.pForecast, r.pNet, r.pContribution]));
  const surplus = new Set(rows.filter((r) => r.surplusRequired).map((r) => r.label));
  return (
    <ComposedChart data={rows} style={CHART_STYLE(340)} responsive accessibilityLayer margin={MARGIN} title={title}>
      <Patterns prefix={prefix} styles={[CONTRIBUTION]} />
      <CartesianGrid stroke="#d8d8d8" vertical={false} />
      <XAxis
        dataKey="label"
        height={48}
        interval={0}
        tick={(p) => <WrappedTick {...p} extra={(v) => (surplus.has(v) ? 'surplus due' : null)} short={(v) => v.replace(/^20(\d\d-\d\d)$/, '$1')} />}
      />
      <YAxis tickFormatter={axis.format} tick={AXIS_TICK} width={72} label={{ value: axis.label, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, offset: 0 }} />
      <Tooltip content={(p) => <ExactTooltip {...p} describe={describeTrajectoryRow} />} />
      <Legend itemSorter={null} verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
      <Bar dataKey="pContribution" name="DfE contribution for the year (dotted bars)" fill={fillFor(prefix, CONTRIBUTION)} stroke={COLOURS.green} isAnimationActive={false} legendType="rect" maxBarSize={48} />
      <Line dataKey="pProfile" name="Agreed deficit profile (dashed)" stroke={COLOURS.black} strokeDasharray="8 4" strokeWidth={2} dot={{ r: 4, fill: COLOURS.black }} legendType="plainline" isAnimationActive={false} connectNulls />
      {rows.some((r) => r.originalProfile !== null) && <Line dataKey="pOriginalProfile" name="Original profile, before revision (dotted, grey)" stroke={COLOURS.grey} strokeDasharray="2 4" strokeWidth={2} dot={{ r: 4, fill: '#fff', stroke: COLOURS.grey, strokeWidth: 2 }} legendType="plainline" isAnimationActive={false} connectNulls />}
      <Line dataKey="pOutturn" name="Gross cumulative deficit: outturn" stroke={COLOURS.vermillion} strokeWidth={3} dot={{ r: 6, fill: COLOURS.vermillion }} legendType="circle" isAnimationActive={false} />
      {rows.some((r) => r.grossKind === 'forecast') && <Line dataKey="pForecast" name="Gross cumulative deficit: forecast (hollow)" stroke={COLOURS.vermillion} strokeDasharray="3 3" strokeWidth={2} dot={{ r: 6, fill: '#fff', strokeWidth: 2 }} legendType="circle" isAnimationActive={false} />}
      <Line dataKey="pNet" name="Net after DfE contributions" stroke={COLOURS.blue} strokeWidth={2} dot={netDot} legendType="triangle" isAnimationActive={false} />
    </ComposedChart>
  );
}
