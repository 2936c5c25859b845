import type { TrainConfig } from '../ml/config';
import type { TrainingHistory } from '../ml/history';
import type { WeightSnapshot } from '../ml/weights';
import type { CurrentModel } from './model';
import type { EvaluationResult } from './panel-state';

/** Facts that came with weights loaded from storage or a file. */
export interface Origin {
  weights: WeightSnapshot;
  testAccuracy: number | null;
  trainConfig: TrainConfig | null;
  history: TrainingHistory | null;
}

/** What is known about the current weights. */
export interface Provenance {
  /** The training history that produced them, or null. */
  history: TrainingHistory | null;
  /** Accuracy on all 10,000 test images measured on exactly these weights, or null. */
  testAccuracy: number | null;
  /** The settings they were trained with, when known. */
  trainConfig: TrainConfig | null;
}

/**
 * Which history, test accuracy and settings belong to the current weights: those loaded with
 * them (while the weights are still the loaded ones), else the live run's; an evaluation counts
 * only for the model version it measured, an epoch-end accuracy only for the weights of that step.
 */
export function provenanceOf(facts: {
  current: CurrentModel;
  origin: Origin | null;
  runHistory: TrainingHistory;
  evaluation: EvaluationResult | null;
}): Provenance {
  const { current, origin, evaluation } = facts;
  const loaded = origin && origin.weights === current.weights ? origin : null;
  const run = facts.runHistory.stepsDone > 0 ? facts.runHistory : null;
  const history = loaded ? loaded.history : run;
  const measured = history?.accuracy.findLast(
    (a) => a.scope === 'full' && a.step + 1 === current.steps,
  );
  const testAccuracy =
    evaluation && evaluation.version === current.version
      ? evaluation.accuracy
      : (loaded?.testAccuracy ?? measured?.accuracy ?? null);
  const trainConfig = loaded ? loaded.trainConfig : (run?.config ?? null);
  return { history, testAccuracy, trainConfig };
}
