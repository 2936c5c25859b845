import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUGMENT } from '../../src/ml/augment';
import { BatchMixer, personalPerBatch } from '../../src/ml/mix';
import { MNIST_PIXELS, type MnistSplit } from '../../src/ml/mnist/dataset';

/** A split whose image i is filled with the value `fill + i`, labelled `label(i)`. */
function split(count: number, fill: number, label: (i: number) => number): MnistSplit {
  const images = new Uint8Array(count * MNIST_PIXELS);
  for (let i = 0; i < count; i++) images.fill(fill + i, i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS);
  return { count, images, labels: Uint8Array.from({ length: count }, (_, i) => label(i)) };
}
const mnist = split(20, 0, (i) => i % 10);
const mine = split(3, 200, () => 7);
const firstPixel = (pixels: Float32Array, b: number) => Math.round(pixels[b * MNIST_PIXELS] * 255);

describe('personalPerBatch', () => {
  it('takes the share of the batch, at least one, at most the batch, none without images', () => {
    expect(personalPerBatch(50, 0.25, 10)).toBe(13);
    expect(personalPerBatch(4, 0.05, 10)).toBe(1);
    expect(personalPerBatch(10, 5, 10)).toBe(9); // capped at MAX_PERSONAL_SHARE
    expect(personalPerBatch(50, 0.25, 0)).toBe(0);
    expect(personalPerBatch(50, 0, 10)).toBe(0);
  });
});

describe('BatchMixer', () => {
  it('is plain MNIST for the given indices without a personal set or augmentation', () => {
    const mixer = new BatchMixer(mnist, { augment: null, personal: null, share: 0.5 }, 1);
    const { pixels, labels, personal } = mixer.arrays([4, 11, 2]);
    expect(personal).toBe(0);
    expect([0, 1, 2].map((b) => firstPixel(pixels, b))).toEqual([4, 11, 2]);
    expect(Array.from(labels)).toEqual([4, 1, 2]);
  });

  it('puts the share of personal images last, each once before any repeats', () => {
    const mixer = new BatchMixer(mnist, { augment: null, personal: mine, share: 0.5 }, 1);
    const first = mixer.arrays([0, 1, 2, 3]);
    expect(first.personal).toBe(2);
    expect([0, 1].map((b) => firstPixel(first.pixels, b))).toEqual([0, 1]);
    expect(Array.from(first.labels)).toEqual([0, 1, 7, 7]);
    const second = mixer.arrays([4, 5, 6, 7]);
    const seen = [2, 3].map((b) => firstPixel(first.pixels, b));
    seen.push(firstPixel(second.pixels, 2));
    // The first three personal images drawn are the whole set, in some order.
    expect(seen.sort()).toEqual([200, 201, 202]);
  });

  it('augments every image when asked, the same way for the same seed', () => {
    // A centred square, so a move or turn changes pixels.
    const img = new Uint8Array(MNIST_PIXELS);
    for (let y = 10; y < 18; y++) for (let x = 11; x < 15; x++) img[y * 28 + x] = 255;
    const one: MnistSplit = { count: 1, images: img, labels: Uint8Array.of(3) };
    const data = { augment: DEFAULT_AUGMENT, personal: null, share: 0 };
    const a = new BatchMixer(one, data, 9).arrays([0, 0]);
    const b = new BatchMixer(one, data, 9).arrays([0, 0]);
    expect(Array.from(a.pixels)).toEqual(Array.from(b.pixels));
    const plain = Float32Array.from(img, (v) => v / 255);
    expect(Array.from(a.pixels.subarray(0, MNIST_PIXELS))).not.toEqual(Array.from(plain));
    expect(Array.from(a.pixels.subarray(0, MNIST_PIXELS))).not.toEqual(
      Array.from(a.pixels.subarray(MNIST_PIXELS)),
    );
  });

  it('builds tensors of the right shapes with one-hot labels', () => {
    const mixer = new BatchMixer(mnist, { augment: null, personal: mine, share: 0.5 }, 1);
    const { xs, ys } = mixer.batch([0, 1, 2, 3]);
    expect(xs.shape).toEqual([4, 28, 28, 1]);
    expect(Array.from(ys.argMax(1).dataSync())).toEqual([0, 1, 7, 7]);
    tf.dispose([xs, ys]);
  });
});
