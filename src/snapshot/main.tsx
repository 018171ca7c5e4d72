/**
 * The read-only snapshot: the dashboard on the data written into this file, with no import,
 * editing or storage. Nothing of the data is shown until its fingerprint has been checked: a
 * mismatch shows only the warning, damaged data a message saying so, never a blank page.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../app/App';
import { buildReport } from '../domain/report';
import { SNAPSHOT_ELEMENT_ID, readSnapshot, shortFingerprint, type SnapshotContent, type SnapshotPayload } from '../domain/snapshot';
import { sha256Hex } from '../export/sha256';
import { checkDatasetShape } from '../storage/workspaceFile';
import { authorityName } from '../domain/settings';
import { noPersistence } from '../storage/persistence';
import { loadExample } from '../store/example';
import { WorkspaceContext } from '../store/hooks';
import { createWorkspaceStore } from '../store/workspace';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import '../app/styles.css';

type Check = 'checking' | 'verified' | 'mismatch' | 'unavailable';

/** What the fingerprint proves, in the words the banner and the print footer use. */
function Fingerprint({ payload, check }: { payload: SnapshotPayload; check: Check }) {
  const short = shortFingerprint(payload.sha256);
  return (
    <>
      <span data-testid="snapshot-check">
        {check === 'verified' && `Matches fingerprint ${short} (compare it with the one your finance officer sent).`}
        {check === 'unavailable' && `Fingerprint ${short}: this browser cannot check it, so compare nothing on this page with confidence until it is checked elsewhere.`}
      </span>{' '}
      SHA-256: <code data-testid="snapshot-fingerprint">{payload.sha256}</code>
    </>
  );
}

function Banner({ payload, content, check, council }: { payload: SnapshotPayload; content: SnapshotContent; check: Check; council: string | null }) {
  return (
    <div className="app-source snapshot-banner" data-testid="snapshot-banner">
      <p>
        Read-only snapshot{council ? ` of ${council}'s figures` : ''}, as at {content.asAt}. Made {content.producedAt}.
      </p>
      <p>
        <Fingerprint payload={payload} check={check} />
      </p>
      <p className="snapshot-proves">
        The match shows that everything on this page (the figures, the “as at” and the “made” date) is what was fingerprinted. It does not
        show who made the file, nor that the figures were right: anyone who changes the file can fingerprint it again, so only a fingerprint
        received separately from its maker proves it unchanged.
      </p>
    </div>
  );
}

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="main" className="snapshot-message">
      <h1>DSG Safety Valve monitor: snapshot</h1>
      <div role="alert" data-testid="snapshot-problem">
        <h2>{title}</h2>
        {children}
      </div>
    </main>
  );
}

function Snapshot({ payload, content, council }: { payload: SnapshotPayload; content: SnapshotContent; council: string | null }) {
  const canCheck = Boolean(globalThis.crypto?.subtle);
  const [check, setCheck] = useState<Check>(canCheck ? 'checking' : 'unavailable');
  useEffect(() => {
    if (!canCheck) return;
    sha256Hex(payload.content).then(
      (h) => setCheck(h === payload.sha256 ? 'verified' : 'mismatch'),
      () => setCheck('unavailable'),
    );
  }, [payload, canCheck]);
  if (check === 'checking') return <p role="status">Checking the snapshot’s fingerprint…</p>;
  if (check === 'mismatch') {
    return (
      <Message title="WARNING: this snapshot has been altered">
        <p data-testid="snapshot-check">
          The data in this file does not match the fingerprint written in it ({shortFingerprint(payload.sha256)}): it was changed after the
          snapshot was made, so none of its figures are shown. Ask the finance officer who sent it for a new copy.
        </p>
      </Message>
    );
  }
  return (
    <>
      <ErrorBoundary where="The snapshot">
        <App readOnly banner={<Banner payload={payload} content={content} check={check} council={council} />} />
      </ErrorBoundary>
      <footer className="snapshot-print-footer" aria-hidden="true">
        Snapshot as at {content.asAt}, made {content.producedAt}. <Fingerprint payload={payload} check={check} />
      </footer>
    </>
  );
}

const root = createRoot(document.getElementById('root')!);
const read = readSnapshot(document.getElementById(SNAPSHOT_ELEMENT_ID)?.textContent);
if (!read.ok) {
  root.render(
    <Message title="This snapshot cannot be opened">
      <p>{read.reason}</p>
    </Message>,
  );
} else {
  const { dataset, settings, fy, period } = read.content;
  // Damaged data says so, by where it is, rather than leaving a blank page.
  const problems = checkDatasetShape(dataset, 'data');
  let failed: string | null = problems.length > 0 ? problems.slice(0, 5).join('; ') : null;
  if (!failed) {
    try {
      buildReport(dataset, settings);
    } catch (e) {
      failed = e instanceof Error ? e.message : String(e);
    }
  }
  if (failed) {
    root.render(
      <Message title="The data in this snapshot is damaged">
        <p>It cannot be shown: {failed}. Ask the finance officer who sent it for a new copy.</p>
      </Message>,
    );
  } else {
    // The store starts from the snapshot's data, with no persistence: a snapshot keeps nothing in the browser.
    const store = createWorkspaceStore({
      persistence: noPersistence,
      example: loadExample,
      initial: { dataset, settings, selectedFy: fy, selectedPeriod: period, role: 'forum', source: 'user', hydrated: true },
    });
    root.render(
      <StrictMode>
        <WorkspaceContext.Provider value={store}>
          <Snapshot payload={read.payload} content={read.content} council={authorityName(settings)} />
        </WorkspaceContext.Provider>
      </StrictMode>,
    );
  }
}
