/** Agreed profile, gross cumulative deficit (outturn, then forecast), net deficit and DfE contributions, per year. */
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { useId } from 'react';
import { formatPounds } from '../../domain/format';
import { grossKindText, type TrajectoryRow } from './shape';
import { moneyAxis } from '../../charts/axis';
import { AXIS_LABEL_STYLE, AXIS_TICK, CHART_STYLE, MARGIN } from '../../charts/common';
import { ChartLegend, markerDot, type LegendItem, type LineMark } from '../../charts/Markers';
import { ExactTooltip } from '../../charts/ExactTooltip';
import { COLOURS } from '../../charts/palette';
import { Patterns, fillFor } from '../../charts/Patterns';
import { WrappedTick } from '../../charts/WrappedTick';

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

const PROFILE: LineMark = { kind: 'line', colour: COLOURS.black, dash: '8 4', shape: 'circle', size: 4 };
const ORIGINAL: LineMark = { kind: 'line', colour: COLOURS.grey, dash: '2 4', shape: 'circle', hollow: true, size: 4 };
const OUTTURN: LineMark = { kind: 'line', colour: COLOURS.vermillion, shape: 'circle', size: 6 };
const FORECAST: LineMark = { kind: 'line', colour: COLOURS.vermillion, dash: '3 3', shape: 'circle', hollow: true, size: 6 };
const NET: LineMark = { kind: 'line', colour: COLOURS.blue, shape: 'triangle', size: 5 };

// The forecast line starts from the last outturn point; only the forecast years get its hollow marker.
const forecastDot = markerDot<TrajectoryRow>(FORECAST, (r) => r.grossKind === 'forecast');

export function TrajectoryChart({ rows, title }: { rows: TrajectoryRow[]; title: string }) {
  const prefix = useId().replace(/:/g, '');
  const axis = moneyAxis(rows.flatMap((r) => [r.pProfile, r.pOriginalProfile, r.pOutturn, r.pForecast, r.pNet, r.pContribution]));
  const surplus = new Set(rows.filter((r) => r.surplusRequired).map((r) => r.label));
  const hasOriginal = rows.some((r) => r.originalProfile !== null);
  const hasForecast = rows.some((r) => r.grossKind === 'forecast');
  const legend: LegendItem[] = [
    { name: 'DfE contribution for the year (dotted bars)', mark: { kind: 'bar', colour: COLOURS.green, fill: fillFor(prefix, CONTRIBUTION) } },
    { name: 'Agreed deficit profile (dashed)', mark: PROFILE },
    ...(hasOriginal ? [{ name: 'Original profile, before revision (dotted, grey, hollow circles)', mark: ORIGINAL }] : []),
    { name: 'Gross cumulative deficit: outturn (solid circles)', mark: OUTTURN },
    ...(hasForecast ? [{ name: 'Gross cumulative deficit: forecast (dashed, hollow circles)', mark: FORECAST }] : []),
    { name: 'Net after DfE contributions (triangles)', mark: NET },
  ];
  return (
    <>
      <ChartLegend items={legend} />
      <ComposedChart data={rows} style={CHART_STYLE(300)} responsive accessibilityLayer margin={MARGIN} title={title}>
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
        <Bar dataKey="pContribution" name="DfE contribution for the year" fill={fillFor(prefix, CONTRIBUTION)} stroke={COLOURS.green} isAnimationActive={false} maxBarSize={48} />
        <Line dataKey="pProfile" name="Agreed deficit profile" stroke={PROFILE.colour} strokeDasharray={PROFILE.dash} strokeWidth={2} dot={markerDot(PROFILE)} isAnimationActive={false} connectNulls />
        {hasOriginal && <Line dataKey="pOriginalProfile" name="Original profile" stroke={ORIGINAL.colour} strokeDasharray={ORIGINAL.dash} strokeWidth={2} dot={markerDot(ORIGINAL)} isAnimationActive={false} connectNulls />}
        <Line dataKey="pOutturn" name="Gross cumulative deficit: outturn" stroke={OUTTURN.colour} strokeWidth={3} dot={markerDot(OUTTURN)} isAnimationActive={false} />
        {hasForecast && <Line dataKey="pForecast" name="Gross cumulative deficit: forecast" stroke={FORECAST.colour} strokeDasharray={FORECAST.dash} strokeWidth={2} dot={forecastDot} isAnimationActive={false} />}
        <Line dataKey="pNet" name="Net after DfE contributions" stroke={NET.colour} strokeWidth={2} dot={markerDot(NET)} isAnimationActive={false} />
      </ComposedChart>
    </>
  );
}
