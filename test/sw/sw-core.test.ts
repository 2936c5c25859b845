import { expect, it } from 'vitest';
import {
  ISOLATION_HEADERS,
  REVISION_HEADER,
  routeRequest,
  shellCacheName,
  staleShellCaches,
  withIsolation,
} from '../../src/sw/sw-core';

const SCOPE = 'https://school.example/classes/digit-lab/';
const precached = new Set(['index.html', 'assets/index-abc.js', 'icons/icon-192.png']);
const get = (url: string, mode = 'no-cors', cache = 'default') => ({
  method: 'GET',
  url,
  mode,
  cache,
});

it('answers navigations to the app with index.html, whatever the query, under a sub-path', () => {
  for (const url of [SCOPE, `${SCOPE}index.html`, `${SCOPE}?backend=wasm`]) {
    expect(routeRequest(get(url, 'navigate'), SCOPE, precached)).toEqual({ kind: 'index' });
  }
  expect(routeRequest(get(`${SCOPE}assets/index-abc.js`, 'cors'), SCOPE, precached)).toEqual({
    kind: 'shell',
    path: 'assets/index-abc.js',
  });
  // Not precached (MNIST, a file of a later build): fetched, with the headers added.
  expect(routeRequest(get(`${SCOPE}mnist/t10k-labels-idx1-ubyte.gz`), SCOPE, precached)).toEqual({
    kind: 'network',
  });
});

it('leaves alone what it must not answer: other origins and folders, writes, DevTools probes', () => {
  const pass = { kind: 'pass' };
  expect(routeRequest(get('https://cdn.example/x.js'), SCOPE, precached)).toEqual(pass);
  expect(routeRequest(get('https://school.example/other/index.html'), SCOPE, precached)).toEqual(
    pass,
  );
  expect(routeRequest({ ...get(SCOPE), method: 'POST' }, SCOPE, precached)).toEqual(pass);
  expect(routeRequest(get(`${SCOPE}a.js`, 'no-cors', 'only-if-cached'), SCOPE, precached)).toEqual(
    pass,
  );
});

it('adds the isolation headers, keeps the rest, and drops the revision and redirect marks', async () => {
  const original = new Response('wasm bytes', {
    status: 200,
    statusText: 'OK',
    headers: { 'Content-Type': 'application/wasm', [REVISION_HEADER]: 'r1' },
  });
  const served = withIsolation(original);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) {
    expect(served.headers.get(name)).toBe(value);
  }
  expect(served.headers.get('Content-Type')).toBe('application/wasm');
  expect(served.headers.get(REVISION_HEADER)).toBeNull();
  expect(served.redirected).toBe(false);
  expect(await served.text()).toBe('wasm bytes');
  // An error response keeps its status.
  expect(withIsolation(new Response('gone', { status: 404 })).status).toBe(404);
});

it('deletes only earlier shells, never the MNIST cache or the current shell', () => {
  const names = [shellCacheName('old1'), 'digit-lab-mnist-1', shellCacheName('new'), 'other'];
  expect(staleShellCaches(names, 'new')).toEqual([shellCacheName('old1')]);
});
