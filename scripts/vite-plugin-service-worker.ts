// Builds src/sw/service-worker.ts into dist/sw.js (at the root of the build, so its scope is the
// whole app wherever the app is hosted) and writes into it the list of files it precaches.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import type { PrecacheEntry, PrecacheManifest } from '../src/sw/sw-core.ts';

/** File name of the built service worker. */
export const SW_FILE = 'sw.js';

const PLACEHOLDER = '__DIGIT_LAB_PRECACHE__';

/**
 * Files the page keeps itself at run time rather than the worker at install: MNIST (11 MB) is
 * downloaded once with a progress bar into its own cache, which app updates leave alone.
 */
export const isRuntimeCached = (file: string) => file.startsWith('mnist/');

const revision = (content: string | Uint8Array) =>
  createHash('sha256').update(content).digest('base64url').slice(0, 16);

function publicFiles(dir: string, under = ''): [string, Buffer][] {
  if (!dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((d) => {
    const rel = under ? `${under}/${d.name}` : d.name;
    return d.isDirectory()
      ? publicFiles(dir, rel)
      : [[rel, readFileSync(path.join(dir, rel))] as [string, Buffer]];
  });
}

/** The precache manifest of a build: every file but the worker itself and runtime-cached ones. */
export function precacheManifest(files: [string, string | Uint8Array][]): PrecacheManifest {
  const entries: PrecacheEntry[] = files
    .filter(([name]) => name !== SW_FILE && !isRuntimeCached(name))
    .map(([url, content]) => ({
      url,
      revision: revision(content),
      size: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength,
    }))
    .sort((a, b) => a.url.localeCompare(b.url));
  return { version: revision(entries.map((e) => `${e.url} ${e.revision}`).join('\n')), entries };
}

/** Vite plugin: emits sw.js, a self-contained script that precaches this build's app shell. */
export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'digit-lab:service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: path.resolve(config.root, 'src/sw/service-worker.ts'),
        fileName: SW_FILE,
      });
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const sw = bundle[SW_FILE];
        if (sw?.type !== 'chunk') return this.error(`${SW_FILE} is missing from the bundle`);
        // A worker script must stand alone: classic service workers cannot import chunks.
        if (sw.imports.length > 0 || sw.dynamicImports.length > 0) {
          return this.error(`${SW_FILE} imports ${sw.imports.join(', ')}: keep it self-contained`);
        }
        const built = Object.values(bundle).map((o): [string, string | Uint8Array] => [
          o.fileName,
          o.type === 'chunk' ? o.code : o.source,
        ]);
        const manifest = precacheManifest([...built, ...publicFiles(config.publicDir)]);
        const uses = sw.code.split(PLACEHOLDER).length - 1;
        if (uses !== 1)
          return this.error(`${SW_FILE} names ${PLACEHOLDER} ${uses} times, not once`);
        sw.code = sw.code.replace(PLACEHOLDER, JSON.stringify(manifest));
        const bytes = manifest.entries.reduce((s, e) => s + e.size, 0);
        const largest = manifest.entries.reduce((a, b) => (b.size > a.size ? b : a));
        this.info(
          `service worker: precaches ${manifest.entries.length} files, ${(bytes / 1e6).toFixed(2)} MB ` +
            `(largest ${largest.url}, ${(largest.size / 1e6).toFixed(2)} MB); MNIST is kept at run time`,
        );
      },
    },
  };
}
