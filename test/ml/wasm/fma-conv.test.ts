import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  convKernel,
  convOnHeap,
  kernelFits,
  type KernelBytes,
  type Padding,
} from '../../../src/ml/wasm/fma/conv-kernel';
import * as fma from '../../../src/ml/wasm/fma/conv.wat';
import * as noFma from '../../../src/ml/wasm/fma/conv.wat?no-fma';
import { hasRelaxedSimd } from '../../../src/ml/wasm/fma/relaxed-simd';
import { randomValues, relError, setupBackends } from './helpers';

interface Case {
  name: string;
  x: [number, number, number, number];
  filter: [number, number, number, number];
  pad: Padding;
}

const CASES: Case[] = [
  { name: 'tutorial conv1', x: [3, 28, 28, 1], filter: [5, 5, 1, 16], pad: [2, 2, 2, 2] },
  { name: 'tutorial conv2', x: [2, 14, 14, 16], filter: [5, 5, 16, 32], pad: [2, 2, 2, 2] },
  { name: 'conv2 input gradient', x: [2, 14, 14, 32], filter: [5, 5, 32, 16], pad: [2, 2, 2, 2] },
  {
    name: 'valid, width 5 (overlapping tile)',
    x: [2, 7, 9, 3],
    filter: [3, 5, 3, 8],
    pad: [0, 0, 0, 0],
  },
  { name: 'width exactly 4', x: [1, 6, 6, 2], filter: [3, 3, 2, 8], pad: [0, 0, 0, 0] },
  { name: 'uneven padding', x: [2, 8, 8, 5], filter: [4, 4, 5, 24], pad: [1, 2, 2, 1] },
  { name: '1x1', x: [2, 5, 6, 7], filter: [1, 1, 7, 8], pad: [0, 0, 0, 0] },
  // Rows of 4k + 2: the 2-pixel x 16-channel tile where the channels pair up, else moved back.
  { name: 'width 10, 24 channels', x: [2, 4, 12, 2], filter: [1, 3, 2, 24], pad: [0, 0, 0, 0] },
  { name: 'width 6, 8 channels', x: [2, 5, 8, 3], filter: [3, 3, 3, 8], pad: [0, 0, 0, 0] },
  { name: 'width 6, 48 channels', x: [1, 3, 6, 4], filter: [2, 3, 4, 48], pad: [0, 1, 1, 1] },
  { name: 'width 7', x: [1, 4, 9, 2], filter: [2, 3, 2, 16], pad: [0, 0, 0, 0] },
];

// The relaxed-SIMD path runs wherever the engine has it (vitest passes Node 20 its flag);
// the separate multiply-add build checks the same loops on plain SIMD.
const VARIANTS: [string, KernelBytes][] = [
  ['fused multiply-add', fma],
  ['separate multiply and add', noFma],
];

describe('relaxed-SIMD convolution kernel matches cpu', { timeout: 60000 }, () => {
  beforeAll(setupBackends);

  it('finds relaxed SIMD where the engine has it', () => {
    expect(hasRelaxedSimd()).toBe(true);
  });

  for (const [label, bytes] of VARIANTS) {
    for (const c of CASES) {
      it(`${label}: ${c.name}`, async () => {
        const xs = randomValues(
          c.x.reduce((a, b) => a * b),
          7,
        );
        const fs = randomValues(
          c.filter.reduce((a, b) => a * b),
          11,
        );
        const [pt, pb, pl, pr] = c.pad;
        await tf.setBackend('cpu');
        const want = tf.tidy(() =>
          tf.conv2d(tf.tensor4d(xs, c.x), tf.tensor4d(fs, c.filter), 1, [
            [0, 0],
            [pt, pb],
            [pl, pr],
            [0, 0],
          ]),
        );
        const wantData = (await want.data()) as Float32Array;
        await tf.setBackend('wasm');
        const backend = tf.backend() as BackendWasm;
        const kernel = convKernel(backend, bytes);
        expect(kernel).not.toBeNull();
        const x = tf.tensor4d(xs, c.x);
        const filter = tf.tensor4d(fs, c.filter);
        expect(kernelFits(x, filter, c.pad)).toBe(true);
        const got = tf
          .engine()
          .makeTensorFromTensorInfo(convOnHeap(backend, kernel!, x, filter, c.pad));
        expect(got.shape).toEqual(want.shape);
        expect(relError((await got.data()) as Float32Array, wantData)).toBeLessThan(1e-5);
        tf.dispose([x, filter, got, want]);
        await tf.setBackend('cpu');
      });
    }
  }

  it('leaves out shapes the kernel does not handle', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([1, 6, 6, 3]);
    const f12 = tf.zeros([3, 3, 3, 12]); // 12 output channels: not a multiple of 8
    const f8 = tf.zeros([3, 3, 3, 8]);
    const narrow = tf.zeros([1, 6, 5, 3]); // valid 3x3 gives width 3 < 4
    expect(kernelFits(x, f12, [1, 1, 1, 1])).toBe(false);
    expect(kernelFits(narrow, f8, [0, 0, 0, 0])).toBe(false);
    expect(kernelFits(x, f8, [1, 1, 1, 1])).toBe(true);
    tf.dispose([x, f12, f8, narrow]);
    await tf.setBackend('cpu');
  });
});
