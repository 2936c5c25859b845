// The service worker's decisions as plain functions, so they are tested without a browser: what
// is precached, which requests it answers and how, and the headers that isolate the page.

/** One file of the app shell: its path under the worker's folder, a content hash, its size. */
export interface PrecacheEntry {
  url: string;
  revision: string;
  size: number;
}

/** The app shell of one build, written into sw.js by scripts/vite-plugin-service-worker.ts. */
export interface PrecacheManifest {
  /** Hash of every entry: a new build with any change gets a new shell cache. */
  version: string;
  entries: PrecacheEntry[];
}

/** Prefix of the shell caches, one per version; older ones go when a new worker takes over. */
export const SHELL_CACHE_PREFIX = 'digit-lab-shell-';

/** The shell cache of a build. */
export const shellCacheName = (version: string) => `${SHELL_CACHE_PREFIX}${version}`;

/** Caches of earlier builds' shells, to delete once this build's worker is active. */
export const staleShellCaches = (names: string[], version: string) =>
  names.filter((n) => n.startsWith(SHELL_CACHE_PREFIX) && n !== shellCacheName(version));

/** Response header that carries a precached file's revision, so an update copies unchanged files. */
export const REVISION_HEADER = 'X-Digit-Lab-Revision';

/**
 * The headers that make the page cross-origin isolated (SharedArrayBuffer, so WASM threads):
 * what `npm start` sends, added by the worker for static hosts that cannot send them.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The response with the isolation headers added; opaque responses cannot be rebuilt. */
export function withIsolation(res: Response): Response {
  if (res.type === 'opaque' || res.type === 'opaqueredirect' || res.status === 0) return res;
  const headers = new Headers(res.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  headers.delete(REVISION_HEADER);
  // A new Response also drops `redirected`, which a navigation must not be answered with.
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** The parts of a Request the routing reads. */
export interface RequestInfo {
  method: string;
  url: string;
  mode: string;
  cache: string;
}

/**
 * What the worker does with a request: 'index' answers a navigation to the app with the
 * precached index.html, 'shell' a precached file, 'network' fetches (adding the headers),
 * 'pass' leaves the request to the browser.
 */
export type Route =
  { kind: 'index' } | { kind: 'shell'; path: string } | { kind: 'network' } | { kind: 'pass' };

/** Routes a request; `scope` is the worker's folder URL (ending in '/'). */
export function routeRequest(req: RequestInfo, scope: string, precached: Set<string>): Route {
  if (req.method !== 'GET') return { kind: 'pass' };
  // Chromium sends these from DevTools; fetching one from a worker throws.
  if (req.cache === 'only-if-cached' && req.mode !== 'same-origin') return { kind: 'pass' };
  if (!req.url.startsWith(scope)) return { kind: 'pass' };
  const path = new URL(req.url).pathname.slice(new URL(scope).pathname.length);
  if (req.mode === 'navigate' && (path === '' || path === 'index.html')) return { kind: 'index' };
  if (precached.has(path)) return { kind: 'shell', path };
  return { kind: 'network' };
}
