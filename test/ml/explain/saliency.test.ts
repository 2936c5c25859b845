import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createModel } from '../../../src/ml/model';
import { gradientSaliency } from '../../../src/ml/explain/saliency';

let model: tf.Sequential;
beforeAll(async () => {
  await tf.setBackend('cpu');
  model = createModel({ activation: 'sigmoid', seed: 2 });
});
afterAll(() => model.dispose());

const pixels = new Float32Array(784).map((_, i) => ((i * 29) % 89) / 88);

function score(x: Float32Array, digit: number): number {
  return tf.tidy(
    () => (model.predict(tf.tensor4d(x, [1, 28, 28, 1])) as tf.Tensor).dataSync()[digit],
  );
}

// Sigmoid keeps the network smooth, so central differences converge to the gradient (ReLU and
// max pooling have kinks where a finite step can cross over).
it('matches central finite differences of the class score', () => {
  for (const digit of [0, 7]) {
    const s = gradientSaliency(model, pixels, digit);
    expect(s.gradient).toHaveLength(784);
    for (const p of [0, 100, 406, 783]) {
      const h = 1e-2;
      const up = pixels.slice();
      const down = pixels.slice();
      up[p] += h;
      down[p] -= h;
      const numeric = (score(up, digit) - score(down, digit)) / (2 * h);
      expect(Math.abs(s.gradient[p] - numeric)).toBeLessThan(2e-3 + 0.02 * s.maxAbs);
    }
  }
});

it('reports its largest magnitude and frees its tensors', () => {
  gradientSaliency(model, pixels, 3);
  const before = tf.memory().numTensors;
  const s = gradientSaliency(model, pixels, 3);
  expect(tf.memory().numTensors).toBe(before);
  expect(s.maxAbs).toBeGreaterThan(0);
  expect(s.maxAbs).toBe(Math.max(...Array.from(s.gradient, Math.abs)));
});
