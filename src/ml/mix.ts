import * as tf from '@tensorflow/tfjs';
import { augmentImage, type AugmentOptions } from './augment';
import { seededRng, shuffledIndices, type Batch, type Rng } from './batches';
import { MNIST_PIXELS, MNIST_SIDE, NUM_CLASSES, type MnistSplit } from './mnist/dataset';

/** Largest share of a batch the personal set may take: MNIST keeps the model general. */
export const MAX_PERSONAL_SHARE = 0.9;

/** What a run trains on besides MNIST's order: the user's own digits mixed in, and augmentation. */
export interface TrainData {
  /** Random shifts, turns, scaling and stroke changes for every training image, or none. */
  augment: AugmentOptions | null;
  /** The user's digits (28×28 bytes) mixed into each batch, or none. */
  personal: MnistSplit | null;
  /** Fraction of each batch drawn from `personal`, 0 to MAX_PERSONAL_SHARE. */
  share: number;
}

/** How many of a batch of `batchSize` come from a personal set of `personalCount` images. */
export function personalPerBatch(batchSize: number, share: number, personalCount: number): number {
  if (personalCount === 0 || share <= 0) return 0;
  const s = Math.min(share, MAX_PERSONAL_SHARE);
  // At least one, so a small share of a small batch still shows the model the user's digits.
  return Math.min(batchSize, Math.max(1, Math.round(batchSize * s)));
}

/** A batch as plain arrays: pixels in [0, 1], shape [n, 28, 28, 1], and digit labels. */
export interface BatchArrays {
  pixels: Float32Array;
  labels: Uint8Array;
  /** How many of the n images came from the personal set (they come last). */
  personal: number;
}

/**
 * Builds the batches of a run from MNIST indices, swapping the batch's last places for personal
 * images (drawn without repeats until the whole set has been seen, then reshuffled) and augmenting
 * every image when asked. Seeded, so a run's batches repeat.
 */
export class BatchMixer {
  private readonly rng: Rng;
  private order: Int32Array = new Int32Array(0);
  private cursor = 0;

  constructor(
    private readonly train: MnistSplit,
    private readonly data: TrainData,
    seed: number,
  ) {
    this.rng = seededRng(seed * 104_729 + 17);
  }

  private nextPersonal(set: MnistSplit): number {
    if (this.cursor >= this.order.length) {
      this.order = shuffledIndices(set.count, this.rng);
      this.cursor = 0;
    }
    return this.order[this.cursor++];
  }

  /** The images for MNIST indices `indices`, mixed and augmented, as plain arrays. */
  arrays(indices: ArrayLike<number>): BatchArrays {
    const n = indices.length;
    const set = this.data.personal;
    const personal = set ? personalPerBatch(n, this.data.share, set.count) : 0;
    const pixels = new Float32Array(n * MNIST_PIXELS);
    const labels = new Uint8Array(n);
    for (let b = 0; b < n; b++) {
      const fromPersonal = set !== null && b >= n - personal;
      const source = fromPersonal ? set : this.train;
      const index = fromPersonal ? this.nextPersonal(set) : indices[b];
      let image: ArrayLike<number> = source.images.subarray(
        index * MNIST_PIXELS,
        (index + 1) * MNIST_PIXELS,
      );
      if (this.data.augment) image = augmentImage(image, this.rng, this.data.augment);
      for (let p = 0; p < MNIST_PIXELS; p++) pixels[b * MNIST_PIXELS + p] = image[p] / 255;
      labels[b] = source.labels[index];
    }
    return { pixels, labels, personal };
  }

  /** The same batch as tensors: images [n, 28, 28, 1] and one-hot labels [n, 10]. */
  batch(indices: ArrayLike<number>): Batch {
    const { pixels, labels } = this.arrays(indices);
    const n = labels.length;
    const oneHot = new Float32Array(n * NUM_CLASSES);
    labels.forEach((l, b) => (oneHot[b * NUM_CLASSES + l] = 1));
    return {
      xs: tf.tensor4d(pixels, [n, MNIST_SIDE, MNIST_SIDE, 1]),
      ys: tf.tensor2d(oneHot, [n, NUM_CLASSES]),
    };
  }
}
