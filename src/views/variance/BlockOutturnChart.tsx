/** Budget against forecast outturn for each block: two bars per block, told apart by pattern and legend. */
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { describeVariance, formatPounds } from '../../domain/format';
import type { BlockOutturnRow } from './shape';
import { moneyAxis } from '../../charts/axis';
import { AXIS_LABEL_STYLE, AXIS_TICK, CHART_STYLE, LEGEND_STYLE, MARGIN } from '../../charts/common';
import { ExactTooltip } from '../../charts/ExactTooltip';
import { COLOURS } from '../../charts/palette';
import { Patterns, fillFor } from '../../charts/Patterns';
import { WrappedTick } from '../../charts/WrappedTick';

const BUDGET = { colour: COLOURS.grey, pattern: 'stripes' } as const;
const OUTTURN = { colour: COLOURS.blue, pattern: 'solid' } as const;

function describe(r: BlockOutturnRow) {
  return {
    heading: r.block,
    lines: [
      { name: 'Budget', value: formatPounds(r.budget) },
      { name: 'Forecast outturn', value: formatPounds(r.forecastOutturn) },
      { name: 'Variance', value: `${formatPounds(r.variance)}: ${describeVariance(r.variance)}` },
    ],
  };
}

export function BlockOutturnChart({ rows, title, outturnName }: { rows: BlockOutturnRow[]; title: string; outturnName: string }) {
  const prefix = useId().replace(/:/g, '');
  const axis = moneyAxis(rows.flatMap((r) => [r.pBudget, r.pOutturn]));
  return (
    <BarChart data={rows} style={CHART_STYLE(320)} responsive accessibilityLayer margin={MARGIN} title={title}>
      <Patterns prefix={prefix} styles={[BUDGET]} />
      <CartesianGrid stroke="#d8d8d8" vertical={false} />
      <XAxis dataKey="block" height={48} interval={0} tick={(p) => <WrappedTick {...p} maxChars={16} />} />
      <YAxis tickFormatter={axis.format} tick={AXIS_TICK} width={72} label={{ value: axis.label, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, offset: 0 }} />
      <Tooltip content={(p) => <ExactTooltip {...p} describe={describe} />} />
      <Legend itemSorter={null} verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
      <Bar dataKey="pBudget" name="Budget (striped)" fill={fillFor(prefix, BUDGET)} stroke={COLOURS.grey} isAnimationActive={false} legendType="rect" />
      <Bar dataKey="pOutturn" name={`${outturnName} (solid)`} fill={fillFor(prefix, OUTTURN)} isAnimationActive={false} legendType="rect" />
    </BarChart>
  );
}
