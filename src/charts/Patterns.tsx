/**
 * Fill patterns for bars, so series differ by texture as well as colour. Rendered as <defs>
 * inside each chart (Recharts passes <defs> through), with ids unique to that chart.
 */
import type { PatternKind, SeriesStyle } from './palette';

export function patternId(prefix: string, s: SeriesStyle): string {
  return `${prefix}-${s.pattern}-${s.colour.slice(1)}`;
}

/** The fill for a series: its colour when solid, else its pattern. */
export function fillFor(prefix: string, s: SeriesStyle): string {
  return s.pattern === 'solid' ? s.colour : `url(#${patternId(prefix, s)})`;
}

function Marks({ kind }: { kind: PatternKind }) {
  if (kind === 'stripes') return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" strokeWidth={1.6} />;
  if (kind === 'dots') return <circle cx={4} cy={4} r={1.6} fill="#fff" />;
  if (kind === 'cross') return <path d="M0,4 H8 M4,0 V8" stroke="#fff" strokeWidth={1.2} />;
  return null;
}

export function Patterns({ prefix, styles }: { prefix: string; styles: SeriesStyle[] }) {
  const seen = new Set<string>();
  return (
    <defs>
      {styles
        .filter((s) => s.pattern !== 'solid')
        .filter((s) => (seen.has(patternId(prefix, s)) ? false : (seen.add(patternId(prefix, s)), true)))
        .map((s) => (
          <pattern key={patternId(prefix, s)} id={patternId(prefix, s)} width={8} height={8} patternUnits="userSpaceOnUse">
            <rect width={8} height={8} fill={s.colour} />
            <Marks kind={s.pattern} />
          </pattern>
        ))}
    </defs>
  );
}
