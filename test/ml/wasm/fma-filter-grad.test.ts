import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KernelBytes, Padding } from '../../../src/ml/wasm/fma/conv-kernel';
import {
  filterGradFits,
  filterGradKernel,
  filterGradOnHeap,
} from '../../../src/ml/wasm/fma/filter-grad-kernel';
import * as fma from '../../../src/ml/wasm/fma/filter-grad.wat';
import * as noFma from '../../../src/ml/wasm/fma/filter-grad.wat?no-fma';
import { randomValues, relError, setupBackends } from './helpers';

interface Case {
  name: string;
  x: [number, number, number, number];
  /** kh, kw, co */
  k: [number, number, number];
  pad: Padding;
}

// k = kw·ci values per filter row: the kernel takes them 4 at a time, then one at a time.
const CASES: Case[] = [
  {
    name: 'tutorial conv1 (k = 5: one tile and one single)',
    x: [3, 28, 28, 1],
    k: [5, 5, 16],
    pad: [2, 2, 2, 2],
  },
  { name: 'tutorial conv2 (k = 80)', x: [2, 14, 14, 16], k: [5, 5, 32], pad: [2, 2, 2, 2] },
  { name: 'k = 9, valid', x: [2, 7, 9, 3], k: [3, 3, 8], pad: [0, 0, 0, 0] },
  { name: 'uneven padding, 24 channels', x: [2, 8, 8, 5], k: [4, 4, 24], pad: [1, 2, 2, 1] },
  { name: '1x1 (k = 7)', x: [2, 5, 6, 7], k: [1, 1, 8], pad: [0, 0, 0, 0] },
  { name: 'one output pixel', x: [2, 3, 3, 4], k: [3, 3, 8], pad: [0, 0, 0, 0] },
];

const VARIANTS: [string, KernelBytes][] = [
  ['fused multiply-add', fma],
  ['separate multiply and add', noFma],
];

describe('relaxed-SIMD filter gradient kernel matches cpu', { timeout: 60000 }, () => {
  beforeAll(setupBackends);

  for (const [label, bytes] of VARIANTS) {
    for (const c of CASES) {
      it(`${label}: ${c.name}`, async () => {
        const [kh, kw, co] = c.k;
        const [N, H, W, ci] = c.x;
        const [pt, pb, pl, pr] = c.pad;
        const dyShape: [number, number, number, number] = [
          N,
          H + pt + pb - kh + 1,
          W + pl + pr - kw + 1,
          co,
        ];
        const xs = randomValues(
          c.x.reduce((a, b) => a * b),
          21,
        );
        const dys = randomValues(
          dyShape.reduce((a, b) => a * b),
          22,
        );
        const attrs = {
          strides: 1,
          pad: [
            [0, 0],
            [pt, pb],
            [pl, pr],
            [0, 0],
          ],
          dataFormat: 'NHWC',
          filterShape: [kh, kw, ci, co],
        } as unknown as tf.NamedAttrMap;
        await tf.setBackend('cpu');
        const want = tf.tidy(
          () =>
            tf
              .engine()
              .runKernel(
                'Conv2DBackpropFilter',
                { x: tf.tensor4d(xs, c.x), dy: tf.tensor4d(dys, dyShape) },
                attrs,
              ) as tf.Tensor,
        );
        const wantData = (await want.data()) as Float32Array;
        await tf.setBackend('wasm');
        const backend = tf.backend() as BackendWasm;
        const kernel = filterGradKernel(backend, bytes);
        expect(kernel).not.toBeNull();
        const x = tf.tensor4d(xs, c.x);
        const dy = tf.tensor4d(dys, dyShape);
        expect(filterGradFits(x, dy, [kh, kw], c.pad)).toBe(true);
        const got = tf
          .engine()
          .makeTensorFromTensorInfo(filterGradOnHeap(backend, kernel!, x, dy, [kh, kw], c.pad));
        expect(got.shape).toEqual([kh, kw, ci, co]);
        expect(relError((await got.data()) as Float32Array, wantData)).toBeLessThan(1e-5);
        // A second call starts from zero again (the kernel adds to its output).
        const again = tf
          .engine()
          .makeTensorFromTensorInfo(filterGradOnHeap(backend, kernel!, x, dy, [kh, kw], c.pad));
        expect(relError((await again.data()) as Float32Array, wantData)).toBeLessThan(1e-5);
        tf.dispose([x, dy, got, again, want]);
        await tf.setBackend('cpu');
      });
    }
  }

  it('leaves out shapes the kernel does not handle', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([2, 6, 6, 3]);
    const dy12 = tf.zeros([2, 6, 6, 12]); // 12 channels: not a multiple of 8
    const dy8 = tf.zeros([2, 6, 6, 8]);
    const dyOther = tf.zeros([3, 6, 6, 8]); // another batch size
    expect(filterGradFits(x, dy12, [3, 3], [1, 1, 1, 1])).toBe(false);
    expect(filterGradFits(x, dyOther, [3, 3], [1, 1, 1, 1])).toBe(false);
    expect(filterGradFits(x, dy8, [3, 3], [0, 0, 0, 0])).toBe(false); // sizes do not add up
    expect(filterGradFits(x, dy8, [3, 3], [1, 1, 1, 1])).toBe(true);
    tf.dispose([x, dy12, dy8, dyOther]);
    await tf.setBackend('cpu');
  });
});
