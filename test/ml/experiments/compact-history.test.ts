import { expect, it } from 'vitest';
import { TUTORIAL_CONFIG } from '../../../src/ml/config';
import { compactHistory, downsampleLoss } from '../../../src/ml/experiments/compact-history';
import { emptyHistory } from '../../../src/ml/history';

const loss = (n: number) =>
  Array.from({ length: n }, (_, step) => ({ step, loss: step, seconds: step / 10 }));

it('keeps short series as they are', () => {
  const short = loss(10);
  expect(downsampleLoss(short, 10)).toBe(short);
});

it('averages runs of steps down to at most the limit, keeping both ends', () => {
  const out = downsampleLoss(loss(10), 4); // runs of 3: [0,1,2] [3,4,5] [6,7,8] [9]
  expect(out).toEqual([
    { step: 2, loss: 1, seconds: 0.2 },
    { step: 5, loss: 4, seconds: 0.5 },
    { step: 8, loss: 7, seconds: 0.8 },
    { step: 9, loss: 9, seconds: 0.9 },
  ]);
  const long = downsampleLoss(loss(12_000), 3000);
  expect(long.length).toBeLessThanOrEqual(3000);
  expect(long.at(-1)?.step).toBe(11_999);
  // The mean of all points is kept (equal-sized runs).
  const mean = (xs: { loss: number }[]) => xs.reduce((s, p) => s + p.loss, 0) / xs.length;
  expect(mean(long)).toBeCloseTo(mean(loss(12_000)), 6);
});

it('compacts only the loss points of a history', () => {
  const h = { ...emptyHistory(TUTORIAL_CONFIG), loss: loss(9), stepsDone: 9 };
  h.accuracy = [{ step: 0, epoch: 0, accuracy: 0.1, scope: 'subset' }];
  h.log = ['Epoch: 0 | …'];
  const c = compactHistory(h, 3);
  expect(c.loss.map((p) => p.step)).toEqual([2, 5, 8]);
  expect(c.accuracy).toBe(h.accuracy);
  expect(c.log).toBe(h.log);
  expect(c.stepsDone).toBe(9);
  expect(compactHistory(h)).toBe(h);
});
