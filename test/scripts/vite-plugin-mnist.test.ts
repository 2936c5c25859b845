import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { gzipped } from '../../scripts/vite-plugin-mnist';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'mnist-cache-'));
  dirs.push(d);
  return d;
};

it('gzips a file once, then serves it from the cache until the source changes', async () => {
  const data = tempDir();
  const cache = path.join(tempDir(), 'nested');
  const source = path.join(data, 'train-labels-idx1-ubyte');
  const first = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 10));
  writeFileSync(source, first);

  const fresh = await gzipped('train-labels-idx1-ubyte', cache, data);
  expect(fresh.cached).toBe(false);
  expect(gunzipSync(fresh.bytes).equals(first)).toBe(true);
  const again = await gzipped('train-labels-idx1-ubyte', cache, data);
  expect(again.cached).toBe(true);
  expect(again.bytes.equals(fresh.bytes)).toBe(true);

  // A new version of the source (another size and mtime) is gzipped anew; the old copy goes.
  const second = Buffer.concat([first, Buffer.from([1, 2, 3])]);
  writeFileSync(source, second);
  utimesSync(source, new Date(), new Date(Date.now() + 5000));
  const changed = await gzipped('train-labels-idx1-ubyte', cache, data);
  expect(changed.cached).toBe(false);
  expect(gunzipSync(changed.bytes).equals(second)).toBe(true);
  expect(readdirSync(cache)).toHaveLength(1);
});
