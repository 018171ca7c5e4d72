/** The EHCP charts: plans against target, monthly flows in and out, requests for assessment against target. */
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { countText, type EhcpRow } from './shape';
import { countTicks, formatCountTick } from '../../charts/axis';
import { AXIS_LABEL_STYLE, AXIS_TICK, CHART_STYLE, LEGEND_STYLE, MARGIN } from '../../charts/common';
import { ExactTooltip } from '../../charts/ExactTooltip';
import { ChartLegend, markerDot, type LegendItem, type LineMark } from '../../charts/Markers';
import { COLOURS } from '../../charts/palette';
import { Patterns, fillFor } from '../../charts/Patterns';

const yLabel = (value: string) => ({ value, angle: -90, position: 'insideLeft' as const, style: AXIS_LABEL_STYLE, offset: 0 });
const xLabel = { value: 'Month', position: 'insideBottom' as const, offset: -4, style: AXIS_LABEL_STYLE };

const PLANS: LineMark = { kind: 'line', colour: COLOURS.blue, shape: 'circle', size: 5 };
const TARGET: LineMark = { kind: 'line', colour: COLOURS.black, dash: '8 4', shape: 'square', size: 4 };

/** A target line, its legend entry and its tooltip line only where a target is set for some month shown. */
export function PlansChart({ rows, title }: { rows: EhcpRow[]; title: string }) {
  const targeted = rows.some((r) => r.target !== null);
  const ticks = countTicks(rows.flatMap((r) => [r.plansAtEnd, r.target]));
  const describe = (r: EhcpRow) => ({
    heading: r.month,
    lines: [
      { name: 'Plans at end of month', value: countText(r.plansAtEnd) },
      ...(targeted ? [{ name: 'Target', value: countText(r.target) }] : []),
    ],
  });
  const legend: LegendItem[] = [
    { name: 'Plans at end of month (solid, circles)', mark: PLANS },
    ...(targeted ? [{ name: 'Target (dashed, squares)', mark: TARGET }] : []),
  ];
  return (
    <>
      <ChartLegend items={legend} />
      <LineChart data={rows} style={CHART_STYLE(270)} responsive accessibilityLayer margin={MARGIN} title={title}>
        <CartesianGrid stroke="#d8d8d8" vertical={false} />
        <XAxis dataKey="short" tick={AXIS_TICK} label={xLabel} height={44} />
        <YAxis tickFormatter={formatCountTick} tick={AXIS_TICK} width={72} ticks={ticks} domain={ticks ? [ticks[0]!, ticks[ticks.length - 1]!] : ['auto', 'auto']} interval={0} label={yLabel('Plans in force (count)')} />
        <Tooltip content={(p) => <ExactTooltip {...p} describe={describe} />} />
        <Line dataKey="plansAtEnd" name="Plans at end of month" stroke={PLANS.colour} strokeWidth={3} dot={markerDot(PLANS)} isAnimationActive={false} />
        {targeted && <Line dataKey="target" name="Target" stroke={TARGET.colour} strokeDasharray={TARGET.dash} strokeWidth={2} dot={markerDot(TARGET)} isAnimationActive={false} connectNulls />}
      </LineChart>
    </>
  );
}

const IN = { colour: COLOURS.blue, pattern: 'solid' } as const;
const OUT = { colour: COLOURS.vermillion, pattern: 'stripes' } as const;

export function FlowsChart({ rows, title }: { rows: EhcpRow[]; title: string }) {
  const prefix = useId().replace(/:/g, '');
  const describe = (r: EhcpRow) => ({
    heading: r.month,
    lines: [
      { name: 'New plans and transfers in', value: countText(r.inflows) },
      { name: 'Plans ended', value: countText(r.outflows) },
    ],
  });
  return (
    <BarChart data={rows} style={CHART_STYLE(320)} responsive accessibilityLayer margin={MARGIN} stackOffset="sign" title={title}>
      <Patterns prefix={prefix} styles={[OUT]} />
      <CartesianGrid stroke="#d8d8d8" vertical={false} />
      <XAxis dataKey="short" tick={AXIS_TICK} interval="preserveStartEnd" label={xLabel} height={44} />
      <YAxis tickFormatter={(n: number) => formatCountTick(Math.abs(n))} tick={AXIS_TICK} width={72} label={yLabel('Plans a month (count)')} />
      <ReferenceLine y={0} stroke={COLOURS.black} />
      <Tooltip content={(p) => <ExactTooltip {...p} describe={describe} />} />
      <Legend itemSorter={null} verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
      <Bar dataKey="inflows" stackId="flow" name="Began: new plans and transfers in (solid, above the line)" fill={fillFor(prefix, IN)} isAnimationActive={false} legendType="rect" />
      <Bar dataKey="pOutflows" stackId="flow" name="Ended (striped, below the line)" fill={fillFor(prefix, OUT)} stroke={COLOURS.vermillion} isAnimationActive={false} legendType="rect" />
    </BarChart>
  );
}

export function RsaChart({ rows, title }: { rows: EhcpRow[]; title: string }) {
  const targeted = rows.some((r) => r.rsaTarget !== null);
  const describe = (r: EhcpRow) => ({
    heading: r.month,
    lines: [
      { name: 'Requests received', value: countText(r.rsaReceived) },
      ...(targeted ? [{ name: 'Target', value: countText(r.rsaTarget) }] : []),
      { name: 'Refused', value: countText(r.rsaRefused) },
      { name: 'Refusal rate', value: r.refusalRate ?? 'not given' },
    ],
  });
  // The refusal rate gets its own axis (a percentage) and appears only where refusals are recorded.
  const rates = rows.some((r) => r.pRefusalRate !== null);
  return (
    <ComposedChart data={rows} style={CHART_STYLE(320)} responsive accessibilityLayer margin={MARGIN} title={title}>
      <CartesianGrid stroke="#d8d8d8" vertical={false} />
      <XAxis dataKey="short" tick={AXIS_TICK} interval="preserveStartEnd" label={xLabel} height={44} />
      <YAxis yAxisId="count" tickFormatter={formatCountTick} tick={AXIS_TICK} width={72} label={yLabel('Requests a month (count)')} />
      {rates && (
        <YAxis
          yAxisId="rate"
          orientation="right"
          domain={[0, 100]}
          tickFormatter={(n: number) => `${n}%`}
          tick={AXIS_TICK}
          width={64}
          label={{ value: 'Refusal rate (%)', angle: 90, position: 'insideRight', style: AXIS_LABEL_STYLE, offset: 0 }}
        />
      )}
      <Tooltip content={(p) => <ExactTooltip {...p} describe={describe} />} />
      <Legend itemSorter={null} verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
      <Bar yAxisId="count" dataKey="rsaReceived" name="Requests received (bars)" fill={COLOURS.blue} isAnimationActive={false} legendType="rect" />
      {targeted && (
        <Line yAxisId="count" dataKey="rsaTarget" name="Target (dashed step)" type="stepAfter" stroke={COLOURS.black} strokeDasharray="8 4" strokeWidth={2} dot={false} legendType="plainline" isAnimationActive={false} />
      )}
      {rates && (
        <Line yAxisId="rate" dataKey="pRefusalRate" name="Refusal rate (dotted, diamonds)" stroke={COLOURS.vermillion} strokeDasharray="2 3" strokeWidth={2} dot={{ r: 4, fill: COLOURS.vermillion }} legendType="diamond" isAnimationActive={false} connectNulls />
      )}
    </ComposedChart>
  );
}
