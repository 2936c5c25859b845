import { describe, expect, it } from 'vitest';
import { TUTORIAL_CONFIG } from '../../src/ml/config';
import { emptyHistory, type TrainingHistory } from '../../src/ml/history';
import type { WeightSnapshot } from '../../src/ml/weights';
import type { CurrentModel } from '../../src/state/model';
import type { EvaluationResult } from '../../src/state/panel-state';
import { provenanceOf, type Origin } from '../../src/state/provenance';

const snapshot = (): WeightSnapshot => [
  { name: 'w', shape: [1], data: new Float32Array([Math.random()]) },
];
const model = (weights: WeightSnapshot, steps: number, version: number): CurrentModel => ({
  config: { activation: 'relu', seed: 1 },
  weights,
  trained: steps > 0,
  steps,
  epochs: Math.floor(steps / 1200),
  version,
});
/** A run of `steps` steps, with the full-test accuracy measured at each epoch end (1,200 steps). */
function run(steps: number, config = TUTORIAL_CONFIG): TrainingHistory {
  const h = emptyHistory(config);
  for (let e = 0; (e + 1) * 1200 <= steps; e++) {
    h.accuracy.push({ step: (e + 1) * 1200 - 1, epoch: e, accuracy: 0.9 + e / 100, scope: 'full' });
  }
  return { ...h, stepsDone: steps, epochsDone: Math.floor(steps / 1200) };
}
const evaluation = (version: number, accuracy: number): EvaluationResult => ({
  version,
  accuracy,
  predictions: { predicted: new Uint8Array(0), confidence: new Float32Array(0) },
  ms: 1,
  backend: 'cpu',
});

describe('provenance of the current weights', () => {
  it('is empty before anything was trained or loaded', () => {
    const p = provenanceOf({
      current: model(snapshot(), 0, 0),
      origin: null,
      runHistory: emptyHistory(TUTORIAL_CONFIG),
      evaluation: null,
    });
    expect(p).toEqual({ history: null, testAccuracy: null, trainConfig: null, accuracyFact: null });
  });

  it('takes the live run, and the epoch-end accuracy only for the weights of that very step', () => {
    const history = run(2400);
    const atEpochEnd = provenanceOf({
      current: model(snapshot(), 2400, 3),
      origin: null,
      runHistory: history,
      evaluation: null,
    });
    expect(atEpochEnd).toEqual({
      history,
      testAccuracy: 0.91,
      trainConfig: TUTORIAL_CONFIG,
      accuracyFact: { kind: 'epoch', accuracy: 0.91, epoch: 2, stepsSince: 0 },
    });
    // Stopped 300 steps into the next epoch: no full-test measurement of these weights exists.
    const later = provenanceOf({
      current: model(snapshot(), 2700, 4),
      origin: null,
      runHistory: run(2700),
      evaluation: null,
    });
    expect(later.testAccuracy).toBeNull();
    // What is shown is the last whole-test-set measurement, saying which and how old it is.
    expect(later.accuracyFact).toEqual({
      kind: 'epoch',
      accuracy: 0.91,
      epoch: 2,
      stepsSince: 300,
    });
    // Before the first epoch end there is none.
    const early = provenanceOf({
      current: model(snapshot(), 500, 1),
      origin: null,
      runHistory: run(500),
      evaluation: null,
    });
    expect(early.accuracyFact).toBeNull();
  });

  it('keeps what came with loaded weights while they are current, and drops it once they change', () => {
    const weights = snapshot();
    const saved = run(1200, { ...TUTORIAL_CONFIG, learningRate: 0.01 });
    const origin: Origin = {
      weights,
      testAccuracy: 0.97,
      trainConfig: saved.config,
      history: saved,
    };
    const stale = run(5000); // the previous run, still in the worker's state
    const loaded = provenanceOf({
      current: model(weights, 1200, 7),
      origin,
      runHistory: stale,
      evaluation: null,
    });
    expect(loaded).toEqual({
      history: saved,
      testAccuracy: 0.97,
      trainConfig: saved.config,
      accuracyFact: { kind: 'epoch', accuracy: 0.9, epoch: 1, stepsSince: 0 },
    });
    // Without a history, the accuracy stored with the weights is shown as such.
    const bare = provenanceOf({
      current: model(weights, 1200, 7),
      origin: { ...origin, history: null },
      runHistory: stale,
      evaluation: null,
    });
    expect(bare.accuracyFact).toEqual({ kind: 'stored', accuracy: 0.97 });
    const trainedOn = provenanceOf({
      current: model(snapshot(), 5000, 8),
      origin,
      runHistory: stale,
      evaluation: null,
    });
    expect(trainedOn.history).toBe(stale);
    expect(trainedOn.trainConfig).toBe(stale.config);
  });

  it('prefers an evaluation of this very model version', () => {
    const weights = snapshot();
    const facts = {
      current: model(weights, 2400, 5),
      origin: null,
      runHistory: run(2400),
    };
    expect(provenanceOf({ ...facts, evaluation: evaluation(5, 0.99) }).testAccuracy).toBe(0.99);
    expect(provenanceOf({ ...facts, evaluation: evaluation(5, 0.99) }).accuracyFact).toEqual({
      kind: 'evaluated',
      accuracy: 0.99,
    });
    expect(provenanceOf({ ...facts, evaluation: evaluation(4, 0.5) }).testAccuracy).toBe(0.91);
  });
});
