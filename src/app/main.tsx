import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { HydrationGate } from './HydrationGate';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HydrationGate>
      <App />
    </HydrationGate>
  </StrictMode>,
);
