import { expect, it } from 'vitest';
import {
  announcedSize,
  cachedFetch,
  type FileCache,
  type FileProgress,
} from '../../../src/ml/mnist/download';

/** A Map-backed cache; `full` makes every put fail as a full disk does. */
function memoryCache(full = false): FileCache & { store: Map<string, Response> } {
  const store = new Map<string, Response>();
  return {
    store,
    match: async (url) => store.get(url)?.clone(),
    put: async (url, res) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      store.set(url, res);
    },
  };
}

/** A server that sends `bytes` in chunks of 3, counting its requests. */
function server(bytes: Uint8Array, headers: Record<string, string> = {}) {
  const calls: string[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 3) c.enqueue(bytes.slice(i, i + 3));
        c.close();
      },
    });
    return new Response(body, {
      headers: { 'Content-Length': String(bytes.length), ...headers },
    });
  };
  return { fetch, calls };
}

const BYTES = Uint8Array.from({ length: 10 }, (_, i) => i * 7);

it('downloads once with progress, keeps the file, and answers from the copy next time', async () => {
  const cache = memoryCache();
  const net = server(BYTES);
  const seen: FileProgress[] = [];
  const get = cachedFetch({ fetch: net.fetch, cache, onProgress: (p) => seen.push(p) });

  const first = await get('https://x/mnist/a.gz');
  expect(new Uint8Array(await first.arrayBuffer())).toEqual(BYTES);
  expect(first.headers.get('Content-Length')).toBe('10');
  expect(seen.map((p) => p.loaded)).toEqual([0, 3, 6, 9, 10, 10]);
  expect(seen.every((p) => p.total === 10 && p.source === 'network')).toBe(true);
  expect(seen.at(-1)).toMatchObject({ done: true, kept: true });

  seen.length = 0;
  const again = await get('https://x/mnist/a.gz');
  expect(new Uint8Array(await again.arrayBuffer())).toEqual(BYTES);
  expect(net.calls).toHaveLength(1);
  expect(seen).toEqual([
    { url: 'https://x/mnist/a.gz', source: 'cache', loaded: 10, total: 10, done: true, kept: true },
  ]);
});

it('still delivers the file when the cache refuses it, and says it was not kept', async () => {
  const net = server(BYTES);
  const seen: FileProgress[] = [];
  const get = cachedFetch({
    fetch: net.fetch,
    cache: memoryCache(true),
    onProgress: (p) => seen.push(p),
  });
  expect(new Uint8Array(await (await get('u')).arrayBuffer())).toEqual(BYTES);
  expect(seen.at(-1)).toMatchObject({ done: true, kept: false });
  // Without Cache Storage at all (an insecure page) likewise.
  const bare = cachedFetch({ fetch: server(BYTES).fetch, cache: null });
  expect((await bare('u')).ok).toBe(true);
});

it('never keeps an error response', async () => {
  const cache = memoryCache();
  const get = cachedFetch({
    fetch: async () => new Response('missing', { status: 404 }),
    cache,
  });
  expect((await get('u')).status).toBe(404);
  expect(cache.store.size).toBe(0);
});

it("runs each file under its lock, so a second context finds the first one's copy", async () => {
  const cache = memoryCache();
  const net = server(BYTES);
  let chain = Promise.resolve<unknown>(undefined);
  const names: string[] = [];
  // One lock holder at a time, in request order, as Web Locks grants them.
  const exclusive = <T>(name: string, task: () => Promise<T>): Promise<T> => {
    names.push(name);
    const run = chain.then(task);
    chain = run.catch(() => {});
    return run;
  };
  const page = cachedFetch({ fetch: net.fetch, cache, exclusive });
  const worker = cachedFetch({ fetch: net.fetch, cache, exclusive });
  await Promise.all([page('u'), worker('u')]);
  expect(net.calls).toHaveLength(1);
  expect(new Set(names)).toEqual(new Set(['digit-lab.download u']));
});

it('has no size to announce for a body the browser inflates', () => {
  expect(announcedSize(new Response('x', { headers: { 'Content-Length': '5' } }))).toBe(5);
  const encoded = new Response('x', {
    headers: { 'Content-Length': '5', 'Content-Encoding': 'gzip' },
  });
  expect(announcedSize(encoded)).toBeNull();
  expect(announcedSize(new Response('x'))).toBeNull();
});
