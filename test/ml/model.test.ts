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
    expect(readWeights(a)[0].data).toEqual(readWeights(b)[0].data);
    expect(readWeights(c)[0].data).not.toEqual(readWeights(a)[0].data);
    writeWeights(c, readWeights(a));
    const x = new Float32Array(784).map((_, i) => (i % 29) / 29);
    expect(predictOne(a, x).probabilities).not.toEqual(predictOne(c, x).probabilities);
    writeWeights(b, readWeights(a));
    expect(predictOne(b, x).logits).toEqual(predictOne(a, x).logits);
    const p = predictOne(a, x).probabilities;
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    const bad = readWeights(a);
    bad[0] = { ...bad[0], shape: [3, 3, 1, 16], data: new Float32Array(144) };
    expect(() => writeWeights(b, bad)).toThrow(
      /conv1.*expected shape \[5, 5, 1, 16\], got \[3, 3, 1, 16\]/,
    );
    [a, b, c].forEach((m) => m.dispose());
  });
});
