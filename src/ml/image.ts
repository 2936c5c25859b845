/** A grayscale image, row-major `height × width` floats: [0, 1] for drawings, 0–255 for the lab's photos. */
export interface GrayImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** A grayscale image as bytes 0–255, row-major `height × width`: MNIST's storage, display output. */
export interface GrayByteImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** The values shown as black and as white; anything beyond is clipped. */
export type GrayRange = readonly [black: number, white: number];

/** An inclusive-exclusive pixel box: columns `x0 ≤ x < x1`, rows `y0 ≤ y < y1`. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A width and height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** A square image over existing pixels, no copy: a 28 × 28 digit from its 784 values. */
export function squareImage(data: Float32Array): GrayImage;
export function squareImage(data: Uint8Array | Uint8ClampedArray): GrayByteImage;
export function squareImage(data: GrayImage['data'] | GrayByteImage['data']) {
  const side = Math.sqrt(data.length);
  if (!Number.isInteger(side)) throw new Error(`${data.length} pixels do not make a square`);
  return { width: side, height: side, data };
}

function checkRgba(rgba: ArrayLike<number>, width: number, height: number): void {
  const want = width * height * 4;
  if (rgba.length !== want) {
    throw new Error(`expected ${want} RGBA bytes for ${width}×${height}, got ${rgba.length}`);
  }
}

/** Luma of one RGB pixel (bytes in), in [0, 1]: 0.299 R + 0.587 G + 0.114 B. */
export function luma(r: number, g: number, b: number): number {
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}

/**
 * Luminance in [0, 1] of RGBA bytes (as in ImageData), composited by alpha over a uniform
 * background `matte` (0 black, 1 white); black suits the drawing pad, whose empty canvas is black.
 */
export function rgbaToGray(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  matte = 0,
): GrayImage {
  checkRgba(rgba, width, height);
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const a = rgba[i * 4 + 3] / 255;
    data[i] = luma(rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]) * a + matte * (1 - a);
  }
  return { width, height, data };
}

/**
 * PIL's `convert('L')`, bit for bit: Pillow's fixed-point luma (R·19595 + G·38470 + B·7471 +
 * 32768) >> 16, an integer 0–255; alpha is ignored, as Pillow does. Rounding R·0.299 + G·0.587 +
 * B·0.114 instead differs by one level on 9,040 of the 16.7 M colours.
 */
export function rgbaToGrayL(rgba: ArrayLike<number>, width: number, height: number): GrayImage {
  checkRgba(rgba, width, height);
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) {
    data[i] =
      (rgba[i * 4] * 19595 + rgba[i * 4 + 1] * 38470 + rgba[i * 4 + 2] * 7471 + 32768) >> 16;
  }
  return { width, height, data };
}

/** Bytes for display: `range[0]` becomes 0, `range[1]` 255, rounded and clipped (all 0 for an empty range). */
export function toByteImage(
  image: Size & { data: ArrayLike<number> },
  range: GrayRange,
): GrayByteImage {
  const [black, white] = range;
  const span = white - black;
  const data = new Uint8ClampedArray(image.width * image.height);
  if (span > 0) {
    for (let i = 0; i < data.length; i++) {
      data[i] = Math.max(0, Math.min(255, Math.round(((image.data[i] - black) / span) * 255)));
    }
  }
  return { width: image.width, height: image.height, data };
}

/** The part of an image inside `box`. */
export function crop(img: GrayImage, box: Box): GrayImage {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (box.y0 + y) * img.width + box.x0;
    data.set(img.data.subarray(from, from + width), y * width);
  }
  return { data, width, height };
}

// Weights of source pixels covering output cell i when n source pixels map onto m cells (m ≤ n):
// each output cell averages the exact fraction of every source pixel it covers.
function areaWeights(n: number, m: number): { start: number; weights: number[] }[] {
  const scale = n / m;
  return Array.from({ length: m }, (_, i) => {
    const lo = i * scale;
    const hi = (i + 1) * scale;
    const start = Math.floor(lo);
    const weights: number[] = [];
    for (let s = start; s < Math.min(n, Math.ceil(hi)); s++) {
      weights.push((Math.min(hi, s + 1) - Math.max(lo, s)) / scale);
    }
    return { start, weights };
  });
}

