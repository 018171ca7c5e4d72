/**
 * Renders the app only once the stored data has been read (NOTES: a store that renders, or is
 * written, before it hydrates shows or overwrites the wrong data).
 */
import { useEffect, type ReactNode } from 'react';
import { useWorkspace } from '../store/workspace';

export function HydrationGate({ children }: { children: ReactNode }) {
  const hydrated = useWorkspace((s) => s.hydrated);
  const hydrate = useWorkspace((s) => s.hydrate);
  const storageError = useWorkspace((s) => s.storageError);
  useEffect(() => {
    if (!useWorkspace.getState().hydrated) void hydrate();
  }, [hydrate]);
  if (!hydrated) {
    return (
      <p className="loading" role="status">
        Loading your data…
      </p>
    );
  }
  return (
    <>
      {storageError && (
        <p className="storage-error" role="alert">
          {storageError}
        </p>
      )}
      {children}
    </>
  );
}
