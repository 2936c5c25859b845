import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS, MNIST_SIDE, NUM_CLASSES, type MnistSplit } from './mnist/dataset';

/** A seeded pseudo-random generator returning floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough to shuffle; the same seed gives the same sequence. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates shuffle of 0..count-1 drawn from `rng`. */
export function shuffledIndices(count: number, rng: Rng): Int32Array {
  const out = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

/**
 * Batches per epoch, as PyTorch's DataLoader makes them (drop_last=False): every image once,
 * the last batch smaller when the batch size does not divide the count (60,000 / 64 → 938).
 */
export function stepsPerEpoch(count: number, batchSize: number): number {
  return Math.max(1, Math.ceil(count / batchSize));
}

/** One batch: images [b, 28, 28, 1] scaled to [0, 1] and one-hot labels [b, 10]. */
export interface Batch {
  xs: tf.Tensor4D;
  ys: tf.Tensor2D;
}

/** Builds a batch of the images `indices` of `split` (the caller disposes both tensors). */
export function makeBatch(split: MnistSplit, indices: ArrayLike<number>): Batch {
  const n = indices.length;
  const pixels = new Float32Array(n * MNIST_PIXELS);
  const labels = new Float32Array(n * NUM_CLASSES);
  for (let b = 0; b < n; b++) {
    const src = indices[b] * MNIST_PIXELS;
    const dst = b * MNIST_PIXELS;
    for (let p = 0; p < MNIST_PIXELS; p++) pixels[dst + p] = split.images[src + p] / 255;
    labels[b * NUM_CLASSES + split.labels[indices[b]]] = 1;
  }
  return {
    xs: tf.tensor4d(pixels, [n, MNIST_SIDE, MNIST_SIDE, 1]),
    ys: tf.tensor2d(labels, [n, NUM_CLASSES]),
  };
}

/** The first `count` images of a split (a view, no copy), e.g. the fixed 1,000-image test subset. */
export function headOf(split: MnistSplit, count: number): MnistSplit {
  const n = Math.min(count, split.count);
  return {
    count: n,
    images: split.images.subarray(0, n * MNIST_PIXELS),
    labels: split.labels.subarray(0, n),
  };
}
