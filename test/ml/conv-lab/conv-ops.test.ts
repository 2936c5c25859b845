import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  convolve,
  convolveReference,
  convStep,
  outputSize,
  pool,
  poolReference,
  displayImage,
  valueRange,
  type Padding,
} from '../../../src/ml/conv-lab/conv-ops';
import type { GrayImage } from '../../../src/ml/image';
import { kernelPreset, KERNEL_PRESETS, resizeKernel } from '../../../src/ml/conv-lab/kernels';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomImage(rand: () => number, width: number, height: number): GrayImage {
  return {
    width,
    height,
    data: Float32Array.from({ length: width * height }, () => Math.floor(rand() * 256)),
  };
}

const ramp: GrayImage = {
  width: 4,
  height: 4,
  data: Float32Array.from({ length: 16 }, (_, i) => i),
};

describe('outputSize', () => {
  it('is ⌊(n + 2p − k)/s⌋ + 1', () => {
    expect(outputSize(28, 5, 1, 2)).toBe(28);
    expect(outputSize(886, 2, 2)).toBe(443);
    expect(outputSize(878, 2, 2)).toBe(439);
    expect(outputSize(7, 3, 2)).toBe(3);
    expect(outputSize(8, 3, 3, 1)).toBe(3);
    expect(outputSize(2, 3, 1)).toBe(0);
  });
});

