/**
 * The read-only snapshot for forum members (issue 5): the built single-file app with the data
 * written into it. Everything the page shows (the data, the settings, the year and period, and
 * the "as at" and "made" words) travels as one JSON string whose SHA-256 is its fingerprint.
 *
 * What the fingerprint proves, and what not: the page checks that the text it shows hashes to the
 * fingerprint written beside it. Anyone who edits the file can recompute that, so a match only
 * proves the file is the one fingerprinted if the fingerprint matches one received separately
 * (from the finance officer who made it). It proves nothing about who made it or whether the
 * figures were right when it was made.
 */
import type { Settings } from '../model/settings';
import type { Dataset } from '../model/dataset';

export const SNAPSHOT_ELEMENT_ID = 'dsg-snapshot-data';
/** The empty slot the snapshot template ships with. */
export const SNAPSHOT_SLOT = `<script id="${SNAPSHOT_ELEMENT_ID}" type="application/json">null</script>`;

export interface SnapshotContent {
  dataset: Dataset;
  settings: Settings;
  /** The year and period the snapshot is as at. */
  fy: number | null;
  period: number | null;
  /** "period 12 (March 2023), 2022-23": inside the fingerprinted text, as is everything shown. */
  asAt: string;
  producedAt: string;
}

export interface SnapshotPayload {
  format: 'dsg-monitor-snapshot';
  /** 2: the "as at" and "made" words moved inside the fingerprinted content. */
  version: 2;
  /** JSON of SnapshotContent; the fingerprint is the SHA-256 of exactly this text. */
  content: string;
  sha256: string;
}

export async function makeSnapshotPayload(
  content: Omit<SnapshotContent, 'asAt' | 'producedAt'>,
  meta: { asAt: string; producedAt: string },
  sha256: (text: string) => Promise<string>,
): Promise<SnapshotPayload> {
  const text = JSON.stringify({ ...content, ...meta });
  return { format: 'dsg-monitor-snapshot', version: 2, content: text, sha256: await sha256(text) };
}

/** "3f9a…c2": the fingerprint as the banner names it (the full one is printed beside it). */
export function shortFingerprint(sha: string): string {
  return sha.length > 8 ? `${sha.slice(0, 4)}…${sha.slice(-2)}` : sha;
}

/** Writes the payload into the template's slot; "<" is escaped so no data can close the script. */
export function injectSnapshot(template: string, payload: SnapshotPayload): string {
  // The slot is the last thing in the body, after the inlined app, so the last match is it.
  const at = template.lastIndexOf(SNAPSHOT_SLOT);
  if (at < 0) throw new Error('the snapshot template has no data slot');
  const json = JSON.stringify(payload).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const filled = `<script id="${SNAPSHOT_ELEMENT_ID}" type="application/json">${json}</script>`;
  return template.slice(0, at) + filled + template.slice(at + SNAPSHOT_SLOT.length);
}

export type ReadSnapshot = { ok: true; payload: SnapshotPayload; content: SnapshotContent } | { ok: false; reason: string };

/** Reads the payload text from the page, checking its shape (not yet its fingerprint). */
export function readSnapshot(text: string | null | undefined): ReadSnapshot {
  if (!text || text.trim() === 'null') return { ok: false, reason: 'This file holds no data: it is the empty snapshot template.' };
  try {
    const payload = JSON.parse(text) as SnapshotPayload;
    if (payload?.format !== 'dsg-monitor-snapshot' || payload.version !== 2 || typeof payload.content !== 'string' || typeof payload.sha256 !== 'string') {
      return { ok: false, reason: 'This file is not a DSG Safety Valve monitor snapshot this version can read.' };
    }
    const content = JSON.parse(payload.content) as SnapshotContent;
    const ok = (v: unknown) => v === null || (typeof v === 'number' && Number.isInteger(v));
    if (typeof content !== 'object' || content === null || typeof content.asAt !== 'string' || typeof content.producedAt !== 'string' || !ok(content.fy) || !ok(content.period)) {
      return { ok: false, reason: 'The data in this snapshot is damaged and cannot be read (its year, period or dates are missing).' };
    }
    return { ok: true, payload, content };
  } catch {
    return { ok: false, reason: 'The data in this snapshot is damaged and cannot be read.' };
  }
}
