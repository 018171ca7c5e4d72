/** User settings the calculations read, and their validation. */
import Decimal from 'decimal.js';
import type { Parsed } from '../model/calendar';

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

export const LA_CODE_ACCEPTED = "the DfE's three-digit local authority code, such as 880";

/** " 880 " → "880": the DfE's LA codes are three digits (201 to 938 in the DfE's lists). */
export function parseLaCode(raw: string): Parsed<string> {
  const s = raw.trim();
  if (!/^\d{3}$/.test(s)) return { ok: false, reason: `"${raw}" is not a local authority code` };
  return { ok: true, value: s };
}

/** A council name: text on one line, at most 100 characters. */
export function parseCouncilName(raw: string): Parsed<string> {
  const s = raw.replace(/\s+/g, ' ').trim();
  if (s.length > 100) return { ok: false, reason: `the name is ${s.length} characters long; give at most 100` };
  return { ok: true, value: s };
}

/** "Torbay Council (LA 880)", "Torbay Council", "LA 880", or null when neither is set. */
export function authorityName(settings: { councilName?: string; laCode?: string }): string | null {
  const name = settings.councilName?.trim();
  const code = settings.laCode ? `LA ${settings.laCode}` : '';
  if (name && code) return `${name} (${code})`;
  return name || code || null;
}

/** "torbay-council-880" for file names, or "" when nothing is set. */
export function authoritySlug(settings: { councilName?: string; laCode?: string }): string {
  return [settings.councilName ?? '', settings.laCode ?? '']
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A downloaded file's name with the council in front: "torbay-council-880-dsg-snapshot-2022-23-P12.html". */
export function fileNameFor(settings: { councilName?: string; laCode?: string }, name: string): string {
  const slug = authoritySlug(settings);
  return slug ? `${slug}-${name}` : name;
}