// Bilinear weights for upscaling n source pixels to m cells (m > n), pixel centres aligned.
function bilinearWeights(n: number, m: number): { start: number; weights: number[] }[] {
  const scale = n / m;
  return Array.from({ length: m }, (_, i) => {
    const src = Math.min(n - 1, Math.max(0, (i + 0.5) * scale - 0.5));
    const start = Math.min(n - 1, Math.floor(src));
    const frac = src - start;
    return start + 1 < n ? { start, weights: [1 - frac, frac] } : { start, weights: [1] };
  });
}

/**
 * Resamples an image to `width × height`, anti-aliased: area averaging along an axis that shrinks,
 * bilinear along one that grows (separable, so each axis picks its own filter).
 */
export function resize(img: GrayImage, width: number, height: number): GrayImage {
  const wx = width <= img.width ? areaWeights(img.width, width) : bilinearWeights(img.width, width);
  const wy =
    height <= img.height ? areaWeights(img.height, height) : bilinearWeights(img.height, height);
  const rows = new Float32Array(img.height * width);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < width; x++) {
      const { start, weights } = wx[x];
      let sum = 0;
      for (let k = 0; k < weights.length; k++)
        sum += weights[k] * img.data[y * img.width + start + k];
      rows[y * width + x] = sum;
    }
  }
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const { start, weights } = wy[y];
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k] * rows[(start + k) * width + x];
      data[y * width + x] = sum;
    }
  }
  return { data, width, height };
}

/** The size whose long side is `side` px, aspect ratio kept, short side at least 1 px. */
export function fitSize(width: number, height: number, side: number): Size {
  const f = side / Math.max(width, height);
  return {
    width: Math.max(1, Math.round(width * f)),
    height: Math.max(1, Math.round(height * f)),
  };
}

/** The size after shrinking the long side to `cap` px when it is longer; `scaled` says whether it was. */
export function fitWithin(width: number, height: number, cap: number): Size & { scaled: boolean } {
  if (Math.max(width, height) <= cap) return { width, height, scaled: false };
  return { ...fitSize(width, height, cap), scaled: true };
}

/** Resamples an image so its long side is `side` px, keeping the aspect ratio (short side ≥ 1 px). */
export function fitInto(img: GrayImage, side: number): GrayImage {
  const size = fitSize(img.width, img.height, side);
  return resize(img, size.width, size.height);
}

/**
 * Largest image file accepted, in bytes (30 MB): a 48-megapixel phone photo is 10–25 MB as JPEG
 * or HEIC; anything bigger is a raw or uncompressed file that would only make the page wait.
 */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;
/**
 * Largest accepted image side in pixels: 48-megapixel sensors give 8,064 × 6,048 (8,000 × 6,000
 * after editing). A 10,000 × 10,000 image decodes to 400 MB of RGBA; larger sides are refused from
 * the file header, before decoding, so a few-kilobyte decompression bomb never reaches the decoder.
 */
export const MAX_UPLOAD_SIDE = 10_000;

/** Why an image file was refused, before or after decoding. */
export type UploadProblem = 'empty' | 'notImage' | 'undecodable' | 'tooLarge' | 'tooManyPixels';

/** Refuses a file by its declared type and size, before spending time decoding it. */
export function checkUploadFile(file: { type: string; size: number }): UploadProblem | null {
  if (file.size === 0) return 'empty';
  // An empty type is unknown, not wrong: the decoder decides.
  if (file.type !== '' && !file.type.startsWith('image/')) return 'notImage';
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  return null;
}

/** Refuses an image whose sides exceed MAX_UPLOAD_SIDE. */
export function checkUploadSize(width: number, height: number): UploadProblem | null {
  return width > MAX_UPLOAD_SIDE || height > MAX_UPLOAD_SIDE ? 'tooManyPixels' : null;
}
