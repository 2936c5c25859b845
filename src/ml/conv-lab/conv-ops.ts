import * as tf from '@tensorflow/tfjs';
import type { GrayByteImage, GrayImage } from '../image';

/** Padding: none, enough to keep the size at stride 1 ((k − 1) / 2 each side), or a number. */
export type Padding = 'valid' | 'same' | number;

/** Settings of one convolution: a square kernel, its stride and padding. */
export interface ConvSettings {
  /** Row-major `size × size`. */
  kernel: ArrayLike<number>;
  size: number;
  stride: number;
  padding: Padding;
}

/** Zero padding each side for a padding choice and kernel size. */
export function paddingAmount(padding: Padding, size: number): number {
  if (padding === 'valid') return 0;
  if (padding === 'same') return Math.floor((size - 1) / 2);
  return padding;
}

/** One output side of a convolution or pooling: ⌊(n + 2p − k) / s⌋ + 1, or 0 if the kernel does not fit. */
export function outputSize(n: number, k: number, s: number, p = 0): number {
  const span = n + 2 * p - k;
  return span < 0 ? 0 : Math.floor(span / s) + 1;
}

/** Convolves with `tf.conv2d` on the active backend (cross-correlation, as PyTorch's conv2d). */
export function convolve(image: GrayImage, settings: ConvSettings): GrayImage {
  const { kernel, size, stride } = settings;
  const p = paddingAmount(settings.padding, size);
  const width = outputSize(image.width, size, stride, p);
  const height = outputSize(image.height, size, stride, p);
  if (width === 0 || height === 0) return { width, height, data: new Float32Array(0) };
  const data = tf.tidy(() => {
    const x = tf.tensor4d(image.data, [1, image.height, image.width, 1]);
    const padded =
      p > 0
        ? tf.pad(x, [
            [0, 0],
            [p, p],
            [p, p],
            [0, 0],
          ])
        : x;
    const w = tf.tensor4d(Float32Array.from(kernel), [size, size, 1, 1]);
    return tf.conv2d(padded, w, stride, 'valid').dataSync() as Float32Array;
  });
  return { width, height, data };
}

/** Pooling kind. */
export type PoolMode = 'max' | 'avg';

/** Pools with `tf.maxPool` / `tf.avgPool`, no padding (PyTorch's default floor mode). */
export function pool(image: GrayImage, mode: PoolMode, size: number, stride: number): GrayImage {
  const width = outputSize(image.width, size, stride);
  const height = outputSize(image.height, size, stride);
  if (width === 0 || height === 0) return { width, height, data: new Float32Array(0) };
  const data = tf.tidy(() => {
    const x = tf.tensor4d(image.data, [1, image.height, image.width, 1]);
    const y =
      mode === 'max' ? tf.maxPool(x, size, stride, 'valid') : tf.avgPool(x, size, stride, 'valid');
    return y.dataSync() as Float32Array;
  });
  return { width, height, data };
}

/** The multiply-and-sum behind one output pixel: the input patch, the products and their sum. */
export interface ConvStep {
  /** Input values under the kernel, `size × size` (0 where the window covers padding). */
  patch: number[];
  products: number[];
  sum: number;
  /** Top-left of the window in input coordinates (negative inside the padding). */
  x0: number;
  y0: number;
}

/** Computes output pixel (ox, oy) by direct multiply-and-sum; the reference for `convolve`. */
export function convStep(
  image: GrayImage,
  settings: ConvSettings,
  ox: number,
  oy: number,
): ConvStep {
  const { kernel, size, stride } = settings;
  const p = paddingAmount(settings.padding, size);
  const x0 = ox * stride - p;
  const y0 = oy * stride - p;
  const patch: number[] = [];
  const products: number[] = [];
  let sum = 0;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const x = x0 + c;
      const y = y0 + r;
      const v =
        x >= 0 && y >= 0 && x < image.width && y < image.height
          ? image.data[y * image.width + x]
          : 0;
      const prod = v * kernel[r * size + c];
      patch.push(v);
      products.push(prod);
      sum += prod;
    }
  }
  return { patch, products, sum, x0, y0 };
}

/** Convolution by direct loops, for checking `convolve`. */
export function convolveReference(image: GrayImage, settings: ConvSettings): GrayImage {
  const p = paddingAmount(settings.padding, settings.size);
  const width = outputSize(image.width, settings.size, settings.stride, p);
  const height = outputSize(image.height, settings.size, settings.stride, p);
  const data = new Float32Array(width * height);
  for (let oy = 0; oy < height; oy++) {
    for (let ox = 0; ox < width; ox++)
      data[oy * width + ox] = convStep(image, settings, ox, oy).sum;
  }
  return { width, height, data };
}

/** Pooling by direct loops, for checking `pool`. */
export function poolReference(
  image: GrayImage,
  mode: PoolMode,
  size: number,
  stride: number,
): GrayImage {
  const width = outputSize(image.width, size, stride);
  const height = outputSize(image.height, size, stride);
  const data = new Float32Array(width * height);
  for (let oy = 0; oy < height; oy++) {
    for (let ox = 0; ox < width; ox++) {
      let acc = mode === 'max' ? -Infinity : 0;
      for (let r = 0; r < size; r++) {
        for (let c = 0; c < size; c++) {
          const v = image.data[(oy * stride + r) * image.width + ox * stride + c];
          acc = mode === 'max' ? Math.max(acc, v) : acc + v;
        }
      }
      data[oy * width + ox] = mode === 'max' ? acc : acc / (size * size);
    }
  }
  return { width, height, data };
}

/** How float outputs become 0–255 pixels for display. */
export type DisplayMode = 'stretch' | 'clip' | 'abs';

/** Smallest and largest value (0, 0 for an empty array). */
export function valueRange(data: ArrayLike<number>): { min: number; max: number } {
  if (data.length === 0) return { min: 0, max: 0 };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < min) min = data[i];
    if (data[i] > max) max = data[i];
  }
  return { min, max };
}

/** An image as display bytes: stretch min–max to 0–255, clip to 0–255, or |v| clipped. */
export function displayImage(image: GrayImage, mode: DisplayMode): GrayByteImage {
  const { data } = image;
  const out = new Uint8ClampedArray(data.length);
  const { min, max } = valueRange(data);
  const scale = max > min ? 255 / (max - min) : 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    // Uint8ClampedArray rounds and clips on assignment.
    out[i] = mode === 'stretch' ? (v - min) * scale : mode === 'abs' ? Math.abs(v) : v;
  }
  return { width: image.width, height: image.height, data: out };
}
