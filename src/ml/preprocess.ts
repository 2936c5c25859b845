import { MNIST_PIXELS, MNIST_SIDE } from './mnist/dataset';

/** A grayscale image as plain data: `data` is row-major `height × width`, ink bright (1) on dark (0). */
export interface GrayImage {
  data: Float32Array;
  width: number;
  height: number;
}

/** An inclusive-exclusive pixel box: columns `x0 ≤ x < x1`, rows `y0 ≤ y < y1`. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A point in pixel-index coordinates (the centre of pixel (r, c) is (c, r)). */
export interface Point {
  x: number;
  y: number;
}

/** Side of the box MNIST fits each digit into before centring it in 28×28. */
export const FIT_SIDE = 20;
/** Where MNIST puts the centre of mass, in pixel-index coordinates (measured: the test set averages 14.0, 14.0). */
export const MNIST_CENTER: Point = { x: 14, y: 14 };
/** Pixels at or below this value count as background when finding the ink's bounding box. */
export const INK_THRESHOLD = 0.05;

/** Every step of the MNIST-style preprocessing, or `empty` when there is no ink. */
export type PreprocessResult =
  | { status: 'empty' }
  | {
      status: 'ok';
      /** The ink's bounding box in the input image. */
      box: Box;
      /** The input cropped to `box`. */
      cropped: GrayImage;
      /** The crop scaled so its long side is 20 px, aspect ratio kept. */
      fitted: GrayImage;
      /** The network input: 784 values in [0, 1], shape [28, 28]. */
      final: Float32Array;
      /** Centre of mass of `final`, in pixel-index coordinates. */
      centerOfMass: Point;
    };

/** Luminance in [0, 1] of RGBA bytes (as in ImageData), length `width × height`. */
export function rgbaToGray(rgba: ArrayLike<number>, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) {
    const a = rgba[i * 4 + 3] / 255;
    // Transparent pixels count as black background, like the empty drawing canvas.
    out[i] = ((0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2]) / 255) * a;
  }
  return out;
}

/** The smallest box holding every pixel above `threshold`, or null when there is none. */
export function inkBox(img: GrayImage, threshold = INK_THRESHOLD): Box | null {
  const { data, width, height } = img;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
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

/** Scales an image so its long side is `side` px, keeping the aspect ratio (short side ≥ 1 px). */
export function fitInto(img: GrayImage, side = FIT_SIDE): GrayImage {
  const scale = side / Math.max(img.width, img.height);
  return resize(
    img,
    Math.max(1, Math.round(img.width * scale)),
    Math.max(1, Math.round(img.height * scale)),
  );
}

/** The intensity-weighted centre of an image in pixel-index coordinates, or null when it is all zero. */
export function centerOfMass(img: GrayImage): Point | null {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const v = img.data[y * img.width + x];
      mass += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass } : null;
}

/**
 * Pastes `img` into a 28×28 field, shifted by whole pixels so its centre of mass lands on
 * MNIST_CENTER; the shift is clamped so no ink falls off the edge.
 */
export function placeByCenterOfMass(img: GrayImage): Float32Array {
  const out = new Float32Array(MNIST_PIXELS);
  const com = centerOfMass(img) ?? { x: (img.width - 1) / 2, y: (img.height - 1) / 2 };
  const clamp = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
  const dx = clamp(Math.round(MNIST_CENTER.x - com.x), MNIST_SIDE - img.width);
  const dy = clamp(Math.round(MNIST_CENTER.y - com.y), MNIST_SIDE - img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      out[(y + dy) * MNIST_SIDE + x + dx] = img.data[y * img.width + x];
    }
  }
  return out;
}

// Stretch so the brightest ink is 1: thin strokes lose contrast when they are averaged down.
function normalizePeak(data: Float32Array): Float32Array {
  let max = 0;
  for (const v of data) if (v > max) max = v;
  return max > 0 ? data.map((v) => Math.min(1, Math.max(0, v / max))) : data;
}

/**
 * MNIST-style preprocessing of a grayscale image (ink bright on dark): crop to the ink, fit the
 * long side into 20 px keeping the aspect ratio, place in 28×28 by centre of mass, scale to [0, 1].
 */
export function preprocess(img: GrayImage): PreprocessResult {
  const box = inkBox(img);
  if (!box) return { status: 'empty' };
  const cropped = crop(img, box);
  const fitted = fitInto(cropped);
  const final = normalizePeak(placeByCenterOfMass(fitted));
  const centerOfMass_ = centerOfMass({ data: final, width: MNIST_SIDE, height: MNIST_SIDE });
  if (!centerOfMass_) return { status: 'empty' };
  return { status: 'ok', box, cropped, fitted, final, centerOfMass: centerOfMass_ };
}

/** The whole image squashed to 28×28 with no cropping or centring, shape [28, 28] in [0, 1]. */
export function plainDownscale(img: GrayImage): Float32Array {
  return resize(img, MNIST_SIDE, MNIST_SIDE).data.map((v) => Math.min(1, Math.max(0, v)));
}
