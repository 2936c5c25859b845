import type { TrainConfig } from './config';

/** Training loss after one step. */
export interface LossPoint {
  step: number;
  loss: number;
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
