import type { TrainConfig } from '../ml/config';
import type { TrainingHistory } from '../ml/history';
import type { WeightSnapshot } from '../ml/weights';
import { useTrainer } from './use-trainer';

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

/** The trainer as saving sees it: the run's history, `restore`, and a count of finished runs. */
export function useTrainerLink(): TrainerLink {
  const { history, restore, finishedRuns } = useTrainer();
  return { history: history.stepsDone > 0 ? history : null, restore, stopCount: finishedRuns };
}
