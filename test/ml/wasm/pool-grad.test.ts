import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { setPoolGradSimd } from '../../../src/ml/wasm/pool-grad-kernel';
import { simdPool2x2Grad } from '../../../src/ml/wasm/simd-pool';
import { onBackend, randomValues, relError, setupBackends } from './helpers';

interface Case {
  name: string;
  x: [number, number, number, number];
  size: number | [number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid' | number;
  ties?: boolean;
}

const CASES: Case[] = [
  { name: 'tutorial pool1 2x2 s2', x: [50, 28, 28, 16], size: 2, strides: 2, pad: 'valid' },
  { name: 'tutorial pool2 2x2 s2', x: [50, 14, 14, 32], size: 2, strides: 2, pad: 'valid' },
  { name: 'ReLU-like ties', x: [4, 10, 10, 8], size: 2, strides: 2, pad: 'valid', ties: true },
  {
    name: 'overlapping 3x3 s2 same',
    x: [3, 9, 11, 5],
    size: 3,
    strides: 2,
    pad: 'same',
    ties: true,
  },
  { name: '3x3 s1 valid', x: [2, 7, 6, 3], size: 3, strides: 1, pad: 'valid' },
  { name: 'odd size 2x2 s2 same', x: [2, 7, 9, 4], size: 2, strides: 2, pad: 'same' },
  { name: '3x2 s[2,1] same', x: [2, 8, 7, 3], size: [3, 2], strides: [2, 1], pad: 'same' },
  { name: '3x3 s2 pad 1', x: [2, 9, 9, 3], size: 3, strides: 2, pad: 1, ties: true },
];

describe('wasm MaxPoolGrad matches cpu', { timeout: 30000 }, () => {
  beforeAll(setupBackends);

  for (const c of CASES) {
    it(c.name, async () => {
      const size = c.x.reduce((a, b) => a * b);
      // Quantised values (with ReLU's zeros) make equal maxima in one window common.
      const xv = c.ties
        ? randomValues(size, 21).map((v) => Math.max(0, Math.round(v * 3)))
        : randomValues(size, 21);
      const g = () =>
        tf.grad((x: tf.Tensor) => {
          const y = tf.maxPool(x as tf.Tensor4D, c.size, c.strides, c.pad);
          return y.mul(tf.tensor(randomValues(y.size, 22), y.shape)).sum();
        })(tf.tensor4d(xv, c.x));
      const [want] = await onBackend('cpu', g);
      const [got] = await onBackend('wasm', g);
      expect(relError(got!, want!)).toBeLessThanOrEqual(1e-6);
    });
  }
});

describe('wasm MaxPoolGrad 2x2 SIMD path', { timeout: 30000 }, () => {
  beforeAll(setupBackends);

  it('loads on this heap', async () => {
    await tf.setBackend('wasm');
    expect(simdPool2x2Grad(tf.backend() as BackendWasm)).not.toBeNull();
  });

  it('matches the JS loop and cpu, with ties, NaN and -Infinity', async () => {
    const shape: [number, number, number, number] = [3, 6, 8, 12];
    const n = shape.reduce((a, b) => a * b);
    const special = [Number.NaN, Number.NEGATIVE_INFINITY, 0, 0, 1];
    const xv = randomValues(n, 41).map((v, i) =>
      i % 7 === 0 ? special[i % 5]! : Math.max(0, Math.round(v * 2)),
    );
    const g = () =>
      tf.grad((x: tf.Tensor) => {
        const y = tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid');
        return y.mul(tf.tensor(randomValues(y.size, 42), y.shape)).sum();
      })(tf.tensor4d(xv, shape));
    const [want] = await onBackend('cpu', g);
    const [simd] = await onBackend('wasm', g);
    setPoolGradSimd(false);
    const [js] = await onBackend('wasm', g);
    setPoolGradSimd(true);
    const close = (a: Float32Array, b: Float32Array) =>
      a.every((v, i) => Object.is(v, b[i]) || Math.abs(v - b[i]!) <= 1e-6);
    expect(close(js!, want!)).toBe(true);
    expect(close(simd!, want!)).toBe(true);
  });
});
