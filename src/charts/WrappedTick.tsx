/** An x-axis tick whose label wraps onto lines, so long category names fit at 768px wide. */
import type { XAxisTickContentProps } from 'recharts';

export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function WrappedTick(props: XAxisTickContentProps & { maxChars?: number; fontSize?: number; extra?: (value: string) => string | null }) {
  const value = String(props.payload.value);
  const lines = wrapWords(value, props.maxChars ?? 14);
  const extra = props.extra?.(value);
  return (
    <g transform={`translate(${props.x},${props.y})`}>
      <text textAnchor="middle" fill="#0b0c0c" fontSize={props.fontSize ?? 12}>
        {lines.map((l, i) => (
          <tspan key={i} x={0} dy={i === 0 ? 12 : (props.fontSize ?? 12) + 2}>{l}</tspan>
        ))}
        {extra && <tspan x={0} dy={14} fontStyle="italic">{extra}</tspan>}
      </text>
    </g>
  );
}
