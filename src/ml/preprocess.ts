import { crop, fitInto, resize, type Box, type GrayImage } from './image';
import { MNIST_PIXELS, MNIST_SIDE } from './mnist/dataset';

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
  const fitted = fitInto(cropped, FIT_SIDE);
  const final = normalizePeak(placeByCenterOfMass(fitted));
  const centerOfMass_ = centerOfMass({ data: final, width: MNIST_SIDE, height: MNIST_SIDE });
  if (!centerOfMass_) return { status: 'empty' };
  return { status: 'ok', box, cropped, fitted, final, centerOfMass: centerOfMass_ };
}

/** The whole image squashed to 28×28 with no cropping or centring, shape [28, 28] in [0, 1]. */
export function plainDownscale(img: GrayImage): Float32Array {
  return resize(img, MNIST_SIDE, MNIST_SIDE).data.map((v) => Math.min(1, Math.max(0, v)));
}
