import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { onBackend, randomValues, relError, setupBackends } from './helpers';

describe('wasm Sum matches cpu', () => {
  beforeAll(setupBackends);

  const cases: Array<{ shape: number[]; axis: number | number[]; keepDims: boolean }> = [
    { shape: [50, 28, 28, 16], axis: [0, 1, 2], keepDims: false },
    { shape: [6, 5, 4, 3], axis: [2, 0, 1], keepDims: true },
    { shape: [50, 10], axis: 0, keepDims: false },
    { shape: [4, 5, 6], axis: [0, 2], keepDims: false },
    { shape: [4, 5, 6], axis: -1, keepDims: true },
    { shape: [7], axis: 0, keepDims: false },
    { shape: [9, 24], axis: 0, keepDims: true },
  ];
  for (const c of cases) {
    it(`shape ${c.shape.join('x')} axis ${String(c.axis)} keepDims ${c.keepDims}`, async () => {
      const n = c.shape.reduce((a, b) => a * b);
      const f = () => tf.sum(tf.tensor(randomValues(n, 31), c.shape), c.axis, c.keepDims);
      const [want] = await onBackend('cpu', f);
      await tf.setBackend('wasm');
      const shape = tf.tidy(() => f().shape);
      const [got] = await onBackend('wasm', f);
      expect(shape).toEqual(tf.tidy(() => tf.sum(tf.zeros(c.shape), c.axis, c.keepDims).shape));
      expect(relError(got!, want!)).toBeLessThanOrEqual(1e-5);
    });
  }

  it('int32 sums keep their dtype', async () => {
    await tf.setBackend('wasm');
    const s = tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0);
    expect(s.dtype).toBe('int32');
    expect(Array.from(await s.data())).toEqual([4, 6]);
    s.dispose();
  });
});
