import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { indexedDbPersistence } from '../storage/indexedDbPersistence';
import { loadExample } from '../store/example';
import { WorkspaceContext } from '../store/hooks';
import { createWorkspaceStore } from '../store/workspace';
import { App } from './App';
import { HydrationGate } from './HydrationGate';
import './styles.css';

/** Tells other tabs that the stored data changed, so they read it again (the last writer wins otherwise). */
const channel: BroadcastChannel | null = typeof BroadcastChannel === 'function' ? new BroadcastChannel('dsg-monitor') : null;

const store = createWorkspaceStore({
  persistence: indexedDbPersistence(),
  example: loadExample,
  onStored: () => channel?.postMessage('changed'),
});
channel?.addEventListener('message', () => {
  void store.getState().hydrate();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WorkspaceContext.Provider value={store}>
      <HydrationGate>
        <App />
      </HydrationGate>
    </WorkspaceContext.Provider>
  </StrictMode>,
);
