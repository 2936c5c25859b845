import type { Rng } from './batches';
import { MNIST_PIXELS, MNIST_SIDE } from './mnist/dataset';

/** How far each random change may go; every change is drawn uniformly within ± its limit. */
export interface AugmentOptions {
  /** Shift in pixels, horizontally and vertically. */
  shift: number;
  /** Rotation in degrees. */
  rotateDeg: number;
  /** Scale change as a fraction (0.1: 90 %–110 %). */
  scale: number;
  /** Stroke thickness change, 0–1: how far towards a 1-pixel thicker or thinner stroke. */
  thickness: number;
}

/** Small changes a handwritten digit survives: ±2 px, ±12°, ±10 % size, a bit bolder or thinner. */
export const DEFAULT_AUGMENT: Readonly<AugmentOptions> = Object.freeze({
  shift: 2,
  rotateDeg: 12,
  scale: 0.1,
  thickness: 0.6,
});

/** One draw of the random changes, so a test can apply a chosen one. */
export interface AugmentDraw {
  dx: number;
  dy: number;
  angleRad: number;
  zoom: number;
  /** > 0 thickens, < 0 thins, in [-1, 1]. */
  bold: number;
}

/** Draws the changes for one image within `options`. */
export function drawAugment(rng: Rng, options: AugmentOptions): AugmentDraw {
  const within = (limit: number) => (rng() * 2 - 1) * limit;
  return {
    dx: within(options.shift),
    dy: within(options.shift),
    angleRad: (within(options.rotateDeg) * Math.PI) / 180,
    zoom: 1 + within(options.scale),
    bold: within(options.thickness),
  };
}

// Grayscale dilation/erosion over the pixel and its four neighbours: one pixel more or less stroke.
function neighbourhood(
  src: ArrayLike<number>,
  pick: (a: number, b: number) => number,
): Float32Array {
  const out = new Float32Array(MNIST_PIXELS);
  const s = MNIST_SIDE;
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      let v = src[y * s + x];
      if (x > 0) v = pick(v, src[y * s + x - 1]);
      if (x < s - 1) v = pick(v, src[y * s + x + 1]);
      if (y > 0) v = pick(v, src[(y - 1) * s + x]);
      if (y < s - 1) v = pick(v, src[(y + 1) * s + x]);
      out[y * s + x] = v;
    }
  }
  return out;
}

/** Changes the stroke thickness of a 28×28 image: `bold` > 0 towards dilated, < 0 towards eroded. */
export function changeThickness(src: ArrayLike<number>, bold: number): Float32Array {
  const out = Float32Array.from(src);
  if (bold === 0) return out;
  const other = neighbourhood(src, bold > 0 ? Math.max : Math.min);
  const t = Math.abs(bold);
  for (let i = 0; i < MNIST_PIXELS; i++) out[i] += t * (other[i] - out[i]);
  return out;
}

/**
 * Moves, turns and scales a 28×28 image about its centre (bilinear sampling, zero outside):
 * each output pixel reads the source at the inverse transform of its position.
 */
export function warp(
  src: ArrayLike<number>,
  d: Pick<AugmentDraw, 'dx' | 'dy' | 'angleRad' | 'zoom'>,
): Float32Array {
  const out = new Float32Array(MNIST_PIXELS);
  const s = MNIST_SIDE;
  const c = (s - 1) / 2;
  const cos = Math.cos(d.angleRad) / d.zoom;
  const sin = Math.sin(d.angleRad) / d.zoom;
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= s || y >= s ? 0 : src[y * s + x]);
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      const px = x - c - d.dx;
      const py = y - c - d.dy;
      const sx = cos * px + sin * py + c;
      const sy = -sin * px + cos * py + c;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      out[y * s + x] =
        (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
        fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
    }
  }
  return out;
}

/** One augmented copy of a 28×28 image of bytes 0–255, drawn from `rng`; bytes 0–255 again. */
export function augmentImage(
  src: ArrayLike<number>,
  rng: Rng,
  options: AugmentOptions,
): Uint8Array {
  const d = drawAugment(rng, options);
  const warped = warp(changeThickness(src, d.bold), d);
  return Uint8Array.from(warped, (v) => Math.round(Math.min(255, Math.max(0, v))));
}
