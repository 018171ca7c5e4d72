/** "Download a read-only snapshot": the dashboard and its data in one file for forum members. */
import { useState } from 'react';
import type { YearFigures } from '../../domain/calculate';
import { monthLabel, monthOfPeriod } from '../../model/calendar';
import { downloadSnapshot } from '../../export/snapshot';
import { useWorkspaceStore } from '../../store/hooks';

export function SnapshotButton({ year }: { year: YearFigures }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const store = useWorkspaceStore();
  const onClick = async () => {
    const { dataset, settings, selectedFy, selectedPeriod } = store.getState();
    const asAt = year.latestPeriod === null ? year.label : `period ${year.latestPeriod} (${monthLabel(monthOfPeriod(year.fy, year.latestPeriod))}), ${year.label}`;
    setBusy(true);
    try {
      const sha = await downloadSnapshot(
        { dataset, settings, fy: selectedFy ?? year.fy, period: selectedPeriod },
        asAt,
        `${year.label}-P${year.latestPeriod ?? 0}`,
      );
      setMessage(`Snapshot saved. Its data fingerprint (SHA-256) is ${sha}.`);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="snapshot-action">
      <button type="button" onClick={() => void onClick()} disabled={busy} data-testid="snapshot-download">
        Download a read-only snapshot
      </button>
      <p>One HTML file holding the dashboard and this data, to send to forum members. It opens in any browser, with no network.</p>
      {message && (
        <p role="status" data-testid="snapshot-message">
          {message}
        </p>
      )}
    </div>
  );
}
