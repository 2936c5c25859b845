import { fitWithin, rgbaToGrayL, type GrayImage } from '../../ml/image';

/** Longest side the lab works on; larger images are scaled down first. */
export const IMAGE_CAP = 1024;

/** An image ready for the lab: grayscale pixels 0–255 plus where it came from and its original size. */
export interface LabImage {
  gray: GrayImage;
  name: string;
  originalWidth: number;
  originalHeight: number;
  scaled: boolean;
}

/** Why an image could not be used. */
export type ImageProblem = 'notImage' | 'empty' | 'undecodable' | 'tooLarge';

/** Largest file or picture we decode: beyond these a phone photo is still fine, a bomb is not. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** Largest side, in pixels, we decode before scaling down. */
export const MAX_IMAGE_SIDE = 12_000;

/** An image that could not be used, with the reason. */
export class ImageLoadError extends Error {
  constructor(
    readonly problem: ImageProblem,
    readonly fileName: string,
  ) {
    super(`${problem}: ${fileName}`);
  }
}

/** Draws any image source, scaled to fit IMAGE_CAP, and converts it the way PIL's convert('L') does. */
export function toLabImage(
  source: CanvasImageSource,
  width: number,
  height: number,
  name: string,
): LabImage {
  const fit = fitWithin(width, height, IMAGE_CAP);
  const canvas = document.createElement('canvas');
  canvas.width = fit.width;
  canvas.height = fit.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.drawImage(source, 0, 0, fit.width, fit.height);
  const rgba = ctx.getImageData(0, 0, fit.width, fit.height).data;
  return {
    gray: rgbaToGrayL(rgba, fit.width, fit.height),
    name,
    originalWidth: width,
    originalHeight: height,
    scaled: fit.scaled,
  };
}

/** Decodes a file or fetched blob; rejects with ImageLoadError for non-images, empty or broken files. */
export async function decodeImage(blob: Blob, name: string): Promise<LabImage> {
  if (blob.size === 0) throw new ImageLoadError('empty', name);
  if (blob.type && !blob.type.startsWith('image/')) throw new ImageLoadError('notImage', name);
  if (blob.size > MAX_IMAGE_BYTES) throw new ImageLoadError('tooLarge', name);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new ImageLoadError(blob.type ? 'undecodable' : 'notImage', name);
  }
  try {
    if (Math.max(bitmap.width, bitmap.height) > MAX_IMAGE_SIDE) {
      throw new ImageLoadError('tooLarge', name);
    }
    return toLabImage(bitmap, bitmap.width, bitmap.height, name);
  } finally {
    bitmap.close();
  }
}

/** Fetches and decodes one of the bundled samples. */
export async function loadSample(file: string): Promise<LabImage> {
  const res = await fetch(`${import.meta.env.BASE_URL}samples/${file}`);
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return decodeImage(await res.blob(), file);
}
