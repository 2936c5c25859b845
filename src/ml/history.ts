import type { TrainConfig } from './config';

/** Training loss after one step. */
export interface LossPoint {
  step: number;
  loss: number;
  /** Seconds the run had trained when this step ended (pauses excluded); absent in older saves. */
  seconds?: number;
}

/** Test accuracy at a step: on the fixed test subset, or on all 10,000 test images at an epoch end. */
export interface AccuracyPoint {
  step: number;
  epoch: number;
  accuracy: number;
  scope: 'subset' | 'full';
}

/** Everything a run has recorded; plain data, so it can be saved and restored. */
export interface TrainingHistory {
  config: TrainConfig;
  loss: LossPoint[];
  accuracy: AccuracyPoint[];
  /** Log lines as the tutorial prints them. */
  log: string[];
  stepsDone: number;
  epochsDone: number;
}

/** An empty history for a run with `config`. */
export function emptyHistory(config: TrainConfig): TrainingHistory {
  return { config, loss: [], accuracy: [], log: [], stepsDone: 0, epochsDone: 0 };
}

/**
 * The history as it stood after `steps` steps: later loss and accuracy points dropped, epochs
 * recounted. Log lines carry no step, so one is kept per subset measurement kept.
 */
export function historyUpTo(history: TrainingHistory, steps: number): TrainingHistory {
  if (steps >= history.stepsDone) return history;
  const accuracy = history.accuracy.filter((a) => a.step < steps);
  const ends = accuracy.filter((a) => a.scope === 'full');
  const subsets = accuracy.filter((a) => a.scope === 'subset').length;
  return {
    ...history,
    loss: history.loss.filter((p) => p.step < steps),
    accuracy,
    log: history.log.slice(0, subsets),
    stepsDone: steps,
    epochsDone: ends.length ? ends[ends.length - 1].epoch + 1 : 0,
  };
}

/** Steps taken since the last epoch end (0 at an epoch boundary). */
export function stepsIntoEpoch(history: TrainingHistory): number {
  const end = history.accuracy.findLast((a) => a.scope === 'full');
  return history.stepsDone - (end ? end.step + 1 : 0);
}
