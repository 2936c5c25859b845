import { describe, expect, it } from 'vitest';
import { TUTORIAL_CONFIG } from '../../src/ml/config';
import { emptyHistory } from '../../src/ml/history';
import { INITIAL_TRAINER_STATE, trainerReducer } from '../../src/state/trainer-state';
import type { TrainProgress } from '../../src/worker/protocol';

const progress: TrainProgress = {
  epoch: 0,
  epochs: 1,
  stepInEpoch: 3,
  stepsPerEpoch: 1200,
  stepsDone: 3,
  imagesPerSecond: 40,
  etaSeconds: 100,
};

it('appends batched metrics to the history and records how a run ended', () => {
  let s = trainerReducer(INITIAL_TRAINER_STATE, {
    type: 'history',
    history: emptyHistory(TUTORIAL_CONFIG),
    progress,
  });
  s = trainerReducer(s, { type: 'phase', phase: 'training', numTensors: 20 });
  s = trainerReducer(s, {
    type: 'metrics',
    loss: [
      { step: 0, loss: 2.3 },
      { step: 1, loss: 2.2 },
    ],
    accuracy: [{ step: 0, epoch: 0, accuracy: 0.1, scope: 'subset' }],
    log: ['Epoch: 0 | train loss: 2.3000 | test accuracy: 0.10'],
    progress,
    numTensors: 26,
  });
  s = trainerReducer(s, {
    type: 'metrics',
    loss: [{ step: 2, loss: 2.1 }],
    accuracy: [],
    log: [],
    progress,
    numTensors: 26,
  });
  expect(s.history.loss.map((p) => p.step)).toEqual([0, 1, 2]);
  expect(s.history.stepsDone).toBe(3);
  expect(s.history.log).toHaveLength(1);
  expect(s.numTensors).toBe(26);
  s = trainerReducer(s, {
    type: 'finished',
    reason: 'diverged',
    step: 3,
    loss: NaN,
    numTensors: 26,
  });
  expect(s.lastRun).toEqual({ reason: 'diverged', step: 3, loss: NaN });
  s = trainerReducer(s, { type: 'phase', phase: 'training', numTensors: 26 });
  expect(s.lastRun).toBeNull();
});

describe('worker errors', () => {
  it('keep the reason code so the page can word it, and a crash counts as other', () => {
    const refused = trainerReducer(INITIAL_TRAINER_STATE, {
      type: 'error',
      code: 'architecture',
      message: "Continue needs the model's activation and seed",
    });
    expect(refused.error?.code).toBe('architecture');
    const crashed = trainerReducer(refused, { type: 'crash', message: 'worker died' });
    expect(crashed.error).toEqual({ code: 'other', message: 'worker died' });
  });

  it('end the run on a failed step, keeping how many whole steps its saved weights hold', () => {
    const training = trainerReducer(INITIAL_TRAINER_STATE, {
      type: 'phase',
      phase: 'training',
      numTensors: 9,
    });
    const failed = trainerReducer(training, {
      type: 'error',
      code: 'other',
      message: 'Error: helper thread failed',
      keptSteps: 5,
    });
    expect(failed.error).toEqual({
      code: 'other',
      message: 'Error: helper thread failed',
      keptSteps: 5,
    });
    // Counted as an end, so autosave writes the run and the queue moves on.
    expect(failed.finishedRuns).toBe(training.finishedRuns + 1);
    expect(failed.lastRun).toEqual({ reason: 'interrupted', step: null, loss: null });
    // A refused request is not an end.
    const busy = trainerReducer(training, { type: 'error', code: 'busy', message: 'busy' });
    expect(busy.finishedRuns).toBe(training.finishedRuns);
    expect(busy.lastRun).toBeNull();
  });
});

it('ends a run cut short by a dead worker, so it is saved, and clears that on the next run', () => {
  let s = trainerReducer(INITIAL_TRAINER_STATE, {
    type: 'phase',
    phase: 'training',
    numTensors: 9,
  });
  s = trainerReducer(s, { type: 'worker-died', keptSteps: 120 });
  expect(s.phase).toBe('loading');
  expect(s.finishedRuns).toBe(1);
  expect(s.lastRun?.reason).toBe('interrupted');
  expect(s.workerLost).toEqual({ count: 1, keptSteps: 120 });
  // A worker that dies while idle ends no run.
  s = trainerReducer({ ...s, phase: 'idle' }, { type: 'worker-died', keptSteps: 120 });
  expect(s.finishedRuns).toBe(1);
  expect(s.workerLost?.count).toBe(2);
  s = trainerReducer(s, { type: 'run-request', kind: 'scratch' });
  expect(s.workerLost).toBeNull();
  expect(s.runRequest).toEqual({ serial: 1, kind: 'scratch' });
});

it('counts run requests and forgets a restore only for a fresh run or a reset', () => {
  let s = trainerReducer(INITIAL_TRAINER_STATE, { type: 'restored', numTensors: 1 });
  s = trainerReducer(s, { type: 'run-request', kind: 'current' });
  expect(s.restored).toBe(true);
  s = trainerReducer(s, { type: 'run-request', kind: 'reset' });
  expect(s).toMatchObject({ restored: false, runRequest: { serial: 2, kind: 'reset' } });
});
