// Download-once for the MNIST files: a file found in the cache is used as it is; one that is not
// is downloaded with its progress reported, then kept for the next visit (and for offline use).
import type { FetchLike } from './load';

/** Where downloaded files are kept: Cache Storage in browsers, a Map in tests. */
export interface FileCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
}

/** Runs `task` while holding the named lock (Web Locks), so two contexts never download at once. */
export type Exclusive = <T>(name: string, task: () => Promise<T>) => Promise<T>;

/** Progress of one file: bytes so far, and its size when the response says (null while unknown). */
export interface FileProgress {
  url: string;
  /** 'network' while and after a download, 'cache' for a file that was already kept. */
  source: 'network' | 'cache';
  loaded: number;
  total: number | null;
  done: boolean;
  /** Once done: whether the cache took the file (false on a full disk or without a cache). */
  kept?: boolean;
}

/** What cachedFetch needs from its caller. */
export interface CachedFetchOptions {
  fetch: FetchLike;
  /** Null where the browser offers no cache (insecure page, blocked site data): no copy is kept. */
  cache: FileCache | null;
  exclusive?: Exclusive;
  onProgress?: (progress: FileProgress) => void;
}

const direct: Exclusive = (_name, task) => task();

async function readAll(
  body: ReadableStream<Uint8Array>,
  onBytes: (loaded: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onBytes(loaded);
  }
  const all = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/** The size a response announces in the bytes its body will have, or null when it cannot say. */
export function announcedSize(res: Response): number | null {
  // With Content-Encoding the body arrives inflated and Content-Length counts the wire bytes.
  const encoding = res.headers.get('Content-Encoding');
  if (encoding && encoding !== 'identity') return null;
  const size = Number(res.headers.get('Content-Length'));
  return Number.isFinite(size) && size > 0 ? size : null;
}

/**
 * A FetchLike that answers from the cache, or downloads (reporting progress) and keeps the file.
 * A failed response is returned as it is, for the loader to report, and never kept.
 */
export function cachedFetch(opts: CachedFetchOptions): FetchLike {
  const { cache, onProgress = () => {} } = opts;
  const exclusive = opts.exclusive ?? direct;
  return (url) =>
    exclusive(`digit-lab.download ${url}`, async () => {
      const hit = await cache?.match(url).catch(() => undefined);
      if (hit) {
        const size = announcedSize(hit);
        onProgress({
          url,
          source: 'cache',
          loaded: size ?? 0,
          total: size,
          done: true,
          kept: true,
        });
        return hit;
      }
      const res = await opts.fetch(url);
      if (!res.ok || !res.body) return res;
      const total = announcedSize(res);
      onProgress({ url, source: 'network', loaded: 0, total, done: false });
      const body = await readAll(res.body, (loaded) =>
        onProgress({ url, source: 'network', loaded, total, done: false }),
      );
      const headers = new Headers();
      headers.set('Content-Type', res.headers.get('Content-Type') || 'application/octet-stream');
      // The wire size stays what the server said: the loader reports it as the bytes downloaded.
      headers.set('Content-Length', res.headers.get('Content-Length') ?? String(body.byteLength));
      // Each Response copies the bytes it is given, so one array serves both.
      const copy = () => new Response(body, { status: 200, headers });
      let kept = false;
      if (cache) {
        try {
          await cache.put(url, copy());
          kept = true;
        } catch {
          // A full disk or blocked storage: this visit still works, the next one downloads again.
        }
      }
      const size = body.byteLength;
      onProgress({ url, source: 'network', loaded: size, total: total ?? size, done: true, kept });
      return copy();
    });
}
