// A plain static server for the browser tests, like a school web server or GitHub Pages: the
// build under a sub-path, no isolation or security headers, nothing cacheable by HTTP (so a
// repeat visit that downloads nothing owes it to the app's own caches). It counts every byte.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.gz': 'application/gzip',
  '.md': 'text/markdown',
};

/** One response the server sent: its path under the sub-path, and its body bytes. */
export interface Served {
  path: string;
  bytes: number;
}

/** A running static server. */
export interface StaticServer {
  /** The app's address, ending in '/'. */
  url: string;
  /** Every response so far, in order. */
  served: Served[];
  close(): Promise<void>;
}

/** Serves `root` at http://127.0.0.1:<port><prefix> (prefix like '/school/digit-lab/'). */
export async function serveStatic(root: string, prefix: string): Promise<StaticServer> {
  const served: Served[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (`${url.pathname}/` === prefix) {
      res.writeHead(301, { Location: prefix }).end();
      return;
    }
    const rel = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : null;
    const file = rel === null ? null : path.join(root, decodeURIComponent(rel || 'index.html'));
    const stat = file && file.startsWith(root) ? statSync(file, { throwIfNoEntry: false }) : null;
    if (!file || !stat?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(stat.size),
      'Cache-Control': 'no-store',
    });
    served.push({ path: rel || 'index.html', bytes: req.method === 'HEAD' ? 0 : stat.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
