/**
 * Renders the app only once the stored data has been read (NOTES: a store that renders, or is
 * written, before it hydrates shows or overwrites the wrong data). Stored data that cannot be
 * rebuilt is offered for export before anything else; the shell sits in an error boundary.
 */
import { useEffect, type ReactNode } from 'react';
import { useWorkspace, useWorkspaceStore } from '../store/hooks';
import { ErrorBoundary, UnreadableData } from '../ui/ErrorBoundary';

export function HydrationGate({ children }: { children: ReactNode }) {
  const store = useWorkspaceStore();
  const hydrated = useWorkspace((s) => s.hydrated);
  const hydrate = useWorkspace((s) => s.hydrate);
  const storageError = useWorkspace((s) => s.storageError);
  const storageNotice = useWorkspace((s) => s.storageNotice);
  const unreadable = useWorkspace((s) => s.unreadable);
  useEffect(() => {
    if (!store.getState().hydrated) void hydrate();
  }, [store, hydrate]);
  if (!hydrated) {
    return (
      <p className="loading" role="status">
        Loading your data…
      </p>
    );
  }
  if (unreadable) return <UnreadableData />;
  return (
    <>
      {storageError && (
        <p className="storage-error" role="alert" data-testid="storage-error">
          {storageError}
        </p>
      )}
      {storageNotice && (
        <p className="storage-notice" role="status" data-testid="storage-notice">
          {storageNotice}
        </p>
      )}
      <ErrorBoundary where="The app">{children}</ErrorBoundary>
    </>
  );
}
