import { expect, it } from 'vitest';
import { knownMnistAccuracy } from '../../../src/features/my-digits/mnist-accuracy';
import { TUTORIAL_CONFIG } from '../../../src/ml/config';
import { emptyHistory, type TrainingHistory } from '../../../src/ml/history';
import type { CurrentModel } from '../../../src/state/model';
import type { EvaluationResult } from '../../../src/state/panel-state';

const model = (over: Partial<CurrentModel> = {}): CurrentModel =>
  ({ trained: true, steps: 1200, epochs: 1, version: 7, ...over }) as CurrentModel;
const history = (steps: number): TrainingHistory => ({
  ...emptyHistory(TUTORIAL_CONFIG),
  stepsDone: steps,
  accuracy: [{ step: 1199, epoch: 0, accuracy: 0.98, scope: 'full' }],
});
const evaluation = (version: number) => ({ version, accuracy: 0.985 }) as EvaluationResult;

it('prefers the Evaluate panel result for this very model version', () => {
  expect(knownMnistAccuracy(model(), evaluation(7), history(1200))).toEqual({
    accuracy: 0.985,
    from: 'evaluate',
  });
});

it('else takes the last epoch-end accuracy while no step has changed the weights since', () => {
  expect(knownMnistAccuracy(model(), evaluation(6), history(1200))).toEqual({
    accuracy: 0.98,
    from: 'epoch',
  });
  // Fine-tuned (or trained on) after that epoch: the number no longer describes these weights.
  expect(knownMnistAccuracy(model({ steps: 1240 }), null, history(1240))).toBeNull();
  expect(knownMnistAccuracy(model({ trained: false }), null, history(1200))).toBeNull();
});
