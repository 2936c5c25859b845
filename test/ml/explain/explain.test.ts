import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelsOf, mapAt } from '../../../src/ml/features';
import { createModel } from '../../../src/ml/model';
import { readWeights } from '../../../src/ml/weights';
import { explainClass } from '../../../src/ml/explain/class-terms';
import { argmaxCell, explainConv } from '../../../src/ml/explain/conv-terms';
import { computeOverview, createOverviewModel } from '../../../src/ml/explain/overview';

let model: tf.Sequential;
let overviewModel: tf.LayersModel;
beforeAll(async () => {
  await tf.setBackend('cpu');
  model = createModel({ activation: 'relu', seed: 4 });
  // Non-zero biases, so the hand computation must add them.
  model.weights.forEach((w) => {
    if (w.originalName.endsWith('/bias'))
      w.write(tf.randomUniform(w.shape as number[], -0.2, 0.2, 'float32', 7));
  });
  overviewModel = createOverviewModel(model);
});
afterAll(() => model.dispose());

const pixels = new Float32Array(784).map((_, i) => ((i * 53) % 97) / 96);

describe('overview', () => {
  it('reads every layer and the scores in one pass, agreeing with the model', async () => {
    const o = await computeOverview(overviewModel, pixels);
    expect([o.maps.conv1.channels, o.maps.pool1.channels, o.maps.conv2.channels]).toEqual([
      16, 16, 32,
    ]);
    expect(o.maps.pool2.data.length).toBe(32 * 7 * 7);
    const logits = tf.tidy(
      () =>
        (
          model.predict(tf.tensor4d(pixels, [1, 28, 28, 1])) as tf.Tensor
        ).dataSync() as Float32Array,
    );
    expect(Array.from(o.logits)).toEqual(Array.from(logits));
    expect(o.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(o.probabilities[o.digit]).toBe(Math.max(...o.probabilities));
  });

  it('leaves no tensors behind', async () => {
    await computeOverview(overviewModel, pixels);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await computeOverview(overviewModel, pixels);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses an image of the wrong size', async () => {
    await expect(computeOverview(overviewModel, new Float32Array(10))).rejects.toThrow(/784/);
  });
});

describe('conv computation by hand', () => {
  it('reproduces conv2 maps at corners, edges and the middle from pool1, kernels and bias', async () => {
    const { maps } = await computeOverview(overviewModel, pixels);
    const weights = readWeights(model);
    const kernels = kernelsOf(weights, 'conv2');
    const bias = weights.find((w) => w.name === 'conv2/bias')!.data;
    for (const [out, row, col] of [
      [0, 0, 0],
      [5, 13, 13],
      [17, 6, 9],
      [31, 0, 12],
    ]) {
      const c = explainConv(maps.pool1, kernels, bias, out, row, col, 'relu');
      expect(c.terms).toHaveLength(16);
      expect(c.value).toBeCloseTo(mapAt(maps.conv2, out)[row * 14 + col], 5);
      expect(c.sum).toBeCloseTo(c.bias + c.terms.reduce((a, t) => a + t.partial, 0), 10);
    }
  });

  it('reproduces conv1 from the input, zero-padding past the edge', async () => {
    const { maps } = await computeOverview(overviewModel, pixels);
    const weights = readWeights(model);
    const input = { channels: 1, side: 28, data: pixels, min: 0, max: 1 };
    const bias = weights.find((w) => w.name === 'conv1/bias')!.data;
    const c = explainConv(input, kernelsOf(weights, 'conv1'), bias, 3, 0, 27, 'relu');
    // The two rows above and the two columns to the right fall outside the image.
    expect(Array.from(c.terms[0].patch.slice(0, 10))).toEqual(new Array(10).fill(0));
    expect(c.terms[0].patch[2 * 5 + 4]).toBe(0);
    expect(c.value).toBeCloseTo(mapAt(maps.conv1, 3)[27], 5);
  });

  it('applies sigmoid when the network uses it', () => {
    const input = { channels: 1, side: 3, data: new Float32Array(9).fill(1), min: 1, max: 1 };
    const kernels = {
      outChannels: 1,
      inChannels: 1,
      size: 3,
      data: new Float32Array(9).fill(-1),
      maxAbs: 1,
    };
    const c = explainConv(input, kernels, [2], 0, 1, 1, 'sigmoid');
    expect(c.sum).toBe(-7);
    expect(c.value).toBeCloseTo(1 / (1 + Math.exp(7)), 10);
    expect(explainConv(input, kernels, [2], 0, 1, 1, 'relu').value).toBe(0);
  });

  it('finds the brightest cell', () => {
    expect(argmaxCell([0, 1, 5, 2], 2)).toEqual({ row: 1, col: 0 });
  });
});

describe('class contributions', () => {
  it('sum with the bias to each class score, largest push first', async () => {
    const o = await computeOverview(overviewModel, pixels);
    const weights = readWeights(model);
    for (let digit = 0; digit < 10; digit++) {
      const c = explainClass(o.maps.pool2, weights, digit);
      expect(c.terms).toHaveLength(1568);
      expect(c.score).toBeCloseTo(o.logits[digit], 4);
      expect(c.up + c.down + c.bias).toBeCloseTo(c.score, 6);
      expect(c.terms[0].product).toBeGreaterThanOrEqual(c.terms[1].product);
      expect(c.terms.at(-1)!.product).toBeLessThanOrEqual(c.terms.at(-2)!.product);
    }
  });
});
