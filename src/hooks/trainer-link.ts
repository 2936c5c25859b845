import type { TrainConfig } from '../ml/config';
import type { TrainingHistory } from '../ml/history';
import type { WeightSnapshot } from '../ml/weights';

/** A saved model handed to the trainer so that Train resumes from it. */
export interface RestoreRequest {
  weights: WeightSnapshot;
  config: TrainConfig;
  history: TrainingHistory | null;
}

/** What saving and restoring need from the training worker. */
export interface TrainerLink {
  /** The live run's history, or null when this page has no run. */
  history: TrainingHistory | null;
  /** Puts a saved model into the trainer, or null while there is no trainer. */
  restore: ((saved: RestoreRequest) => void) | null;
  /** Bumped each time the user stops a run, so the autosave slot is written on Stop. */
  stopCount: number;
}

const NO_TRAINER: TrainerLink = { history: null, restore: null, stopCount: 0 };

/**
 * The trainer as saving sees it. Until the training worker is wired in, there is no live run:
 * map `useTrainer()` here (its history, `restore`, and a counter of Stop clicks).
 */
export function useTrainerLink(): TrainerLink {
  return NO_TRAINER;
}
