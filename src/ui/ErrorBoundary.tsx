/**
 * Error boundaries: one round each route's view, one round each chart, one round the whole shell.
 * A view that fails is replaced by a message saying so, with a way out ("Export my workspace",
 * "Reset to the example data"); the rest of the app, Settings included, keeps working.
 */
import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { ReadOnlyContext } from './readOnly';
import { downloadText } from '../export/download';
import { quoteValue } from '../domain/quote';
import { fileNameFor } from '../domain/settings';
import { useWorkspace } from '../store/hooks';

interface Props {
  /** What failed, as the user knows it: "Import files", "the chart ‘…’". */
  where: string;
  /** A chart: a smaller message, inside the figure. */
  compact?: boolean;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  static override contextType = ReadOnlyContext;
  declare context: boolean;
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept for whoever opens the console; the user sees the message below.
    console.error(`${this.props.where} failed:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <Failed where={this.props.where} compact={this.props.compact} error={error} readOnly={this.context} retry={() => this.setState({ error: null })} />;
  }
}

function Failed({ where, compact, error, readOnly, retry }: { where: string; compact?: boolean | undefined; error: Error; readOnly: boolean; retry(): void }) {
  const exportWorkspace = useWorkspace((s) => s.exportWorkspace);
  const resetToExample = useWorkspace((s) => s.resetToExample);
  const [asking, setAsking] = useState(false);
  const [msg, setMsg] = useState<string | null>(null);
  const Heading = compact ? 'h4' : 'h2';
  return (
    <div className="view-failed" role="alert" data-testid="view-failed">
      <Heading>{compact ? `This chart could not be drawn` : `${where} could not be shown`}</Heading>
      <p>
        {compact ? 'The figures are still in the table below the chart, and everything else on the page is unaffected. ' : 'The rest of the app still works: choose another view above. '}
        What went wrong: {quoteValue(error.message || error.name, 200)}.
      </p>
      <p>Your stored data has not been changed.</p>
      <p className="no-print">
        <button type="button" onClick={retry}>
          Try again
        </button>{' '}
        {!readOnly && (
          <>
            <button
              type="button"
              onClick={() => {
                const file = exportWorkspace();
                // The council's name in front, as Settings' export names it.
                downloadText(fileNameFor(file.state.settings, `dsg-workspace-${file.exported.slice(0, 10)}.json`), JSON.stringify(file), 'application/json');
              }}
            >
              Export my workspace
            </button>{' '}
            <button type="button" onClick={() => setAsking(true)}>
              Reset to the example data
            </button>
          </>
        )}
      </p>
      {asking && (
        <div className="confirm" role="alertdialog" aria-label="Confirm the reset">
          <p>Replace your data and import history with the example data? Export your workspace first if you want to keep it.</p>
          <button
            type="button"
            className="primary"
            onClick={async () => {
              const error = await resetToExample();
              setAsking(false);
              setMsg(error ?? 'The example data is back.');
              if (!error) retry();
            }}
          >
            Yes, reset to the example
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
      {msg && <p role="status">{msg}</p>}
    </div>
  );
}

/**
 * Stored data that cannot be rebuilt: shown before anything else, with the offer to export it
 * exactly as stored; only then can it be replaced by the example.
 */
export function UnreadableData() {
  const unreadable = useWorkspace((s) => s.unreadable);
  const exportUnreadable = useWorkspace((s) => s.exportUnreadable);
  const discardUnreadable = useWorkspace((s) => s.discardUnreadable);
  const [exported, setExported] = useState(false);
  const [notNeeded, setNotNeeded] = useState(false);
  const [msg, setMsg] = useState<string | null>(null);
  if (!unreadable) return null;
  return (
    <main id="main" className="view-failed unreadable" data-testid="unreadable-data">
      <h1>Your stored data could not be opened</h1>
      <p role="alert">
        The data this browser holds for the app could not be rebuilt: {quoteValue(unreadable.reason, 600)}. It has not been changed or deleted.
      </p>
      <p>Export it first, exactly as it is stored, so that nothing is lost (someone can then repair the file and open it again in Settings).</p>
      <p>
        <button
          type="button"
          className="primary"
          onClick={() => {
            downloadText(`dsg-workspace-as-stored-${new Date().toISOString().slice(0, 10)}.json`, exportUnreadable(), 'application/json');
            setExported(true);
          }}
        >
          Export it as it is
        </button>
      </p>
      <p>
        <label>
          <input type="checkbox" checked={notNeeded} onChange={(e) => setNotNeeded(e.target.checked)} /> I do not need to keep it
        </label>
      </p>
      <p>
        <button
          type="button"
          disabled={!exported && !notNeeded}
          onClick={async () => {
            const error = await discardUnreadable();
            setMsg(error);
          }}
        >
          Replace it with the example data
        </button>
      </p>
      {msg && (
        <p className="error-message" role="alert">
          {msg}
        </p>
      )}
    </main>
  );
}
