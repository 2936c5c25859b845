import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  convChooser,
  TIMED_CALLS,
  WARMUP_CALLS,
  type ConvKernelMode,
} from '../../../src/ml/wasm/fma/conv-choice';
import { onBackend, randomValues, relError, setupBackends } from './helpers';

type Pad = 'same' | 'valid' | number;
interface Case {
  name: string;
  x: [number, number, number, number];
  k: [number, number];
  co: number;
  strides: number | [number, number];
  pad: Pad;
  format?: 'NHWC' | 'NCHW';
}

const CASES: Case[] = [
  { name: 'tutorial conv1', x: [6, 28, 28, 1], k: [5, 5], co: 16, strides: 1, pad: 'same' },
  { name: 'tutorial conv2', x: [2, 14, 14, 16], k: [5, 5], co: 32, strides: 1, pad: 'same' },
  { name: '3x3 same s1', x: [2, 8, 7, 3], k: [3, 3], co: 4, strides: 1, pad: 'same' },
  { name: '3x3 valid s1', x: [3, 9, 6, 2], k: [3, 3], co: 5, strides: 1, pad: 'valid' },
  { name: '5x5 same s2', x: [3, 9, 7, 2], k: [5, 5], co: 3, strides: 2, pad: 'same' },
  { name: '3x3 valid s2 (crop)', x: [2, 10, 11, 3], k: [3, 3], co: 4, strides: 2, pad: 'valid' },
  { name: '4x2 pad 1 s[1,2]', x: [2, 9, 8, 3], k: [4, 2], co: 2, strides: [1, 2], pad: 1 },
  { name: '2x2 same s2 even', x: [4, 8, 8, 5], k: [2, 2], co: 6, strides: 2, pad: 'same' },
  {
    name: '3x3 valid s1, x as filter',
    x: [3, 9, 8, 8],
    k: [3, 3],
    co: 12,
    strides: 1,
    pad: 'valid',
  },
  { name: '5x3 pad 2 s1, x as filter', x: [2, 7, 9, 10], k: [5, 3], co: 16, strides: 1, pad: 2 },
  {
    name: '4x4 same s1 (uneven pad), x as filter',
    x: [2, 8, 8, 8],
    k: [4, 4],
    co: 9,
    strides: 1,
    pad: 'same',
  },
  { name: '1x1 valid', x: [2, 5, 5, 7], k: [1, 1], co: 3, strides: 1, pad: 'valid' },
];

// Same shape rule the forward op uses (tfjs applies numeric pads per its own rule).
function convOut(c: Case): [number, number, number, number] {
  const f: [number, number, number, number] = [c.k[0], c.k[1], c.x[3], c.co];
  return tf.backend_util.computeConv2DInfo(c.x, f, c.strides, 1, c.pad).outShape;
}

function run(name: string, inputs: tf.NamedTensorMap, attrs: object): tf.Tensor {
  return tf.engine().runKernel(name, inputs, attrs as tf.NamedAttrMap) as tf.Tensor;
}

// Both routes, each forced: our relaxed-SIMD kernels (Node 20 has relaxed SIMD behind the flag
// vitest passes it) and XNNPACK's forward convolutions.
const MODES: ConvKernelMode[] = ['fma', 'xnnpack'];

