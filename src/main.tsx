import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { bootDev, bootOffline } from './state/offline-boot';
import './app/app.css';

// The service worker settles first: on a host without isolation headers the page reloads once
// under it, and nothing should start (MNIST downloading) only to be cut off.
void (import.meta.env.DEV ? bootDev() : bootOffline('./sw.js')).then((boot) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App offline={boot} />
    </StrictMode>,
  ),
);
