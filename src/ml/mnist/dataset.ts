import { IdxFormatError, type IdxImages } from './idx';

/** Side of an MNIST image in pixels. */
export const MNIST_SIDE = 28;
/** Pixels in one MNIST image (28 × 28). */
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
/** Number of classes (digits 0–9). */
export const NUM_CLASSES = 10;

/** One split of MNIST: `images` is count × 784 bytes (0–255), `labels` count digits. */
export interface MnistSplit {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** Both splits of MNIST. */
export interface MnistData {
  train: MnistSplit;
  test: MnistSplit;
}

/** Images in MNIST's test split, for words written before it has loaded. */
export const MNIST_TEST_IMAGES = 10_000;

/** Which split: the 60,000 training or 10,000 test images. */
export type SplitName = keyof MnistData;

/** Pairs parsed images with their labels, checking that they belong together. */
export function makeSplit(images: IdxImages, labels: Uint8Array, what: string): MnistSplit {
  if (images.rows !== MNIST_SIDE || images.cols !== MNIST_SIDE) {
    throw new IdxFormatError(
      `${what}: expected ${MNIST_SIDE}×${MNIST_SIDE} images, got ${images.rows}×${images.cols}`,
    );
  }
  if (images.count !== labels.length) {
    throw new IdxFormatError(
      `${what}: expected as many labels as images, got ${labels.length} labels for ${images.count} images`,
    );
  }
  return { count: images.count, images: images.pixels, labels };
}

/** The 784 pixels of image `index`, shape [28, 28] row-major (a view, not a copy). */
export function imageAt(split: MnistSplit, index: number): Uint8Array {
  if (!Number.isInteger(index) || index < 0 || index >= split.count) {
    throw new RangeError(`image index ${index} is outside 0–${split.count - 1}`);
  }
  return split.images.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS);
}

/** Number of images of each digit, length 10. */
export function classCounts(split: MnistSplit): number[] {
  const counts = new Array<number>(NUM_CLASSES).fill(0);
  for (const label of split.labels) counts[label]++;
  return counts;
}

/** Indices of the images labelled `digit`, or of all images when `digit` is null. */
export function indicesOf(split: MnistSplit, digit: number | null): Int32Array {
  if (digit === null) return Int32Array.from({ length: split.count }, (_, i) => i);
  const out: number[] = [];
  split.labels.forEach((label, i) => {
    if (label === digit) out.push(i);
  });
  return Int32Array.from(out);
}
