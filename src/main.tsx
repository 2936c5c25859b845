import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootDev, bootOffline } from './state/offline-boot';
import './app/app.css';

// The service worker settles first: on a host without isolation headers the page reloads once
// under it, so the app (2 MB of script, then MNIST) is fetched only after that, and only once.
void (import.meta.env.DEV ? bootDev() : bootOffline('./sw.js')).then(async (boot) => {
  const { App } = await import('./app/app');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App offline={boot} />
    </StrictMode>,
  );
});
