/**
 * Tooltip content that prints the exact formatted figures kept on each data row, never the
 * plotted floats, so the tooltip says exactly what the table says.
 */
export interface TooltipLine {
  name: string;
  value: string;
}

interface Props<Row> {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: Row }>;
  describe: (row: Row) => { heading: string; lines: TooltipLine[] };
}

export function ExactTooltip<Row>({ active, payload, describe }: Props<Row>) {
  const row = payload?.[0]?.payload;
  if (!active || row === undefined) return null;
  const { heading, lines } = describe(row);
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-heading">{heading}</p>
      <dl>
        {lines.map((l) => (
          <div key={l.name}>
            <dt>{l.name}</dt>
            <dd>{l.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
