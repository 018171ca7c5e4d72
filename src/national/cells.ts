/**
 * A published cell: a figure, or a mark saying why the DfE did not publish one. The marks and
 * their meanings are the explore-education-statistics conventions; the SEN2 2025 data guidance
 * lists `x` (unavailable) and `z` (not applicable); other releases use `c`, `:`, `low` and `u`,
 * and the tribunal table prints `..` (not available), `~` (suppressed) and `-` (nil).
 */
import Decimal from 'decimal.js';

export const MARKS: Record<string, string> = {
  x: 'unavailable (x)',
  z: 'not applicable (z)',
  c: 'confidential (c)',
  ':': 'not available (:)',
  low: 'rounds to zero but is not zero (low)',
  u: 'low reliability (u)',
  '..': 'not available (..)',
  '~': 'suppressed (~)',
};

export type Cell = { ok: true; value: Decimal } | { ok: false; reason: string };

const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Reads a cell as the DfE prints it: `1,643`, `2.30%`, `-` for nil (the tribunal table), or a
 * mark. Anything else is not a figure, and says what it was.
 */
export function readCell(raw: string | undefined): Cell {
  const s = (raw ?? '').trim();
  if (s === '') return { ok: false, reason: 'left blank' };
  const mark = MARKS[s.toLowerCase()];
  if (mark) return { ok: false, reason: `not published: ${mark}` };
  if (s === '-') return { ok: true, value: new Decimal(0) };
  const t = s.endsWith('%') ? s.slice(0, -1).trim() : s;
  if (!NUMBER.test(t)) return { ok: false, reason: `not a figure: "${s}"` };
  return { ok: true, value: new Decimal(t.replace(/,/g, '')) };
}

/** A percentage as the DfE prints it: one decimal, halves rounded up. */
export function pct1(d: Decimal): string {
  return d.toFixed(1, Decimal.ROUND_HALF_UP);
}
