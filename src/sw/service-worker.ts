// Digit Lab's service worker (built to dist/sw.js): keeps the app shell for offline use, and
// serves every response with the cross-origin isolation headers, so WASM runs multi-threaded on
// static hosts that send none (the approach of coi-serviceworker). MNIST is kept by the page
// itself (src/worker/mnist-cache.ts) and reaches this worker only when not yet kept.
import {
  REVISION_HEADER,
  routeRequest,
  shellCacheName,
  staleShellCaches,
  withIsolation,
  type PrecacheManifest,
  type Route,
} from './sw-core';

// The DOM lib types `self` as a Window; these are the parts of the worker scope used here.
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
}

/** Replaced at build time by the list of this build's shell files. */
declare const __DIGIT_LAB_PRECACHE__: PrecacheManifest;

const scope = self as unknown as WorkerScope;
const manifest = __DIGIT_LAB_PRECACHE__;
const cacheName = shellCacheName(manifest.version);
const precached = new Set(manifest.entries.map((e) => e.url));
const at = (path: string) => new URL(path, scope.registration.scope).href;

// An unchanged file (same revision) is copied from the shell an older build kept, so an update
// downloads only what changed.
async function keptCopy(url: string, revision: string): Promise<Response | undefined> {
  const hit = await caches.match(url);
  return hit?.headers.get(REVISION_HEADER) === revision ? hit : undefined;
}

async function precache(): Promise<void> {
  const cache = await caches.open(cacheName);
  await Promise.all(
    manifest.entries.map(async ({ url, revision }) => {
      const href = at(url);
      const old = await keptCopy(href, revision);
      const res = old ?? (await fetch(new Request(href, { cache: 'no-cache' })));
      if (!res.ok) throw new Error(`precache: ${url} answered HTTP ${res.status}`);
      const headers = new Headers(res.headers);
      headers.set(REVISION_HEADER, revision);
      await cache.put(href, new Response(await res.blob(), { status: 200, headers }));
    }),
  );
}

async function answer(route: Route, request: Request): Promise<Response> {
  if (route.kind === 'index' || route.kind === 'shell') {
    const cache = await caches.open(cacheName);
    const hit = await cache.match(at(route.kind === 'index' ? 'index.html' : route.path));
    if (hit) return hit;
  }
  return fetch(request);
}

scope.addEventListener('install', (e) => e.waitUntil(precache()));

scope.addEventListener('activate', (e) =>
  e.waitUntil(
    (async () => {
      await Promise.all(
        staleShellCaches(await caches.keys(), manifest.version).map((n) => caches.delete(n)),
      );
      // Pages opened before this worker (the very first visit) come under it at once.
      await scope.clients.claim();
    })(),
  ),
);

// A waiting update takes over only when the page asks (its "Reload" button), so one page never
// runs files of two builds.
scope.addEventListener('message', (e) => {
  if ((e.data as { type?: string } | null)?.type === 'skip-waiting') void scope.skipWaiting();
});

scope.addEventListener('fetch', (e) => {
  const route = routeRequest(e.request, scope.registration.scope, precached);
  if (route.kind === 'pass') return;
  e.respondWith(answer(route, e.request).then(withIsolation));
});
