/** In-month variance by block (bars, one pattern per block) and the cumulative year-to-date variance (line). */
import { useId } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Block } from '../../model/blocks';
import { formatPounds } from '../../domain/format';
import { ZERO } from '../../model/money';
import type { VarianceMonthRow } from './shape';
import { moneyAxis } from '../../charts/axis';
import { AXIS_LABEL_STYLE, AXIS_TICK, CHART_STYLE, LEGEND_STYLE, MARGIN } from '../../charts/common';
import { ExactTooltip } from '../../charts/ExactTooltip';
import { BLOCK_STYLE, COLOURS } from '../../charts/palette';
import { Patterns, fillFor } from '../../charts/Patterns';

export function VarianceChart({ rows, blocks, title }: { rows: VarianceMonthRow[]; blocks: Block[]; title: string }) {
  const prefix = useId().replace(/:/g, '');
  const axis = moneyAxis(rows.flatMap((r) => [...blocks.map((b) => r[`p:${b}`] ?? null), r['p:cumulative'] ?? null]));
  const describe = (r: VarianceMonthRow) => ({
    heading: r.month,
    lines: [
      ...blocks.map((b) => ({ name: `${b} in-month`, value: formatPounds(r.byBlock[b] ?? ZERO) })),
      { name: 'All blocks in-month', value: formatPounds(r.total) },
      { name: 'Year to date', value: formatPounds(r.cumulative) },
    ],
  });
  return (
    <ComposedChart data={rows} style={CHART_STYLE(380)} responsive accessibilityLayer margin={MARGIN} title={title}>
      <Patterns prefix={prefix} styles={blocks.map((b) => BLOCK_STYLE[b])} />
      <CartesianGrid stroke="#d8d8d8" vertical={false} />
      <XAxis dataKey="short" tick={AXIS_TICK} interval="preserveStartEnd" label={{ value: 'Month', position: 'insideBottom', offset: -4, style: AXIS_LABEL_STYLE }} height={44} />
      <YAxis tickFormatter={axis.format} tick={AXIS_TICK} width={72} label={{ value: `Over (under) spend, ${axis.label}`, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE, offset: 0 }} />
      <ReferenceLine y={0} stroke={COLOURS.black} />
      <Tooltip content={(p) => <ExactTooltip {...p} describe={describe} />} />
      <Legend itemSorter={null} verticalAlign="top" wrapperStyle={LEGEND_STYLE} />
      {blocks.map((b) => (
        <Bar key={b} dataKey={`p:${b}`} name={`${b} (${BLOCK_STYLE[b].pattern})`} fill={fillFor(prefix, BLOCK_STYLE[b])} stroke={BLOCK_STYLE[b].colour} isAnimationActive={false} legendType="rect" />
      ))}
      <Line dataKey="p:cumulative" name="Year-to-date variance, all blocks (line)" stroke={COLOURS.black} strokeWidth={2} dot={{ r: 4, fill: COLOURS.black }} legendType="diamond" isAnimationActive={false} />
    </ComposedChart>
  );
}
