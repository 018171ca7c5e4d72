/**
 * The read-only snapshot for forum members (issue 5): the built single-file app with the data
 * written into it. The data travels as one JSON string whose SHA-256 is its fingerprint, so the
 * snapshot can show, and check, exactly which data it holds.
 */
import type { Settings } from './calculate';
import type { Dataset } from './dataset';

export const SNAPSHOT_ELEMENT_ID = 'dsg-snapshot-data';
/** The empty slot the snapshot template ships with. */
export const SNAPSHOT_SLOT = `<script id="${SNAPSHOT_ELEMENT_ID}" type="application/json">null</script>`;

export interface SnapshotContent {
  dataset: Dataset;
  settings: Settings;
  /** The year and period the snapshot is as at. */
  fy: number | null;
  period: number | null;
}

export interface SnapshotPayload {
  format: 'dsg-monitor-snapshot';
  version: 1;
  /** "as at period 12 (March 2023), 2022-23" */
  asAt: string;
  producedAt: string;
  /** JSON of SnapshotContent; the fingerprint is the SHA-256 of exactly this text. */
  content: string;
  sha256: string;
}

export async function makeSnapshotPayload(
  content: SnapshotContent,
  meta: { asAt: string; producedAt: string },
  sha256: (text: string) => Promise<string>,
): Promise<SnapshotPayload> {
  const text = JSON.stringify(content);
  return { format: 'dsg-monitor-snapshot', version: 1, ...meta, content: text, sha256: await sha256(text) };
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
    if (payload?.format !== 'dsg-monitor-snapshot' || payload.version !== 1 || typeof payload.content !== 'string') {
      return { ok: false, reason: 'This file is not a DSG Safety Valve monitor snapshot this version can read.' };
    }
    return { ok: true, payload, content: JSON.parse(payload.content) as SnapshotContent };
  } catch {
    return { ok: false, reason: 'The data in this snapshot is damaged and cannot be read.' };
  }
}
