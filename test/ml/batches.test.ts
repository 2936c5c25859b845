import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { makeBatch, seededRng, shuffledIndices, stepsPerEpoch } from '../../src/ml/batches';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

it('shuffles repeatably from a seed, as a permutation', () => {
  const a = shuffledIndices(1000, seededRng(3));
  expect(shuffledIndices(1000, seededRng(3))).toEqual(a);
  expect(shuffledIndices(1000, seededRng(4))).not.toEqual(a);
  expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  expect(stepsPerEpoch(60_000, 50)).toBe(1200);
  expect(stepsPerEpoch(60_000, 64)).toBe(938); // DataLoader keeps the last 32 images as a batch
});

it('builds batches scaled to [0, 1] with one-hot labels', () => {
  const images = new Uint8Array(3 * 784);
  images[784] = 255;
  images[784 + 1] = 51;
  const split = { count: 3, images, labels: Uint8Array.from([4, 9, 0]) };
  const { xs, ys } = makeBatch(split, [1, 0]);
  expect(xs.shape).toEqual([2, 28, 28, 1]);
  const x = xs.dataSync();
  expect([x[0], x[784]]).toEqual([1, 0]);
  expect(x[1]).toBeCloseTo(0.2, 6);
  expect(Array.from(ys.argMax(1).dataSync())).toEqual([9, 4]);
  tf.dispose([xs, ys]);
});
