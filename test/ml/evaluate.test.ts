import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cellIndices,
  classMetrics,
  confusionMatrix,
  evaluateSplit,
  formatDigits,
  formatSummary,
  mostConfidentlyWrong,
  summarize,
} from '../../src/ml/evaluate';
import type { MnistSplit } from '../../src/ml/mnist/dataset';
import { createModel } from '../../src/ml/model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A small deterministic pseudo-random generator, so cases are varied but repeatable. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomCase(n: number, seed: number) {
  const r = rng(seed);
  const labels = Uint8Array.from({ length: n }, () => Math.floor(r() * 10));
  // Mostly right, sometimes a random digit, like a half-trained model.
  const predicted = labels.map((l) => (r() < 0.7 ? l : Math.floor(r() * 10)));
  const confidence = Float32Array.from({ length: n }, () => r());
  return { labels, predicted, confidence };
}

describe('evaluation arithmetic', () => {
  it('prints the summary and digits exactly as the tutorial does', () => {
    expect(formatSummary({ total: 10000, wrong: 165, accuracy: 0.9835 })).toBe(
      '10000 total, 165 wrong, accuracy 98.35%',
    );
    expect(formatDigits([7, 2, 1, 0, 4, 1, 4, 9, 5, 9])).toBe('[7 2 1 0 4 1 4 9 5 9]');
  });

  it('counts wrong answers and accuracy', () => {
    const s = summarize([1, 2, 3, 4], [1, 2, 0, 4]);
    expect(s).toEqual({ total: 4, wrong: 1, accuracy: 0.75 });
    expect(() => summarize([1], [1, 2])).toThrow(/1 predictions for 2 labels/);
  });

  it('matches a direct computation of the confusion matrix, precision and recall', () => {
    const { labels, predicted } = randomCase(3000, 42);
    const m = confusionMatrix(predicted, labels);
    const metrics = classMetrics(m);
    for (let t = 0; t < 10; t++) {
      for (let p = 0; p < 10; p++) {
        let direct = 0;
        labels.forEach((l, i) => {
          if (l === t && predicted[i] === p) direct++;
        });
        expect(m[t][p]).toBe(direct);
        expect(cellIndices(predicted, labels, t, p)).toHaveLength(direct);
      }
      // Direct: precision = TP / predicted as t, recall = TP / labelled t.
      let tp = 0;
      let asT = 0;
      let isT = 0;
      labels.forEach((l, i) => {
        if (predicted[i] === t) asT++;
        if (l === t) isT++;
        if (l === t && predicted[i] === t) tp++;
      });
      expect(metrics[t].precision).toBeCloseTo(tp / asT, 12);
      expect(metrics[t].recall).toBeCloseTo(tp / isT, 12);
      expect(metrics[t].support).toBe(isT);
    }
    const total = m.flat().reduce((a, b) => a + b, 0);
    const diagonal = m.reduce((a, row, i) => a + row[i], 0);
    expect(total).toBe(3000);
    expect(total - diagonal).toBe(summarize(predicted, labels).wrong);
  });

  it('reports undefined precision/recall as null, not NaN', () => {
    const metrics = classMetrics(confusionMatrix([0, 0], [0, 1]));
    expect(metrics[1]).toEqual({ digit: 1, precision: null, recall: 0, support: 1 });
    expect(metrics[5]).toEqual({ digit: 5, precision: null, recall: null, support: 0 });
    expect(metrics[0].precision).toBe(0.5);
  });

  it('lists the most confidently wrong images, most confident first', () => {
    const { labels, predicted, confidence } = randomCase(2000, 7);
    const top = mostConfidentlyWrong({ predicted, confidence }, labels, 12);
    const direct = Array.from(labels.keys())
      .filter((i) => predicted[i] !== labels[i])
      .sort((a, b) => confidence[b] - confidence[a])
      .slice(0, 12);
    expect(top.map((w) => w.index)).toEqual(direct);
    for (const w of top) {
      expect(w.predicted).not.toBe(w.label);
      expect(w.label).toBe(labels[w.index]);
      expect(w.confidence).toBe(confidence[w.index]);
    }
  });
});

describe('evaluateSplit', () => {
  it('agrees with one unbatched forward pass, with progress and no leaked tensors', async () => {
    const r = rng(3);
    const count = 23;
    const split: MnistSplit = {
      count,
      images: Uint8Array.from({ length: count * 784 }, () => Math.floor(r() * 256)),
      labels: Uint8Array.from({ length: count }, () => Math.floor(r() * 10)),
    };
    const model = createModel({ activation: 'relu', seed: 2 });
    const progress: number[] = [];
    await evaluateSplit(model, split, { batchSize: 10 }); // warm-up: layers build lazily
    const before = tf.memory().numTensors;
    const result = await evaluateSplit(model, split, {
      batchSize: 10,
      onProgress: (done) => progress.push(done),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(progress).toEqual([10, 20, 23]);
    const direct = tf.tidy(() => {
      const x = tf.tensor4d(
        Float32Array.from(split.images, (b) => b / 255),
        [count, 28, 28, 1],
      );
      const p = tf.softmax(model.predict(x) as tf.Tensor2D);
      return { digits: p.argMax(1).dataSync(), conf: p.max(1).dataSync() };
    });
    expect(Array.from(result.predicted)).toEqual(Array.from(direct.digits));
    result.confidence.forEach((c, i) => expect(c).toBeCloseTo(direct.conf[i], 5));
    model.dispose();
  });

  it('stops when aborted', async () => {
    const split: MnistSplit = {
      count: 4,
      images: new Uint8Array(4 * 784),
      labels: new Uint8Array(4),
    };
    const model = createModel({ activation: 'relu', seed: 1 });
    const controller = new AbortController();
    controller.abort();
    await expect(evaluateSplit(model, split, { signal: controller.signal })).rejects.toThrow();
    model.dispose();
  });
});
