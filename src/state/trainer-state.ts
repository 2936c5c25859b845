import type { BackendSetup } from '../ml/backend';
import { TUTORIAL_CONFIG } from '../ml/config';
import { emptyHistory, type TrainingHistory } from '../ml/history';
import type { MnistLoadStats } from '../ml/mnist/load';
import type {
  FinishReason,
  TrainerEvent,
  TrainerPhase,
  TrainProgress,
  WorkerErrorCode,
} from '../worker/protocol';

/**
 * How the last run ended ('interrupted': the worker died, or a step failed); for 'diverged', the
 * step and loss.
 */
export interface RunEnd {
  reason: FinishReason | 'interrupted';
  step: number | null;
  loss: number | null;
}

/** What the page knows about the training worker. */
export interface TrainerState {
  phase: TrainerPhase;
  progress: TrainProgress | null;
  history: TrainingHistory;
  lastRun: RunEnd | null;
  backend: BackendSetup | null;
  dataset: MnistLoadStats | null;
  /** Live tensors inside the worker. */
  numTensors: number;
  /**
   * The last error the worker reported (a refused request, a failed step, or a crash); after a
   * failed step, how many whole steps the kept weights hold.
   */
  error: { code: WorkerErrorCode; message: string; keptSteps?: number } | null;
  /** True when the weights came from `restore` (the optimizer state restarted). */
  restored: boolean;
  /** Runs that ended (stopped, completed, diverged or interrupted) since the page opened; their weights arrived first. */
  finishedRuns: number;
  /** The last run the page asked for: from scratch, continued, or a reset; `serial` counts them. */
  runRequest: { serial: number; kind: RunRequestKind } | null;
  /** Set when the worker died and was restarted: how often, and the steps of the weights kept. */
  workerLost: { count: number; keptSteps: number } | null;
}

/**
 * What the user asked the worker to do with the model: train anew, go on, go on as a run of its
 * own (fine-tuning: the model it started from stays saved), or reset it.
 */
export type RunRequestKind = 'scratch' | 'current' | 'branch' | 'reset';

/** The state before the worker has said anything. */
export const INITIAL_TRAINER_STATE: TrainerState = {
  phase: 'loading',
  progress: null,
  history: emptyHistory(TUTORIAL_CONFIG),
  lastRun: null,
  backend: null,
  dataset: null,
  numTensors: 0,
  error: null,
  restored: false,
  finishedRuns: 0,
  runRequest: null,
  workerLost: null,
};

/** An event from the worker, or a crash of the worker itself. */
export type TrainerAction =
  | TrainerEvent
  | { type: 'crash'; message: string }
  | { type: 'restoring' }
  | { type: 'run-request'; kind: RunRequestKind }
  /** The worker died; a new one is starting with the weights of `keptSteps` steps. */
  | { type: 'worker-died'; keptSteps: number };

/** Folds one worker event into the state. */
export function trainerReducer(state: TrainerState, action: TrainerAction): TrainerState {
  switch (action.type) {
    case 'ready':
      return {
        ...state,
        backend: action.backend,
        dataset: action.dataset,
        numTensors: action.numTensors,
      };
    case 'phase':
      return {
        ...state,
        phase: action.phase,
        numTensors: action.numTensors,
        ...(action.phase === 'training' ? { lastRun: null, error: null } : {}),
      };
    case 'finished':
      return {
        ...state,
        numTensors: action.numTensors,
        lastRun: { reason: action.reason, step: action.step, loss: action.loss },
        finishedRuns: state.finishedRuns + 1,
      };
    case 'metrics': {
      const h = state.history;
      const last = action.loss[action.loss.length - 1];
      const epochEnds = action.accuracy.filter((a) => a.scope === 'full');
      return {
        ...state,
        progress: action.progress,
        numTensors: action.numTensors,
        history: {
          ...h,
          loss: action.loss.length ? h.loss.concat(action.loss) : h.loss,
          accuracy: action.accuracy.length ? h.accuracy.concat(action.accuracy) : h.accuracy,
          log: action.log.length ? h.log.concat(action.log) : h.log,
          stepsDone: last ? last.step + 1 : h.stepsDone,
          epochsDone: epochEnds.length ? epochEnds[epochEnds.length - 1].epoch + 1 : h.epochsDone,
        },
      };
    }
    case 'history':
      return { ...state, history: action.history, progress: action.progress };
    case 'weights':
      return action.reason === 'reset' ? { ...state, restored: false, lastRun: null } : state;
    case 'restored':
      return { ...state, restored: true, lastRun: null, numTensors: action.numTensors };
    case 'error':
      if (action.keptSteps === undefined)
        return { ...state, error: { code: action.code, message: action.message } };
      // A step failed and the run ended with it, its last whole step's weights sent just
      // before: cut short like a run whose worker died, so it is saved the same way.
      return {
        ...state,
        error: { code: action.code, message: action.message, keptSteps: action.keptSteps },
        lastRun: { reason: 'interrupted', step: null, loss: null },
        finishedRuns: state.finishedRuns + 1,
      };
    case 'crash':
      return { ...state, error: { code: 'other', message: action.message } };
    case 'run-request': {
      const serial = (state.runRequest?.serial ?? 0) + 1;
      // A run from scratch or a reset no longer stands on a restored model.
      const restored = (action.kind === 'current' || action.kind === 'branch') && state.restored;
      return { ...state, restored, runRequest: { serial, kind: action.kind }, workerLost: null };
    }
    case 'worker-died': {
      const running = state.phase === 'training' || state.phase === 'paused';
      const count = (state.workerLost?.count ?? 0) + 1;
      return {
        ...state,
        phase: 'loading',
        error: null,
        numTensors: 0,
        workerLost: { count, keptSteps: action.keptSteps },
        // A run cut short ends here, so it is saved like a stopped one.
        ...(running
          ? {
              lastRun: { reason: 'interrupted' as const, step: null, loss: null },
              finishedRuns: state.finishedRuns + 1,
            }
          : {}),
      };
    }
    case 'lifeline':
      return state;
    case 'restoring':
      return { ...state, error: null };
  }
}
