import type { I18nValue } from '../i18n/i18n-context';
import {
  checkUploadFile,
  checkUploadSize,
  fitWithin,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_SIDE,
  type UploadProblem,
} from '../ml/image';
import { HEADER_BYTES, imageHeaderSize } from '../ml/image-header';

/** An image file that was refused, with the reason. */
export class ImageFileError extends Error {
  constructor(
    readonly problem: UploadProblem,
    readonly fileName: string,
  ) {
    super(`${problem}: ${fileName}`);
  }
}

/** RGBA pixels of an image scaled to fit a cap, with the size it had before. */
export interface ImagePixels {
  /** 4 bytes per pixel, row-major `height × width`. */
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  originalWidth: number;
  originalHeight: number;
  scaled: boolean;
}

/** Draws any image source (bitmap, video frame) shrunk to fit `cap` on its long side, and reads its pixels. */
export function readPixels(
  source: CanvasImageSource,
  width: number,
  height: number,
  cap: number,
): ImagePixels {
  const fit = fitWithin(width, height, cap);
  const canvas = document.createElement('canvas');
  canvas.width = fit.width;
  canvas.height = fit.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, fit.width, fit.height);
  return {
    rgba: ctx.getImageData(0, 0, fit.width, fit.height).data,
    width: fit.width,
    height: fit.height,
    originalWidth: width,
    originalHeight: height,
    scaled: fit.scaled,
  };
}

/**
 * Checks an image file (type, bytes, the size its header declares), decodes it and returns its
 * pixels shrunk to fit `cap`; rejects with ImageFileError for a file it refuses.
 */
export async function decodeImageFile(blob: Blob, name: string, cap: number): Promise<ImagePixels> {
  const early = checkUploadFile(blob);
  if (early) throw new ImageFileError(early, name);
  const declared = imageHeaderSize(new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer()));
  const tooBig = declared && checkUploadSize(declared.width, declared.height);
  if (tooBig) throw new ImageFileError(tooBig, name);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new ImageFileError(blob.type ? 'undecodable' : 'notImage', name);
  }
  try {
    // Formats whose header we do not read (AVIF, SVG, ...) are checked once decoded.
    const decodedTooBig = checkUploadSize(bitmap.width, bitmap.height);
    if (decodedTooBig) throw new ImageFileError(decodedTooBig, name);
    return readPixels(bitmap, bitmap.width, bitmap.height, cap);
  } finally {
    bitmap.close();
  }
}

/** What to tell the user when an image could not be used: the same words wherever it was picked. */
export function imageFileMessage(i18n: Pick<I18nValue, 't' | 'num'>, err: unknown): string {
  if (err instanceof ImageFileError) {
    return i18n.t(`upload.${err.problem}`, {
      name: err.fileName,
      mb: i18n.num(MAX_UPLOAD_BYTES / 1024 / 1024),
      side: i18n.num(MAX_UPLOAD_SIDE),
    });
  }
  return i18n.t('upload.failed', { message: err instanceof Error ? err.message : String(err) });
}
