import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OfflineBoot } from './offline-boot';
import { useMnist } from './mnist';
import { strictContext } from './strict-context';

/** Whether the browser keeps this site's data (app, MNIST, saved models) until the user clears it. */
export type Persistence = 'persistent' | 'best-effort' | 'unsupported' | 'unknown';

/** The offline copy, cross-origin isolation, and a waiting update. */
export interface OfflineValue {
  boot: OfflineBoot;
  /** The worker holds the whole app shell: with MNIST kept too, the app opens offline. */
  shellKept: boolean;
  persistence: Persistence;
  /** A newer build is installed: `reload` switches to it (this page keeps its build until then). */
  updateReady: boolean;
  reload: () => void;
}

const store = strictContext<OfflineValue>('Offline');
/** The context itself, for tests that supply their own value. */
export const OfflineContext = store.Context;

/** The offline state; must be used under OfflineProvider. */
export const useOffline = store.use;

async function askPersistence(): Promise<Persistence> {
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    // Chromium grants or refuses without asking; Firefox asks the user once.
    const granted = (await storage.persisted()) || (await storage.persist());
    return granted ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}

/**
 * Watches the service worker the start-up registered: whether the shell is kept, a new build
 * waiting, another tab switching to one; asks for persistent storage once MNIST is kept.
 */
export function OfflineProvider({ boot, children }: { boot: OfflineBoot; children: ReactNode }) {
  const { state } = useMnist();
  const reg = boot.registration;
  const [shellKept, setShellKept] = useState(() => reg?.active != null);
  const [updateReady, setUpdateReady] = useState(false);
  const [persistence, setPersistence] = useState<Persistence>('unknown');
  const asked = useRef(false);

  useEffect(() => {
    const sw = navigator.serviceWorker;
    if (!reg || !sw) return;
    let live = true;
    // Controlled at load: a new worker means a new build. Not controlled (first visit): the
    // first worker taking over is the one this page came with.
    let served = boot.controlled;
    const waiting = () => {
      if (!live) return;
      if (reg.active) setShellKept(true);
      if (reg.waiting && served) setUpdateReady(true);
    };
    const onFound = () => {
      const w = reg.installing;
      w?.addEventListener('statechange', () => {
        if (w.state === 'installed' || w.state === 'activated') waiting();
      });
    };
    const onController = () => {
      if (!live) return;
      if (served) setUpdateReady(true); // another tab took the update: this page is now stale
      served = true;
      setShellKept(true);
    };
    waiting();
    onFound();
    reg.addEventListener('updatefound', onFound);
    sw.addEventListener('controllerchange', onController);
    void sw.ready.then(waiting);
    return () => {
      live = false;
      reg.removeEventListener('updatefound', onFound);
      sw.removeEventListener('controllerchange', onController);
    };
  }, [reg, boot.controlled]);

  const mnistKept = state.status === 'ready' && state.origin.kept;
  useEffect(() => {
    if (!mnistKept || asked.current) return;
    asked.current = true;
    void askPersistence().then(setPersistence);
  }, [mnistKept]);

  const reload = useCallback(() => {
    const sw = navigator.serviceWorker;
    const next = reg?.waiting;
    if (!sw || !next) return location.reload();
    // The page reloads once the new worker controls it, so no request is served by the old one.
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    next.postMessage({ type: 'skip-waiting' });
  }, [reg]);

  const value = useMemo(
    () => ({ boot, shellKept, persistence, updateReady, reload }),
    [boot, shellKept, persistence, updateReady, reload],
  );
  return <OfflineContext.Provider value={value}>{children}</OfflineContext.Provider>;
}
