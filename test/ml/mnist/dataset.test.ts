import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classCounts, imageAt, indicesOf, makeSplit } from '../../../src/ml/mnist/dataset';
import { parseIdxImages } from '../../../src/ml/mnist/idx';
import { loadMnist } from '../../../src/ml/mnist/load';
import { makeIdxImages, makeIdxLabels } from '../../fixtures/idx';

const labels = [3, 1, 3, 0, 9];
const split = makeSplit(parseIdxImages(makeIdxImages(5)), new Uint8Array(labels), 'fixture');

describe('dataset access', () => {
  it('returns one image as a 784-pixel view', () => {
    const img = imageAt(split, 2);
    expect(img.length).toBe(784);
    expect(img[0]).toBe(14);
    expect(() => imageAt(split, 5)).toThrow(RangeError);
    expect(() => imageAt(split, -1)).toThrow(RangeError);
  });

  it('counts images per class and filters by digit', () => {
    expect(classCounts(split)).toEqual([1, 1, 0, 2, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(indicesOf(split, 3))).toEqual([0, 2]);
    expect(Array.from(indicesOf(split, null))).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses images and labels that do not belong together', () => {
    expect(() => makeSplit(parseIdxImages(makeIdxImages(5)), new Uint8Array(4), 'x')).toThrow(
      /expected as many labels as images, got 4 labels for 5 images/,
    );
    expect(() =>
      makeSplit(parseIdxImages(makeIdxImages(1, 20, 20)), new Uint8Array(1), 'x'),
    ).toThrow(/expected 28×28 images, got 20×20/);
  });
});

describe('loadMnist', () => {
  const files: Record<string, Uint8Array> = {
    'train-images-idx3-ubyte': makeIdxImages(5),
    'train-labels-idx1-ubyte': makeIdxLabels(labels),
    't10k-images-idx3-ubyte': makeIdxImages(2),
    't10k-labels-idx1-ubyte': makeIdxLabels([7, 2]),
  };
  const serve =
    (override: Record<string, Uint8Array> = {}) =>
    async (url: string) => {
      const name = url.replace(/^.*\//, '').replace(/\.gz$/, '');
      const body = override[name] ?? gzipSync(files[name]);
      return body
        ? new Response(body as Uint8Array<ArrayBuffer>)
        : new Response('missing', { status: 404 });
    };

  it('downloads, gunzips and parses both splits', async () => {
    const { data, stats } = await loadMnist('http://x/mnist/', serve());
    expect(data.train.count).toBe(5);
    expect(data.test.count).toBe(2);
    expect(Array.from(data.test.labels)).toEqual([7, 2]);
    expect(stats.rawBytes).toBe(Object.values(files).reduce((s, f) => s + f.length, 0));
    expect(stats.compressedBytes).toBeGreaterThan(0);
  });

  it('reports a missing file and bad gzip clearly', async () => {
    const missing = async (url: string) =>
      url.includes('t10k-labels')
        ? new Response('no', { status: 404, statusText: 'Not Found' })
        : serve()(url);
    await expect(loadMnist('http://x/', missing)).rejects.toThrow(
      /could not download .*t10k-labels.*404/,
    );
    const bad = serve({ 'train-labels-idx1-ubyte': new Uint8Array([0x1f, 0x8b, 3, 4, 5]) });
    await expect(loadMnist('http://x/', bad)).rejects.toThrow(/not valid gzip data/);
    const notIdx = serve({ 'train-labels-idx1-ubyte': new Uint8Array([1, 2, 3, 4, 5]) });
    await expect(loadMnist('http://x/', notIdx)).rejects.toThrow(/expected IDX magic number 2049/);
  });

  it('accepts files the server already inflated (Content-Encoding: gzip)', async () => {
    const { data } = await loadMnist(
      'http://x/',
      serve({ 't10k-labels-idx1-ubyte': files['t10k-labels-idx1-ubyte'] }),
    );
    expect(Array.from(data.test.labels)).toEqual([7, 2]);
  });

  it('reports a truncated file inside valid gzip', async () => {
    const cut = serve({ 't10k-images-idx3-ubyte': gzipSync(makeIdxImages(2).subarray(0, 100)) });
    await expect(loadMnist('http://x/', cut)).rejects.toThrow(/t10k-images-idx3-ubyte: truncated/);
  });
});
