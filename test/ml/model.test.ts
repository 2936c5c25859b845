import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictOne } from '../../src/ml/inference';
import { createModel, TUTORIAL_PARAM_COUNT } from '../../src/ml/model';
import { readWeights, writeWeights } from '../../src/ml/weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the tutorial CNN', () => {
  it('has 28,938 parameters in the tutorial layer shapes', () => {
    const model = createModel({ activation: 'relu', seed: 1 });
    expect(model.countParams()).toBe(TUTORIAL_PARAM_COUNT);
    expect(model.layers.map((l) => (l.outputShape as number[]).slice(1))).toEqual([
      [28, 28, 16],
      [14, 14, 16],
      [14, 14, 32],
      [7, 7, 32],
      [1568],
      [10],
    ]);
    model.dispose();
  });

  it('is repeatable from its seed and round-trips its weights', () => {
    const a = createModel({ activation: 'relu', seed: 7 });
    const b = createModel({ activation: 'relu', seed: 7 });
    const c = createModel({ activation: 'sigmoid', seed: 8 });
    const d = createModel({ activation: 'relu', seed: 9 });
    expect(readWeights(a)[0].data).toEqual(readWeights(b)[0].data);
    expect(readWeights(c)[0].data).not.toEqual(readWeights(a)[0].data);
    const x = new Float32Array(784).map((_, i) => (i % 29) / 29);
    const written = readWeights(a);

    // Another seed's model takes every written value and then predicts exactly as `a`.
    const dBefore = predictOne(d, x).logits;
    expect(dBefore).not.toEqual(predictOne(a, x).logits);
    writeWeights(d, written);
    readWeights(d).forEach((w, i) => {
      expect(w.name).toBe(written[i].name);
      expect(w.data).toEqual(written[i].data);
    });
    expect(predictOne(d, x).logits).toEqual(predictOne(a, x).logits);
    expect(predictOne(d, x).logits).not.toEqual(dBefore);

    // The activation is the architecture's, not a weight: same weights, other predictions.
    writeWeights(c, written);
    readWeights(c).forEach((w, i) => expect(w.data).toEqual(written[i].data));
    expect(predictOne(a, x).probabilities).not.toEqual(predictOne(c, x).probabilities);
    const p = predictOne(a, x).probabilities;
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);

    // A wrong shape is refused, and nothing is written, even when only the last tensor is wrong.
    const bad = readWeights(a);
    bad[0] = { ...bad[0], shape: [3, 3, 1, 16], data: new Float32Array(144) };
    expect(() => writeWeights(b, bad)).toThrow(
      /conv1.*expected shape \[5, 5, 1, 16\], got \[3, 3, 1, 16\]/,
    );
    const bBefore = readWeights(b);
    const e = createModel({ activation: 'relu', seed: 10 });
    const lastBad = readWeights(e);
    lastBad[5] = { ...lastBad[5], shape: [3], data: new Float32Array(3) };
    expect(() => writeWeights(b, lastBad)).toThrow(/expected shape \[10\], got \[3\]/);
    readWeights(b).forEach((w, i) => expect(w.data).toEqual(bBefore[i].data));
    [a, b, c, d, e].forEach((m) => m.dispose());
  });
});
