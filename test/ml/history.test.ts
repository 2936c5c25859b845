import { expect, it } from 'vitest';
import { TUTORIAL_CONFIG } from '../../src/ml/config';
import { historyUpTo, stepsIntoEpoch, type TrainingHistory } from '../../src/ml/history';

// Two epochs of 3 steps; a subset measurement (and log line) at the first step of each epoch.
const history: TrainingHistory = {
  config: TUTORIAL_CONFIG,
  loss: [0, 1, 2, 3, 4].map((step) => ({ step, loss: 2 - step / 10 })),
  accuracy: [
    { step: 0, epoch: 0, accuracy: 0.1, scope: 'subset' },
    { step: 2, epoch: 0, accuracy: 0.5, scope: 'full' },
    { step: 3, epoch: 1, accuracy: 0.6, scope: 'subset' },
  ],
  log: ['line 0', 'line 3'],
  stepsDone: 5,
  epochsDone: 1,
};

it('cuts a history back to the steps its weights have seen', () => {
  expect(historyUpTo(history, 5)).toBe(history);
  const four = historyUpTo(history, 4);
  expect(four.loss.map((p) => p.step)).toEqual([0, 1, 2, 3]);
  expect(four.stepsDone).toBe(4);
  expect(four.epochsDone).toBe(1);
  expect(four.log).toEqual(['line 0', 'line 3']);
  const two = historyUpTo(history, 2);
  expect(two.accuracy.map((a) => a.scope)).toEqual(['subset']);
  expect(two.epochsDone).toBe(0);
  expect(two.log).toEqual(['line 0']);
});

it('counts the steps since the last epoch end', () => {
  expect(stepsIntoEpoch(history)).toBe(2);
  expect(stepsIntoEpoch(historyUpTo(history, 3))).toBe(0);
  expect(stepsIntoEpoch(historyUpTo(history, 2))).toBe(2);
});
