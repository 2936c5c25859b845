/** A grayscale image: one byte per pixel, row-major, `width × height`. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * PIL's `convert('L')`: L = R·299/1000 + G·587/1000 + B·114/1000, rounded to the nearest integer
 * (Pillow rounds its fixed-point sum). Alpha is ignored, as PIL does. `rgba` is 4 bytes per pixel.
 */
export function grayscaleL(rgba: ArrayLike<number>, width: number, height: number): GrayImage {
  const n = width * height;
  if (rgba.length !== n * 4) {
    throw new Error(`expected ${n * 4} RGBA bytes for ${width}×${height}, got ${rgba.length}`);
  }
  const data = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const sum = rgba[i * 4] * 299 + rgba[i * 4 + 1] * 587 + rgba[i * 4 + 2] * 114;
    // Integer arithmetic keeps the result exact: round half up of sum / 1000.
    data[i] = Math.floor((sum + 500) / 1000);
  }
  return { width, height, data };
}

/** Size after fitting the long side within `cap` pixels, keeping the aspect ratio. */
export function fitWithin(
  width: number,
  height: number,
  cap: number,
): { width: number; height: number; scaled: boolean } {
  const long = Math.max(width, height);
  if (long <= cap) return { width, height, scaled: false };
  const f = cap / long;
  return {
    width: Math.max(1, Math.round(width * f)),
    height: Math.max(1, Math.round(height * f)),
    scaled: true,
  };
}
