import type { BackendChoice, BackendSetup } from '../ml/backend';
import type { TrainConfig } from '../ml/config';
import type { AccuracyPoint, LossPoint, TrainingHistory } from '../ml/history';
import type { TrainData } from '../ml/mix';
import type { MnistLoadStats } from '../ml/mnist/load';
import type { ModelConfig } from '../ml/model';
import type { ConvKernelMode } from '../ml/wasm/fma/conv-choice';
import type { WeightSnapshot } from '../ml/weights';

/** Set up the backend and load MNIST from `mnistBaseUrl` (ending in '/'). */
export interface InitRequest {
  type: 'init';
  backend: BackendChoice;
  mnistBaseUrl: string;
  /** WASM threads the page asks for (`?threads=`); absent: the worker's own plan. */
  threads?: number;
  /** WASM convolution kernels the page asks for (`?conv=`); absent: timed at start. */
  conv?: ConvKernelMode;
}

/** Page → worker. */
export type TrainerRequest =
  | InitRequest
  /**
   * Hold the Web Lock `lock` for the worker's whole life: the browser releases it when the worker
   * dies (closed, crashed, killed for memory), which is how the page notices.
   */
  | { type: 'lifeline'; lock: string }
  /**
   * Start a run: from fresh seeded weights, or go on from the weights the worker holds; with
   * `maxSteps`, the run stops after that many steps (a quick look, or a test); with `data`, its
   * batches mix in the user's own digits and/or are augmented (plain MNIST without).
   */
  | {
      type: 'start';
      config: TrainConfig;
      from: 'scratch' | 'current';
      maxSteps?: number;
      data?: TrainData;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  /** End any run and go back to fresh seeded weights with an empty history. */
  | { type: 'reset'; config: TrainConfig }
  /** Put saved weights and their history (if saved) back; the optimizer state restarts. */
  | {
      type: 'restore';
      config: TrainConfig;
      weights: WeightSnapshot;
      history: TrainingHistory | null;
    };

/** Where a run is. */
export type TrainerPhase = 'loading' | 'idle' | 'training' | 'paused' | 'finished';

/** Why a run finished. */
export type FinishReason = 'completed' | 'stopped' | 'diverged';

/** Progress of the run, for the progress bar. */
export interface TrainProgress {
  /** 0-based epoch in progress, and the target number of epochs. */
  epoch: number;
  epochs: number;
  stepInEpoch: number;
  stepsPerEpoch: number;
  stepsDone: number;
  /** Images per second over the recent steps, and the estimated seconds left (null before data). */
  imagesPerSecond: number | null;
  etaSeconds: number | null;
}

/** Why weights are being sent. */
export type WeightsReason = 'periodic' | 'epoch' | 'final' | 'reset';

/** Worker → page. */
export type TrainerEvent =
  | { type: 'ready'; backend: BackendSetup; dataset: MnistLoadStats; numTensors: number }
  | { type: 'phase'; phase: TrainerPhase; numTensors: number }
  /** A run ended; for 'diverged', `step` and `loss` say where. */
  | {
      type: 'finished';
      reason: FinishReason;
      step: number | null;
      loss: number | null;
      numTensors: number;
    }
  /** What happened since the last metrics event (posted at most ~4 times a second). */
  | {
      type: 'metrics';
      loss: LossPoint[];
      accuracy: AccuracyPoint[];
      log: string[];
      progress: TrainProgress;
      numTensors: number;
    }
  /** The whole history, after a start, reset or restore replaced it. */
  | { type: 'history'; history: TrainingHistory; progress: TrainProgress }
  /** Weights the worker trained or reset, moved with a transfer list. */
  | {
      type: 'weights';
      reason: WeightsReason;
      config: ModelConfig;
      weights: WeightSnapshot;
      steps: number;
      epochs: number;
    }
  /** The worker now holds the weights the page sent with `restore` (the page has them already). */
  | { type: 'restored'; numTensors: number }
  /** The worker holds the lifeline lock; the page may now wait on it. */
  | { type: 'lifeline' }
  /**
   * A request that could not be carried out; the worker's model and run are unchanged. A run
   * whose step failed ends with it: `keptSteps` says how many whole steps the weights sent just
   * before hold (absent when they could not be read back).
   */
  | { type: 'error'; code: WorkerErrorCode; message: string; keptSteps?: number };

/** Why the worker refused a request; the page words it in the user's language ('other': see message). */
export type WorkerErrorCode = 'loading' | 'busy' | 'epochsDone' | 'architecture' | 'other';

/** Fails to compile when a switch over a union misses a case. */
export function assertNever(value: never): never {
  throw new Error(`unexpected message ${JSON.stringify(value)}`);
}
