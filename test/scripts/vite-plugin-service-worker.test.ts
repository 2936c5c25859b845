import { expect, it } from 'vitest';
import { precacheManifest, SW_FILE } from '../../scripts/vite-plugin-service-worker';

it('precaches every file of the build but the worker itself and MNIST, each with its size', () => {
  const big = new Uint8Array(3 * 1024 * 1024); // over Workbox's 2 MiB default: still precached
  const manifest = precacheManifest([
    ['index.html', '<!doctype html>'],
    ['assets/index-abc.js', big],
    [SW_FILE, 'self.addEventListener'],
    ['mnist/train-images-idx3-ubyte.gz', new Uint8Array(10)],
    ['icons/icon-192.png', new Uint8Array(5)],
  ]);
  expect(manifest.entries.map((e) => [e.url, e.size])).toEqual([
    ['assets/index-abc.js', big.byteLength],
    ['icons/icon-192.png', 5],
    ['index.html', 15],
  ]);
});

it('gives a new version when any file changes, and the same one when none does', () => {
  const build = (html: string) =>
    precacheManifest([
      ['index.html', html],
      ['a.js', 'x'],
    ]);
  expect(build('one').version).toBe(build('one').version);
  expect(build('two').version).not.toBe(build('one').version);
  const [a, b] = [build('one'), build('two')];
  // Only the changed file gets a new revision, so an update copies the rest from the old shell.
  expect(a.entries.find((e) => e.url === 'a.js')!.revision).toBe(
    b.entries.find((e) => e.url === 'a.js')!.revision,
  );
  expect(a.entries.find((e) => e.url === 'index.html')!.revision).not.toBe(
    b.entries.find((e) => e.url === 'index.html')!.revision,
  );
});
