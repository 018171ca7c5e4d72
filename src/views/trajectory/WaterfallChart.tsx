/** The selected year's waterfall: opening deficit, each block's in-year change, DfE contributions, closing gross and net. */
import { Bar, CartesianGrid, BarChart, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPounds } from '../../domain/format';
import type { StepKind, WaterfallStep } from './shape';
import { moneyAxis } from '../../charts/axis';
import { AXIS_LABEL_STYLE, AXIS_TICK, CHART_STYLE, MARGIN } from '../../charts/common';
import { ExactTooltip } from '../../charts/ExactTooltip';
import { COLOURS } from '../../charts/palette';
import { WrappedTick } from '../../charts/WrappedTick';

export const STEP_COLOUR: Record<StepKind, string> = { total: COLOURS.grey, increase: COLOURS.vermillion, decrease: COLOURS.blue };
export const STEP_NAME: Record<StepKind, string> = {
  total: 'Total (grey)',
  increase: 'Increase: + before the amount',
  decrease: 'Decrease: amount in brackets',
};

function describe(s: WaterfallStep) {
  const what = s.kind === 'total' ? 'Total' : s.kind === 'increase' ? 'Increase' : 'Decrease';
  return { heading: s.label, lines: [{ name: what, value: formatPounds(s.amount) }, { name: 'Running total', value: formatPounds(s.to) }] };
}

export function WaterfallChart({ steps, title }: { steps: WaterfallStep[]; title: string }) {
  const axis = moneyAxis(steps.flatMap((s) => s.range));
  return (
    <>
      <ul className="chart-legend" aria-label="Key">
        {(['total', 'increase', 'decrease'] as StepKind[]).map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: STEP_COLOUR[k] }} aria-hidden="true" />
            {STEP_NAME[k]}
          </li>
        ))}
      </ul>
      <BarChart data={steps} style={CHART_STYLE(360)} responsive accessibilityLayer margin={{ ...MARGIN, top: 24 }} title={title}>
        <CartesianGrid stroke="#d8d8d8" vertical={false} />
        <XAxis dataKey="label" height={64} interval={0} tick={(p) => <WrappedTick {...p} maxChars={10} fontSize={11} />} />
        <YAxis tickFormatter={axis.format} tick={AXIS_TICK} width={72} label={{ value: axis.label, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, offset: 0 }} />
        <ReferenceLine y={0} stroke={COLOURS.black} />
        <Tooltip content={(p) => <ExactTooltip {...p} describe={describe} />} />
        <Bar dataKey="range" name="Amount" isAnimationActive={false} maxBarSize={72}>
          {steps.map((s) => (
            <Cell key={s.label} fill={STEP_COLOUR[s.kind]} />
          ))}
          <LabelList dataKey="text" position="top" fill={COLOURS.black} fontSize={12} />
        </Bar>
      </BarChart>
    </>
  );
}
