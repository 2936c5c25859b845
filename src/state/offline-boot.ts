// Before the app renders: registers the service worker and, where the server sent no isolation
// headers, reloads the page once under the worker, which adds them (the coi-serviceworker way).
import { readTabValue, writeTabValue } from './site-storage';

/** Why the page is not cross-origin isolated, so WASM runs one thread. */
export type NotIsolatedReason =
  /** Plain http on another machine: browsers allow neither service workers nor threads there. */
  | 'insecure'
  /** No service worker here (some private windows), and the server sent no headers. */
  | 'no-worker'
  /** The service worker could not be installed. */
  | 'worker-failed'
  /** A forced reload (Shift+Reload) bypassed the service worker; a normal reload isolates. */
  | 'bypassed'
  /** The page runs under the worker, but this browser does not isolate it. */
  | 'refused';

/** What the start-up found: the worker's registration, and how the page is isolated or why not. */
export interface OfflineBoot {
  /** Null in dev (hot reload and a caching worker do not mix), or where no worker could start. */
  registration: ServiceWorkerRegistration | null;
  /** Set when the worker could not be registered or installed. */
  workerError: string | null;
  /** How the page got isolated: the server's headers, or the worker's; null when it is not. */
  isolatedBy: 'server' | 'worker' | null;
  /** Why it is not isolated; null when it is. */
  notIsolated: NotIsolatedReason | null;
  /** The page was served by a worker when it loaded (an update then needs a reload). */
  controlled: boolean;
}

/** sessionStorage key marking the one reload made to come under the worker. */
const RELOADED_KEY = 'digit-lab.isolation-reload';

/** The boot of a page with no worker (tests of components, dev). */
export const NO_WORKER_BOOT: OfflineBoot = {
  registration: null,
  workerError: null,
  isolatedBy: null,
  notIsolated: null,
  controlled: false,
};

// Resolves once the registration has a worker that can serve (its precache complete).
function whenActive(reg: ServiceWorkerRegistration): Promise<void> {
  if (reg.active) return Promise.resolve();
  const worker = reg.installing ?? reg.waiting;
  if (!worker) return Promise.reject(new Error('the service worker did not start installing'));
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activating' || worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('the service worker failed to install'));
    });
  });
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Registers the worker (`swUrl`, relative to the page) and settles isolation; may reload once. */
export async function bootOffline(swUrl: string): Promise<OfflineBoot> {
  const isolated = crossOriginIsolated;
  const controlled = navigator.serviceWorker?.controller != null;
  const base: OfflineBoot = {
    ...NO_WORKER_BOOT,
    isolatedBy: isolated ? (controlled ? 'worker' : 'server') : null,
    controlled,
  };
  if (!isSecureContext) return { ...base, notIsolated: isolated ? null : 'insecure' };
  if (!('serviceWorker' in navigator))
    return { ...base, notIsolated: isolated ? null : 'no-worker' };
  let registration: ServiceWorkerRegistration;
  try {
    registration = await navigator.serviceWorker.register(swUrl);
  } catch (err) {
    return { ...base, workerError: message(err), notIsolated: isolated ? null : 'worker-failed' };
  }
  if (isolated) {
    writeTabValue(RELOADED_KEY, null);
    return { ...base, registration };
  }
  // Reloaded once already and still not isolated: say why instead of reloading forever.
  if (readTabValue(RELOADED_KEY) !== null) {
    writeTabValue(RELOADED_KEY, null);
    return { ...base, registration, notIsolated: controlled ? 'refused' : 'bypassed' };
  }
  try {
    await whenActive(registration);
  } catch (err) {
    return { ...base, registration, workerError: message(err), notIsolated: 'worker-failed' };
  }
  // Without a way to mark the reload, a browser that will not isolate would reload for ever.
  if (!writeTabValue(RELOADED_KEY, '1')) {
    return { ...base, registration, notIsolated: controlled ? 'refused' : 'bypassed' };
  }
  location.reload();
  return new Promise<never>(() => {}); // the page is going: render nothing meanwhile
}

/** Dev server: no worker, and any left by a build served on this address is removed. */
export async function bootDev(): Promise<OfflineBoot> {
  const regs = (await navigator.serviceWorker?.getRegistrations().catch(() => [])) ?? [];
  await Promise.all(regs.map((r) => r.unregister()));
  return {
    ...NO_WORKER_BOOT,
    isolatedBy: crossOriginIsolated ? 'server' : null,
    notIsolated: crossOriginIsolated ? null : 'no-worker',
  };
}
