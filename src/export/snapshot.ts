/**
 * Makes the read-only snapshot file: the built single-file template (the app's own file, fetched
 * from beside it) with the workspace's data written in. Nothing is sent anywhere.
 */
import type { Settings } from '../model/settings';
import type { Dataset } from '../model/dataset';
import { formatDateTime } from '../domain/format';
import { fileNameFor } from '../domain/settings';
import { injectSnapshot, makeSnapshotPayload } from '../domain/snapshot';
import { downloadBlob } from './download';
import { sha256Hex } from './sha256';

export const SNAPSHOT_TEMPLATE = 'snapshot.html';

export async function buildSnapshotHtml(
  content: { dataset: Dataset; settings: Settings; fy: number | null; period: number | null },
  asAt: string,
): Promise<{ html: string; sha256: string }> {
  const response = await fetch(SNAPSHOT_TEMPLATE).catch(() => null);
  const template = response?.ok ? await response.text() : null;
  if (!template || !template.includes('dsg-snapshot-data')) {
    throw new Error('The snapshot template is not part of this copy of the app: it comes with the built app (npm start or npm run build).');
  }
  const producedAt = formatDateTime(new Date());
  const payload = await makeSnapshotPayload(content, { asAt, producedAt }, sha256Hex);
  return { html: injectSnapshot(template, payload), sha256: payload.sha256 };
}

export async function downloadSnapshot(
  content: { dataset: Dataset; settings: Settings; fy: number | null; period: number | null },
  asAt: string,
  fileLabel: string,
): Promise<string> {
  const { html, sha256 } = await buildSnapshotHtml(content, asAt);
  downloadBlob(fileNameFor(content.settings, `dsg-snapshot-${fileLabel}.html`), new Blob([html], { type: 'text/html' }));
  return sha256;
}
