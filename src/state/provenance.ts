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

/**
 * Where the test accuracy shown for the current weights comes from: an Evaluate run on them,
 * the run's last measurement on the whole test set at an epoch end (`epoch` 1-based;
 * `stepsSince`: steps the weights trained after it, 0 when it measured these very weights), or
 * the file or store they were loaded from.
 */
export type AccuracyFact =
  | { kind: 'evaluated'; accuracy: number }
  | { kind: 'epoch'; accuracy: number; epoch: number; stepsSince: number }
  | { kind: 'stored'; accuracy: number };

/** The last whole-test-set accuracy a history measured at or before `steps` steps, or null. */
export function lastEpochAccuracy(
  history: TrainingHistory | null,
  steps: number,
): (AccuracyFact & { kind: 'epoch' }) | null {
  const last = history?.accuracy.findLast((a) => a.scope === 'full' && a.step + 1 <= steps);
  if (!last) return null;
  return {
    kind: 'epoch',
    accuracy: last.accuracy,
    epoch: last.epoch + 1,
    stepsSince: steps - (last.step + 1),
  };
}

/** What is known about the current weights. */
export interface Provenance {
  /** The training history that produced them, or null. */
  history: TrainingHistory | null;
  /** Accuracy on all 10,000 test images measured on exactly these weights, or null. */
  testAccuracy: number | null;
  /** The settings they were trained with, when known. */
  trainConfig: TrainConfig | null;
  /** The test accuracy to show, exact or the last one the run measured, with its source. */
  accuracyFact: AccuracyFact | null;
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
  const epochFact = lastEpochAccuracy(history, current.steps);
  const accuracyFact: AccuracyFact | null =
    evaluation && evaluation.version === current.version
      ? { kind: 'evaluated', accuracy: evaluation.accuracy }
      : epochFact && epochFact.stepsSince === 0
        ? epochFact
        : loaded?.testAccuracy != null
          ? { kind: 'stored', accuracy: loaded.testAccuracy }
          : epochFact;
  return { history, testAccuracy, trainConfig, accuracyFact };
}
