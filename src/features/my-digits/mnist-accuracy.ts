import type { TrainingHistory } from '../../ml/history';
import type { CurrentModel } from '../../state/model';
import type { EvaluationResult } from '../../state/panel-state';

/** The current model's MNIST test accuracy where the app already knows it, and from where. */
export type KnownAccuracy = { accuracy: number; from: 'evaluate' | 'epoch' } | null;

/**
 * The Evaluate panel's result when it measured this very model, else the test-set accuracy the
 * run measured at its last epoch end when no step has changed the weights since; else unknown.
 */
export function knownMnistAccuracy(
  model: CurrentModel,
  evaluation: EvaluationResult | null,
  history: TrainingHistory,
): KnownAccuracy {
  if (evaluation && evaluation.version === model.version) {
    return { accuracy: evaluation.accuracy, from: 'evaluate' };
  }
  const end = history.accuracy.findLast((a) => a.scope === 'full');
  if (model.trained && end && end.step + 1 === model.steps && history.stepsDone === model.steps) {
    return { accuracy: end.accuracy, from: 'epoch' };
  }
  return null;
}
