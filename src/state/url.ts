import { useMemo, useSyncExternalStore } from 'react';

// The app's address, read and written here only: the panel and its settings after the `#`
// (`#/train?epochs=2&lr=0.001`), and page-wide options before it (`?backend=wasm`).

/** The panel route and the query after it: `#/train?epochs=2` → `{ route: 'train', query: 'epochs=2' }`. */
export interface HashLocation {
  route: string;
  query: string;
}

/** Splits a hash such as `#/train?epochs=2` into route and query. */
export function parseHash(hash: string): HashLocation {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  return q < 0 ? { route: body, query: '' } : { route: body.slice(0, q), query: body.slice(q + 1) };
}

/** The hash location now. */
export function readHash(): HashLocation {
  return parseHash(location.hash);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The hash location, re-rendering on every hashchange (a link followed, back/forward, an edited URL). */
export function useHashLocation(): HashLocation {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return useMemo(() => parseHash(hash), [hash]);
}

/** Writes the query of the current route without a hashchange, so the panel is not re-routed. */
export function replaceHashQuery(query: string, fallbackRoute: string): void {
  const route = readHash().route || fallbackRoute;
  history.replaceState(null, '', `#/${route}${query ? `?${query}` : ''}`);
}

/** An absolute URL for a path relative to the page (workers need absolute URLs). */
export function absoluteUrl(path: string): string {
  return new URL(path, location.href).href;
}

/** A page-wide option from the query before the `#` (e.g. `backend`), or null. */
export function pageParam(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}
