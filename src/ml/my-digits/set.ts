import { IdxFormatError, parseIdxImages, parseIdxLabels } from '../mnist/idx';
import { makeSplit, MNIST_PIXELS, NUM_CLASSES, type MnistSplit } from '../mnist/dataset';

/** Most images the personal set holds: 2,000 × 784 bytes is 1.6 MB, small for IndexedDB. */
export const MY_DIGITS_LIMIT = 2000;

/** Where a personal image came from. */
export type MyDigitSource = 'drawn' | 'uploaded' | 'imported';

/** One image of the user's own handwriting, already preprocessed the MNIST way. */
export interface MyDigit {
  id: string;
  /** The digit it shows, 0–9. */
  label: number;
  /** 28×28 bytes, 0 = background, row-major (MNIST's storage). */
  pixels: Uint8Array;
  source: MyDigitSource;
  /** When it was added, ms since the epoch. */
  addedAt: number;
}

/** A new id for a personal image: time and randomness, so ids from two tabs do not clash. */
export function newDigitId(now = Date.now(), random = Math.random): string {
  return `${now.toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
}

/** A preprocessed network input (784 values in [0, 1]) as MNIST bytes. */
export function toBytes(final: ArrayLike<number>): Uint8Array {
  if (final.length !== MNIST_PIXELS) {
    throw new Error(`expected ${MNIST_PIXELS} pixels, got ${final.length}`);
  }
  return Uint8Array.from(final, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
}

/** The personal set as a split, in the order given, for evaluation, training and export. */
export function toSplit(digits: readonly MyDigit[]): MnistSplit {
  const images = new Uint8Array(digits.length * MNIST_PIXELS);
  const labels = new Uint8Array(digits.length);
  digits.forEach((d, i) => {
    images.set(d.pixels, i * MNIST_PIXELS);
    labels[i] = d.label;
  });
  return { count: digits.length, images, labels };
}

/** Images of each digit, length 10. */
export function countsByDigit(digits: readonly { label: number }[]): number[] {
  const counts = new Array<number>(NUM_CLASSES).fill(0);
  for (const d of digits) counts[d.label]++;
  return counts;
}

/** The digit to ask for next: the one with the fewest images (the lowest on a tie), to keep the set even. */
export function nextPrompt(counts: readonly number[]): number {
  let best = 0;
  for (let d = 1; d < counts.length; d++) if (counts[d] < counts[best]) best = d;
  return best;
}

/** Room left in the personal set, given how many images it holds. */
export function roomLeft(held: number): number {
  return Math.max(0, MY_DIGITS_LIMIT - held);
}

/**
 * Reads an IDX image file and an IDX label file into a split with the app's own parser: 28×28
 * images, digits 0–9, as many labels as images; throws IdxFormatError saying what was wrong.
 */
export function splitFromIdx(
  images: Uint8Array,
  labels: Uint8Array,
  names: [string, string],
): MnistSplit {
  const split = makeSplit(
    parseIdxImages(images, names[0]),
    parseIdxLabels(labels, names[1]),
    names[0],
  );
  if (split.count === 0)
    throw new IdxFormatError(`${names[0]}: expected at least one image, found none`);
  return split;
}
