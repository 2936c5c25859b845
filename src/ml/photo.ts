import { luma, rgbaToGray, type GrayImage } from './image';

/** Below this spread between background and brightest ink an image counts as blank. */
export const MIN_CONTRAST = 0.15;

/** A photo or scan turned into MNIST polarity (bright ink on black), or `blank` when it has no ink. */
export type PhotoInk = { status: 'blank' } | { status: 'ok'; image: GrayImage; inverted: boolean };

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function borderValues(lum: Float32Array, width: number, height: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < width; x++) out.push(lum[x], lum[(height - 1) * width + x]);
  for (let y = 1; y < height - 1; y++) out.push(lum[y * width], lum[y * width + width - 1]);
  return out;
}

/**
 * Converts RGBA pixels of an uploaded image into ink: transparent areas become background, the
 * background (the border's median brightness) decides whether to invert so ink is bright, and
 * paper texture below a soft threshold is cleared.
 */
export function photoToInk(rgba: ArrayLike<number>, width: number, height: number): PhotoInk {
  const n = width * height;
  // Composite over whichever of black or white contrasts with the opaque pixels, so dark ink on a
  // transparent background and light ink on a transparent background both survive.
  let opaqueSum = 0;
  let opaqueCount = 0;
  for (let i = 0; i < n; i++) {
    if (rgba[i * 4 + 3] > 127) {
      opaqueSum += luma(rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]);
      opaqueCount++;
    }
  }
  const matte = opaqueCount > 0 && opaqueSum / opaqueCount < 0.5 ? 1 : 0;
  const lum = rgbaToGray(rgba, width, height, matte).data;

  const inverted = median(borderValues(lum, width, height)) > 0.5;
  if (inverted) for (let i = 0; i < n; i++) lum[i] = 1 - lum[i];
  const background = median(borderValues(lum, width, height));
  let peak = 0;
  for (const v of lum) if (v > peak) peak = v;
  if (peak - background < MIN_CONTRAST) return { status: 'blank' };

  const floor = background + 0.3 * (peak - background);
  const data = lum.map((v) => Math.min(1, Math.max(0, (v - floor) / (peak - floor))));
  return { status: 'ok', image: { data, width, height }, inverted };
}
