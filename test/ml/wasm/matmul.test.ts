import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { takesTransposedPath } from '../../../src/ml/wasm/matmul-kernel';
import { onBackend, randomValues, relError, setupBackends } from './helpers';

describe('wasm BatchMatMul matches cpu', () => {
  beforeAll(setupBackends);

  // [a shape, b shape, transposeA, transposeB]: the dense layer's gradients first.
  const cases: Array<[number[], number[], boolean, boolean]> = [
    [[50, 1568], [50, 10], true, false],
    [[50, 10], [1568, 10], false, true],
    [[7, 5], [3, 7], true, true],
    [[1, 9, 4], [1, 6, 9], true, true],
    [[1, 4, 9], [1, 6, 9], false, true],
    [[6, 5], [5, 3], false, false],
    // Several matrices a side: the stock kernel's own path.
    [[2, 6, 4], [2, 6, 3], true, false],
  ];
  for (const [aShape, bShape, ta, tb] of cases) {
    it(`${aShape.join('x')} · ${bShape.join('x')} transposeA ${ta} transposeB ${tb}`, async () => {
      const size = (s: number[]) => s.reduce((x, y) => x * y);
      const f = () =>
        tf.matMul(
          tf.tensor(randomValues(size(aShape), 3), aShape),
          tf.tensor(randomValues(size(bShape), 5), bShape),
          ta,
          tb,
        );
      const [want] = await onBackend('cpu', f);
      await tf.setBackend('wasm');
      // The explicit transposes are freed inside the kernel: no buffer outlives the product.
      const before = tf.engine().backend.numDataIds();
      const shape = tf.tidy(() => f().shape);
      expect(tf.engine().backend.numDataIds()).toBe(before);
      const [got] = await onBackend('wasm', f);
      expect(shape).toEqual(tf.tidy(() => f().shape));
      expect(relError(got!, want!)).toBeLessThanOrEqual(1e-5);
    });
  }

  it('takes the transposed path only for single float32 matrices with a transpose', () => {
    const t = (shape: number[], dtype: 'float32' | 'int32' = 'float32') =>
      ({ dataId: {}, shape, dtype }) as tf.TensorInfo;
    expect(takesTransposedPath(t([50, 1568]), t([50, 10]), true, false)).toBe(true);
    expect(takesTransposedPath(t([1, 50, 10]), t([1568, 10]), false, true)).toBe(true);
    expect(takesTransposedPath(t([50, 1568]), t([1568, 10]), false, false)).toBe(false);
    expect(takesTransposedPath(t([2, 50, 10]), t([2, 10, 4]), true, false)).toBe(false);
    expect(takesTransposedPath(t([50, 10], 'int32'), t([50, 10]), true, false)).toBe(false);
  });

  it('gives the dense layer the same gradients as cpu', async () => {
    const grads = () => {
      const x = tf.tensor(randomValues(50 * 1568, 7), [50, 1568]);
      const w = tf.tensor(randomValues(1568 * 10, 9), [1568, 10]);
      return tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.matMul(xx, ww).square().mean())([x, w]);
    };
    const want = await onBackend('cpu', grads);
    const got = await onBackend('wasm', grads);
    expect(relError(got[0]!, want[0]!)).toBeLessThanOrEqual(1e-4);
    expect(relError(got[1]!, want[1]!)).toBeLessThanOrEqual(1e-4);
  });
});
