/**
 * An x-axis tick whose label wraps onto lines, so long category names fit at 768px wide, and
 * wraps tighter where the ticks are close together (a phone's 320px), breaking after hyphens
 * too ("2022-" over "23"), so that neighbouring labels never overlap.
 */
import type { XAxisTickContentProps } from 'recharts';

/** Words of at most `maxChars`, where possible: a longer word is broken after a hyphen. */
function pieces(word: string, maxChars: number): string[] {
  if (word.length <= maxChars || !word.includes('-')) return [word];
  const out: string[] = [];
  for (const part of word.split(/(?<=-)/)) {
    const last = out[out.length - 1];
    if (last !== undefined && (last + part).length <= maxChars) out[out.length - 1] = last + part;
    else out.push(part);
  }
  return out;
}

export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    for (const piece of pieces(word, maxChars)) {
      const last = lines[lines.length - 1];
      if (last !== undefined && !last.endsWith('-') && (last + ' ' + piece).length <= maxChars) lines[lines.length - 1] = `${last} ${piece}`;
      else lines.push(piece);
    }
  }
  return lines;
}

/** Characters that fit in the room each tick has: an average character is about 0.6 of the font size wide. */
export function charsThatFit(axisWidth: number | string | undefined, ticks: number, fontSize: number, preferred: number): number {
  const width = Number(axisWidth);
  if (!Number.isFinite(width) || width <= 0 || ticks <= 0) return preferred;
  return Math.max(3, Math.min(preferred, Math.floor(width / ticks / (fontSize * 0.6))));
}

export function WrappedTick(props: XAxisTickContentProps & { maxChars?: number; fontSize?: number; extra?: (value: string) => string | null; short?: (value: string) => string }) {
  const full = String(props.payload.value);
  const preferred = props.fontSize ?? 12;
  // Where the ticks are close together, a smaller font and the short form of the label.
  const tight = charsThatFit(props.width, props.visibleTicksCount, preferred, props.maxChars ?? 14) < Math.min(props.maxChars ?? 14, 8);
  const fontSize = tight ? Math.min(preferred, 11) : preferred;
  const maxChars = charsThatFit(props.width, props.visibleTicksCount, fontSize, props.maxChars ?? 14);
  const value = tight && props.short ? props.short(full) : full;
  const lines = wrapWords(value, maxChars);
  // A note under the label ("surplus due") is left out where its words cannot fit: the table and
  // the tooltip still say it.
  const note = props.extra?.(full);
  const extra = note && note.split(/\s+/).every((w) => w.length <= maxChars) ? note : null;
  return (
    <g transform={`translate(${props.x},${props.y})`}>
      <text textAnchor="middle" fill="#0b0c0c" fontSize={fontSize}>
        {lines.map((l, i) => (
          <tspan key={i} x={0} dy={i === 0 ? 12 : fontSize + 2}>{l}</tspan>
        ))}
        {extra && wrapWords(extra, maxChars).map((l, i) => (
          <tspan key={`extra-${i}`} x={0} dy={fontSize + 2} fontStyle="italic">{l}</tspan>
        ))}
      </text>
    </g>
  );
}
