/**
 * The read-only snapshot: the dashboard on the data written into this file, with no import,
 * editing or storage. It checks the data against the fingerprint it was written with.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../app/App';
import { SNAPSHOT_ELEMENT_ID, readSnapshot, type SnapshotPayload } from '../domain/snapshot';
import { sha256Hex } from '../export/sha256';
import { authorityName } from '../domain/settings';
import { useWorkspace } from '../store/workspace';
import '../app/styles.css';

function Banner({ payload, council }: { payload: SnapshotPayload; council: string | null }) {
  const canCheck = Boolean(globalThis.crypto?.subtle);
  const [check, setCheck] = useState<'checking' | 'verified' | 'mismatch' | 'unavailable'>(canCheck ? 'checking' : 'unavailable');
  useEffect(() => {
    if (!canCheck) return;
    sha256Hex(payload.content).then(
      (h) => setCheck(h === payload.sha256 ? 'verified' : 'mismatch'),
      () => setCheck('unavailable'),
    );
  }, [payload, canCheck]);
  return (
    <div className="app-source snapshot-banner" data-testid="snapshot-banner">
      <p>
        Read-only snapshot{council ? ` of ${council}'s figures` : ''}, as at {payload.asAt}. Made {payload.producedAt}.
      </p>
      <p>
        Data fingerprint (SHA-256): <code data-testid="snapshot-fingerprint">{payload.sha256}</code>{' '}
        <span data-testid="snapshot-check">
          {check === 'verified' && '(checked: the data is as written)'}
          {check === 'mismatch' && '(WARNING: the data does not match its fingerprint; it may have been altered)'}
          {check === 'unavailable' && '(this browser cannot check it)'}
          {check === 'checking' && '(checking…)'}
        </span>
      </p>
    </div>
  );
}

const root = createRoot(document.getElementById('root')!);
const read = readSnapshot(document.getElementById(SNAPSHOT_ELEMENT_ID)?.textContent);
if (!read.ok) {
  root.render(
    <main id="main">
      <h1>DSG Safety Valve monitor: snapshot</h1>
      <p role="alert">{read.reason}</p>
    </main>,
  );
} else {
  const { dataset, settings, fy, period } = read.content;
  // Straight into the store, never through its storage: a snapshot keeps nothing in the browser.
  useWorkspace.setState({ dataset, settings, selectedFy: fy, selectedPeriod: period, role: 'forum', source: 'user', hydrated: true });
  root.render(
    <StrictMode>
      <App readOnly banner={<Banner payload={read.payload} council={authorityName(settings)} />} />
    </StrictMode>,
  );
}