describe('convolve (tf.conv2d)', () => {
  it('matches hand-computed values for the tutorial edge kernel', () => {
    const edge = kernelPreset('tutorialEdge');
    const out = convolve(ramp, { kernel: edge.values, size: 3, stride: 1, padding: 'valid' });
    // On a linear ramp the Laplacian-like edge kernel sums to 0 in the interior.
    expect(out).toMatchObject({ width: 2, height: 2 });
    expect(Array.from(out.data)).toEqual([0, 0, 0, 0]);
    const same = convolve(ramp, { kernel: edge.values, size: 3, stride: 1, padding: 'same' });
    expect([same.width, same.height]).toEqual([4, 4]);
    // Corner (0,0): 8·0 − (1 + 4 + 5) = −10; (3,0): 8·3 − (2 + 6 + 7) = 9.
    expect(same.data[0]).toBe(-10);
    expect(same.data[3]).toBe(9);
  });

  it('matches hand-computed values for Sobel x with stride 2', () => {
    const sobel = kernelPreset('sobelX');
    const out = convolve(ramp, { kernel: sobel.values, size: 3, stride: 2, padding: 1 });
    expect([out.width, out.height]).toEqual([2, 2]);
    // Output (0,0): the window covers x, y in −1..1, so the patch is [0,0,0],[0,0,1],[0,4,5];
    // with Sobel x rows [-1,0,1],[-2,0,2],[-1,0,1] that is 2·1 + 1·5 = 7.
    expect(out.data[0]).toBe(7);
  });

  it('equals the direct loops on random images, 3×3 and 5×5, strides 1–4, all paddings', () => {
    const rand = rng(11);
    const paddings: Padding[] = ['valid', 'same', 0, 1, 2, 3];
    for (const size of [3, 5]) {
      for (let stride = 1; stride <= 4; stride++) {
        for (const padding of paddings) {
          const image = randomImage(rand, 9 + Math.floor(rand() * 8), 7 + Math.floor(rand() * 8));
          const kernel = Array.from({ length: size * size }, () => rand() * 4 - 2);
          const settings = { kernel, size, stride, padding };
          const got = convolve(image, settings);
          const want = convolveReference(image, settings);
          expect([got.width, got.height]).toEqual([want.width, want.height]);
          const p = padding === 'valid' ? 0 : padding === 'same' ? (size - 1) / 2 : padding;
          expect(got.width).toBe(outputSize(image.width, size, stride, p));
          expect(got.height).toBe(outputSize(image.height, size, stride, p));
          got.data.forEach((v, i) => expect(v).toBeCloseTo(want.data[i], 2));
        }
      }
    }
  });

  it('keeps the size with "same" at stride 1 and leaks no tensors', () => {
    const image = randomImage(rng(2), 13, 9);
    const before = tf.memory().numTensors;
    for (const p of KERNEL_PRESETS) {
      const out = convolve(image, { kernel: p.values, size: p.size, stride: 1, padding: 'same' });
      expect([out.width, out.height]).toEqual([13, 9]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('returns an empty image when the kernel does not fit', () => {
    const out = convolve(ramp, {
      kernel: kernelPreset('gaussian5').values,
      size: 5,
      stride: 1,
      padding: 'valid',
    });
    expect(out).toMatchObject({ width: 0, height: 0 });
  });
});

describe('convStep', () => {
  it('lists the nine products and their sum for one output pixel', () => {
    const step = convStep(
      ramp,
      { kernel: kernelPreset('tutorialEdge').values, size: 3, stride: 1, padding: 'same' },
      1,
      1,
    );
    expect(step.patch).toEqual([0, 1, 2, 4, 5, 6, 8, 9, 10]);
    expect(step.products).toEqual([-0, -1, -2, -4, 40, -6, -8, -9, -10]);
    expect(step.sum).toBe(0);
    expect([step.x0, step.y0]).toEqual([0, 0]);
  });
});

describe('pool (tf.maxPool / tf.avgPool)', () => {
  it('matches hand-computed max and average pooling', () => {
    const max = pool(ramp, 'max', 2, 2);
    expect([max.width, max.height]).toEqual([2, 2]);
    expect(Array.from(max.data)).toEqual([5, 7, 13, 15]);
    const avg = pool(ramp, 'avg', 2, 2);
    expect(Array.from(avg.data)).toEqual([2.5, 4.5, 10.5, 12.5]);
  });

  it('halves 886 × 878 to 443 × 439 as in the tutorial', () => {
    const image = { width: 886, height: 878, data: new Float32Array(886 * 878) };
    const out = pool(image, 'max', 2, 2);
    expect([out.width, out.height]).toEqual([443, 439]);
  });

  it('equals the direct loops on random images for sizes 2–4 and strides 1–4', () => {
    const rand = rng(5);
    for (const mode of ['max', 'avg'] as const) {
      for (let size = 2; size <= 4; size++) {
        for (let stride = 1; stride <= 4; stride++) {
          const image = randomImage(rand, 8 + Math.floor(rand() * 9), 8 + Math.floor(rand() * 9));
          const got = pool(image, mode, size, stride);
          const want = poolReference(image, mode, size, stride);
          expect([got.width, got.height]).toEqual([want.width, want.height]);
          got.data.forEach((v, i) => expect(v).toBeCloseTo(want.data[i], 3));
        }
      }
    }
  });
});

describe('display mapping', () => {
  const values = [-200, -10, 0, 100, 300];
  it('reports the value range', () => {
    expect(valueRange(values)).toEqual({ min: -200, max: 300 });
  });
  it('stretches, clips or takes the absolute value', () => {
    const image = { width: 5, height: 1, data: Float32Array.from(values) };
    const shown = (mode: 'stretch' | 'clip' | 'abs') => displayImage(image, mode);
    expect(shown('stretch')).toMatchObject({ width: 5, height: 1 });
    expect(Array.from(shown('stretch').data)).toEqual([0, 97, 102, 153, 255]);
    expect(Array.from(shown('clip').data)).toEqual([0, 0, 0, 100, 255]);
    expect(Array.from(shown('abs').data)).toEqual([200, 10, 0, 100, 255]);
  });
});

describe('kernel presets', () => {
  it('has the tutorial edge kernel and normalised blurs', () => {
    expect(kernelPreset('tutorialEdge').values).toEqual([-1, -1, -1, -1, 8, -1, -1, -1, -1]);
    for (const id of ['boxBlur', 'gaussian3', 'gaussian5', 'motionBlur']) {
      const v = kernelPreset(id).values;
      expect(v.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    }
    for (const p of KERNEL_PRESETS) expect(p.values).toHaveLength(p.size * p.size);
    expect(() => kernelPreset('nope')).toThrow(/unknown kernel preset "nope"/);
  });
  it('offers each kernel once', () => {
    const kernels = KERNEL_PRESETS.map((p) => `${p.size}:${p.values.join(',')}`);
    expect(new Set(kernels).size).toBe(KERNEL_PRESETS.length);
  });
  it('resizes a kernel keeping it centred', () => {
    const id5 = resizeKernel(kernelPreset('identity').values, 3, 5);
    expect(id5[12]).toBe(1);
    expect(id5.reduce((a, b) => a + b, 0)).toBe(1);
    expect(resizeKernel(id5, 5, 3)).toEqual(kernelPreset('identity').values);
  });
});