for (const mode of MODES)
  describe(`wasm conv kernels match cpu (${mode})`, { timeout: 30000 }, () => {
    beforeAll(async () => {
      await setupBackends();
      convChooser.mode = mode;
    });
    afterAll(() => {
      convChooser.mode = 'auto';
    });

    // A numeric pad with a non-square filter is left out: tfjs sizes its output from the filter
    // height on both axes, which the stock wasm Conv2D does not follow either (it reads past the
    // heap); the model never asks for one.
    for (const c of CASES.filter((c) => typeof c.pad !== 'number' || c.k[0] === c.k[1])) {
      it(`Conv2D: ${c.name}`, async () => {
        const f = () =>
          tf.conv2d(
            tf.tensor4d(
              randomValues(
                c.x.reduce((a, b) => a * b),
                1,
              ),
              c.x,
            ),
            tf.tensor4d(randomValues(c.k[0] * c.k[1] * c.x[3] * c.co, 3), [
              c.k[0],
              c.k[1],
              c.x[3],
              c.co,
            ]),
            c.strides,
            c.pad,
          );
        const [want] = await onBackend('cpu', f);
        const [got] = await onBackend('wasm', f);
        expect(relError(got!, want!)).toBeLessThanOrEqual(1e-4);
      });
    }

    for (const c of CASES) {
      const fShape: [number, number, number, number] = [c.k[0], c.k[1], c.x[3], c.co];
      const yShape = convOut(c);
      const xv = randomValues(
        c.x.reduce((a, b) => a * b),
        1,
      );
      const dyv = randomValues(
        yShape.reduce((a, b) => a * b),
        2,
      );
      const fv = randomValues(
        fShape.reduce((a, b) => a * b),
        3,
      );
      const common = {
        strides: c.strides,
        pad: c.pad,
        dataFormat: 'NHWC',
        dimRoundingMode: undefined,
      };

      it(`Conv2DBackpropFilter: ${c.name}`, async () => {
        const f = () =>
          run(
            'Conv2DBackpropFilter',
            { x: tf.tensor4d(xv, c.x), dy: tf.tensor4d(dyv, yShape) },
            { ...common, filterShape: fShape },
          );
        const [want] = await onBackend('cpu', f);
        const [got] = await onBackend('wasm', f);
        expect(relError(got!, want!)).toBeLessThanOrEqual(1e-4);
      });

      it(`Conv2DBackpropInput: ${c.name}`, async () => {
        const f = () =>
          run(
            'Conv2DBackpropInput',
            { dy: tf.tensor4d(dyv, yShape), filter: tf.tensor4d(fv, fShape) },
            { ...common, inputShape: c.x },
          );
        const [want] = await onBackend('cpu', f);
        const [got] = await onBackend('wasm', f);
        expect(relError(got!, want!)).toBeLessThanOrEqual(1e-4);
      });
    }

    const nchwCases = [
      { x: [2, 3, 9, 8], dy: [2, 4, 5, 4], f: [3, 3, 3, 4], strides: 2 },
      { x: [2, 8, 7, 6], dy: [2, 12, 7, 6], f: [3, 5, 8, 12], strides: 1 },
    ] as const;
    for (const c of nchwCases) {
      it(`Conv2DBackpropFilter: NCHW input layout, stride ${c.strides}`, async () => {
        const x = randomValues(tf.util.sizeFromShape([...c.x]), 4);
        const dy = randomValues(tf.util.sizeFromShape([...c.dy]), 5);
        const attrs = { strides: c.strides, pad: 'same', dataFormat: 'NCHW', filterShape: c.f };
        const f = () =>
          run(
            'Conv2DBackpropFilter',
            { x: tf.tensor4d(x, [...c.x]), dy: tf.tensor4d(dy, [...c.dy]) },
            attrs,
          );
        const [want] = await onBackend('cpu', f);
        const [got] = await onBackend('wasm', f);
        expect(relError(got!, want!)).toBeLessThanOrEqual(1e-4);
      });
    }

    for (const strides of [1, 2]) {
      it(`Conv2DBackpropInput: NCHW layout (stock path), stride ${strides}`, async () => {
        const oh = strides === 1 ? 9 : 5;
        const dy = randomValues(2 * 4 * oh * oh, 8);
        const w = randomValues(3 * 3 * 3 * 4, 9);
        const attrs = { strides, pad: 'same', dataFormat: 'NCHW', inputShape: [2, 3, 9, 9] };
        const f = () =>
          run(
            'Conv2DBackpropInput',
            { dy: tf.tensor4d(dy, [2, 4, oh, oh]), filter: tf.tensor4d(w, [3, 3, 3, 4]) },
            attrs,
          );
        const [want] = await onBackend('cpu', f);
        const [got] = await onBackend('wasm', f);
        expect(relError(got!, want!)).toBeLessThanOrEqual(1e-4);
      });
    }

    it('conv2d gradients through tf.grads agree, and leave no wasm buffers behind', async () => {
      const x = tf.tensor4d(randomValues(4 * 12 * 12 * 3, 6), [4, 12, 12, 3]);
      const w = tf.tensor4d(randomValues(5 * 5 * 3 * 8, 7), [5, 5, 3, 8]);
      const g = () => convGrads(x, w);
      const want = await onBackend('cpu', g);
      await onBackend('wasm', g);
      const ids = tf.backend().numDataIds();
      const got = await onBackend('wasm', g);
      expect(tf.backend().numDataIds()).toBe(ids);
      want.forEach((v, i) => expect(relError(got[i]!, v)).toBeLessThanOrEqual(1e-4));
      tf.dispose([x, w]);
    });
  });

/** Gradients of sum(conv2d(x, w, 'same')²) with respect to x and w. */
const convGrads = (x: tf.Tensor4D, w: tf.Tensor4D) =>
  tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf
      .conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same')
      .square()
      .sum(),
  )([x, w]);

describe('wasm conv kernels timed per shape (auto)', { timeout: 60000 }, () => {
  beforeAll(setupBackends);

  it('times ours and XNNPACK on each convolution of a gradient step, agreeing with cpu on every call', async () => {
    convChooser.mode = 'auto';
    convChooser.reset();
    convChooser.tuning = true;
    const x = tf.tensor4d(randomValues(2 * 14 * 14 * 16, 12), [2, 14, 14, 16]);
    const w = tf.tensor4d(randomValues(5 * 5 * 16 * 32, 13), [5, 5, 16, 32]);
    const g = () => convGrads(x, w);
    const want = await onBackend('cpu', g);
    const trial = 2 * (WARMUP_CALLS + TIMED_CALLS);
    for (let i = 0; i < trial + 1; i++) {
      const got = await onBackend('wasm', g);
      want.forEach((v, j) => expect(relError(got[j]!, v), `call ${i}`).toBeLessThanOrEqual(1e-4));
    }
    const ops = convChooser.choices().map((c) => c.op);
    expect(ops.sort()).toEqual(['conv', 'filter-grad', 'input-grad']);
    for (const c of convChooser.choices()) {
      expect(c.fmaMs).toBeGreaterThan(0);
      expect(c.xnnpackMs).toBeGreaterThan(0);
    }
    convChooser.tuning = false;
    tf.dispose([x, w]);
  });
});
