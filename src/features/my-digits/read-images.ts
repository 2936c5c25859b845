import { decodeImageFile } from '../../components/image-file';
import { rgbaToGray } from '../../ml/image';
import { MNIST_SIDE } from '../../ml/mnist/dataset';
import { newDigitId, toBytes, type MyDigit, type MyDigitSource } from '../../ml/my-digits/set';
import { photoToInk } from '../../ml/photo';
import { preprocess } from '../../ml/preprocess';

/** Decoded images are scaled down to this long side first: plenty for a 20 × 20 result. */
const WORK_SIDE = 560;

/** Why one file was not added: it shows no ink, it has no label, or the error that refused it. */
export type ImageRefusal =
  | { name: string; why: 'blank' }
  | { name: string; why: 'unlabelled' }
  | { name: string; why: 'error'; error: unknown };

/** What reading a batch of image files gave: the digits to add and the files refused. */
export interface ReadImages {
  digits: MyDigit[];
  refused: ImageRefusal[];
}

/**
 * One image as a personal digit. A 28×28 image is taken as it is (an exported MNIST-style PNG,
 * already bright ink on black); any other goes through the Draw panel's photo and MNIST steps.
 */
async function readOne(blob: Blob, name: string, label: number) {
  const { rgba, width, height } = await decodeImageFile(blob, name, WORK_SIDE);
  if (width === MNIST_SIDE && height === MNIST_SIDE) {
    const gray = rgbaToGray(rgba, width, height);
    return { label, pixels: toBytes(gray.data) };
  }
  const ink = photoToInk(rgba, width, height);
  if (ink.status === 'blank') return null;
  const result = preprocess(ink.image);
  return result.status === 'ok' ? { label, pixels: toBytes(result.final) } : null;
}

/** Reads image files one after another, each with the label `labelOf` gives it (null: refused). */
export async function readImages(
  files: readonly { blob: Blob; name: string }[],
  labelOf: (name: string) => number | null,
  source: MyDigitSource,
): Promise<ReadImages> {
  const digits: MyDigit[] = [];
  const refused: ImageRefusal[] = [];
  const now = Date.now();
  for (const [i, { blob, name }] of files.entries()) {
    const label = labelOf(name);
    if (label === null) {
      refused.push({ name, why: 'unlabelled' });
      continue;
    }
    try {
      const read = await readOne(blob, name, label);
      if (!read) refused.push({ name, why: 'blank' });
      // Added times one millisecond apart keep the files' order in the grid.
      else digits.push({ id: newDigitId(now + i), ...read, source, addedAt: now + i });
    } catch (error) {
      refused.push({ name, why: 'error', error });
    }
  }
  return { digits, refused };
}
