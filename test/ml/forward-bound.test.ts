import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { forwardBound, forwardStaysFinite, FORWARD_LIMIT } from '../../src/ml/forward-bound';
import { createModel } from '../../src/ml/model';
import { readWeights, type WeightSnapshot } from '../../src/ml/weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const scaled = (w: WeightSnapshot, k: number): WeightSnapshot =>
  w.map((t) => ({ ...t, data: t.data.map((v) => v * k) }));

it('bounds every activation of a real forward pass, for ReLU and sigmoid', () => {
  for (const activation of ['relu', 'sigmoid'] as const) {
    const model = createModel({ activation, seed: 3 });
    const weights = readWeights(model);
    const bound = forwardBound(weights, activation);
    // All-ones and random inputs in [0, 1]: no logit may exceed the bound.
    const inputs = tf.concat([
      tf.ones([1, 28, 28, 1]),
      tf.randomUniform([8, 28, 28, 1], 0, 1, 'float32', 5),
    ]);
    const logits = model.predict(inputs) as tf.Tensor;
    const largest = tf.max(tf.abs(logits)).dataSync()[0];
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(bound);
    expect(forwardStaysFinite(weights, activation)).toBe(true);
    tf.dispose([inputs, logits]);
    model.dispose();
  }
});

it('refuses weights whose forward pass overflows float32, as a file full of 3e38 does', () => {
  const model = createModel({ activation: 'relu', seed: 1 });
  const weights = readWeights(model);
  const huge = weights.map((t) => ({ ...t, data: new Float32Array(t.data.length).fill(3e38) }));
  expect(forwardBound(huge, 'relu')).toBeGreaterThan(FORWARD_LIMIT);
  expect(forwardStaysFinite(huge, 'relu')).toBe(false);
  // The pass really does overflow: the probabilities come out NaN.
  model.setWeights(huge.map((t) => tf.tensor(t.data, t.shape)));
  const probs = tf.softmax(model.predict(tf.ones([1, 28, 28, 1])) as tf.Tensor).dataSync();
  expect(Array.from(probs).some(Number.isNaN)).toBe(true);
  // Sigmoid caps hidden activations at 1, but the layers before it still overflow.
  expect(forwardStaysFinite(huge, 'sigmoid')).toBe(false);
  // Large but harmless weights pass: 1000× the initial ones stays far under the limit.
  expect(forwardBound(scaled(weights, 1000), 'relu')).toBeLessThan(FORWARD_LIMIT);
  model.dispose();
});
