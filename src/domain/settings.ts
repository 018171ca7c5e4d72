/** User settings the calculations read, and their validation. */
import Decimal from 'decimal.js';
import type { Parsed } from './calendar';

export const TOLERANCE_ACCEPTED = 'a fraction from 0 to 1 such as 0.02, or a percentage such as 2%';

/** "0.02" or "2%" → "0.02" (the amber tolerance as a fraction of the profile). */
export function parseTolerance(raw: string): Parsed<string> {
  const s = raw.trim();
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(%?)$/.exec(s);
  if (!m) return { ok: false, reason: `"${raw}" is not a tolerance` };
  let d = new Decimal(m[1]!);
  if (m[2]) d = d.div(100);
  if (d.gt(1)) return { ok: false, reason: `"${raw}" is more than 100%` };
  return { ok: true, value: d.toString() };
}
