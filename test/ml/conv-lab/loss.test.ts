import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossEntropy, softmax } from '../../../src/ml/conv-lab/loss';
import {
  activationCurves,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
} from '../../../src/ml/conv-lab/activations';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('softmax and cross-entropy', () => {
  it('matches hand-computed values', () => {
    const p = softmax([0, Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
    expect(crossEntropy([0, Math.log(3)], 1)).toBeCloseTo(-Math.log(0.75), 12);
    // Ten equal logits: p = 0.1 each, loss = ln 10.
    expect(crossEntropy(new Array(10).fill(2), 4)).toBeCloseTo(Math.log(10), 12);
  });

  it('agrees with tf.softmax and tf.losses.softmaxCrossEntropy', () => {
    const logits = [2.5, -1, 0.3, 7, -3, 0, 1.1, 4.2, -0.5, 0.9];
    const p = softmax(logits);
    const tp = tf.tidy(() => tf.softmax(tf.tensor1d(logits)).arraySync());
    p.forEach((v, i) => expect(v).toBeCloseTo(tp[i], 6));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (let label = 0; label < 10; label++) {
      const oneHot = tf.oneHot([label], 10);
      const want = tf.tidy(() =>
        tf.losses.softmaxCrossEntropy(oneHot, tf.tensor2d([logits])).arraySync(),
      ) as number;
      oneHot.dispose();
      expect(crossEntropy(logits, label)).toBeCloseTo(want, 5);
      expect(crossEntropy(logits, label)).toBeCloseTo(-Math.log(p[label]), 10);
    }
  });

  it('stays finite for extreme logits and rejects bad labels', () => {
    expect(crossEntropy([1000, -1000], 1)).toBeCloseTo(2000, 6);
    expect(() => crossEntropy([1, 2], 2)).toThrow(/label must be an integer in 0–1, got 2/);
  });
});

describe('activations', () => {
  it('computes ReLU, sigmoid and their derivatives', () => {
    expect([relu(-2), relu(0), relu(3)]).toEqual([0, 0, 3]);
    expect([reluDerivative(-2), reluDerivative(0), reluDerivative(3)]).toEqual([0, 0, 1]);
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoidDerivative(0)).toBe(0.25);
    // Saturation: the gradient all but vanishes far from 0.
    expect(sigmoidDerivative(10)).toBeLessThan(5e-5);
    const h = 1e-5;
    for (const x of [-3, -0.5, 0.7, 2]) {
      expect(sigmoidDerivative(x)).toBeCloseTo((sigmoid(x + h) - sigmoid(x - h)) / (2 * h), 8);
    }
  });

  it('samples evenly including both ends', () => {
    const pts = activationCurves(-6, 6, 121);
    expect(pts).toHaveLength(121);
    expect(pts[0].x).toBe(-6);
    expect(pts[120].x).toBe(6);
    expect(pts[60]).toMatchObject({ x: 0, relu: 0, sigmoid: 0.5 });
  });
});
