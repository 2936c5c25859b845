import * as tf from '@tensorflow/tfjs';
import type { Batch } from './batches';
import { headOf, makeBatch, seededRng, shuffledIndices, stepsPerEpoch } from './batches';
import type { TrainConfig } from './config';
import { evaluateSplit } from './evaluate';
import { emptyHistory, stepsIntoEpoch, type AccuracyPoint, type TrainingHistory } from './history';
import type { MnistData, MnistSplit } from './mnist/dataset';
import { createModel } from './model';
import { makeOptimizer } from './optimizers';
import { readWeights, writeWeights, type WeightSnapshot } from './weights';

/** Test images in the fixed subset measured during an epoch (the first ones of the test set). */
export const TEST_SUBSET_SIZE = 1000;
/** Steps between two measurements on the test subset, and between two log lines. */
export const EVAL_EVERY = 100;
/** Images per forward pass when evaluating. */
const EVAL_CHUNK = 500;

/** What one training step did. */
export interface StepReport {
  /** Global step index (0-based) of this step. */
  step: number;
  /** 0-based epoch and step within it. */
  epoch: number;
  stepInEpoch: number;
  loss: number;
  /** Seconds the run has trained, this step and its evaluations included (pauses excluded). */
  seconds: number;
  /** Wall time of the training step: building the batch, forward, backward, update, reading the loss. */
  ms: number;
  /** Wall time of the evaluations this step triggered (0 for most steps). */
  evalMs: number;
  /** Set every EVAL_EVERY steps: accuracy on the fixed test subset, and the tutorial's log line. */
  subset: AccuracyPoint | null;
  logLine: string | null;
  /** Set when this step closed an epoch: accuracy on the whole test set. */
  full: AccuracyPoint | null;
}

/** A step either trained, or its loss was NaN/infinite and the last good weights were put back. */
export type StepOutcome =
  { kind: 'step'; report: StepReport } | { kind: 'diverged'; step: number; loss: number };

/** The tutorial's log line, e.g. `Epoch: 0 | train loss: 0.5552 | test accuracy: 0.89`. */
export function logLine(epoch: number, loss: number, accuracy: number): string {
  return `Epoch: ${epoch} | train loss: ${loss.toFixed(4)} | test accuracy: ${accuracy.toFixed(2)}`;
}

/** Fraction of `split` (or of its first `count` images) the model classifies right. */
export async function evaluateAccuracy(
  model: tf.LayersModel,
  split: MnistSplit,
  count = split.count,
): Promise<number> {
  const part = headOf(split, count);
  const { predicted } = await evaluateSplit(model, part, { batchSize: EVAL_CHUNK });
  let correct = 0;
  predicted.forEach((digit, i) => {
    if (digit === part.labels[i]) correct++;
  });
  return correct / part.count;
}

/** Owns a model, its optimizer and its history, and trains it one step at a time. No UI. */
export class Trainer {
  readonly model: tf.Sequential;
  history: TrainingHistory;
  private config: TrainConfig;
  private optimizer: tf.Optimizer;
  private order: Int32Array;
  private stepInEpoch = 0;
  private lastGood: tf.Tensor[] | null = null;
  /** False once a failed step could not put the weights back: they may be part-updated. */
  intact = true;
  /** Training time so far, kept so a curve can be read against seconds as well as steps. */
  private trainedMs = 0;
  /** Builds each batch from its MNIST indices (mixing in other images); plain MNIST when null. */
  private batches: ((indices: Int32Array) => Batch) | null = null;

  constructor(
    private readonly data: MnistData,
    config: TrainConfig,
  ) {
    this.config = config;
    const { activation, seed, init } = config;
    this.model = createModel({ activation, seed, init });
    this.optimizer = makeOptimizer(config);
    this.history = emptyHistory(config);
    this.order = this.shuffle(0);
  }

  /** Steps in one epoch at the current batch size. */
  get stepsPerEpoch(): number {
    return stepsPerEpoch(this.data.train.count, this.config.batchSize);
  }

  /** The config of the run (epochs is the target total). */
  get runConfig(): TrainConfig {
    return this.config;
  }

  /** True once the target number of epochs is done. */
  get finished(): boolean {
    return this.history.epochsDone >= this.config.epochs;
  }

  /** Steps into the current epoch. */
  get stepsIntoEpoch(): number {
    return this.stepInEpoch;
  }

  /** The same seed and epoch always give the same order, so resumed runs stay repeatable. */
  private shuffle(epoch: number): Int32Array {
    return shuffledIndices(this.data.train.count, seededRng(this.config.seed * 7919 + epoch));
  }

  /** True when `config` builds the same network as this run (activation and seed). */
  sameArchitecture(config: TrainConfig): boolean {
    return config.activation === this.config.activation && config.seed === this.config.seed;
  }

  /**
   * Keeps training with a new config (more epochs, another learning rate or batch size). Returns
   * false, changing nothing, when the architecture differs (activation or seed) or no epoch is left.
   */
  continueWith(config: TrainConfig): boolean {
    if (!this.sameArchitecture(config)) return false;
    // Refuse before changing anything, so a refused Continue leaves the run as it was.
    if (config.epochs <= this.history.epochsDone) return false;
    const sameOptimizer =
      config.optimizer === this.config.optimizer &&
      config.learningRate === this.config.learningRate;
    if (config.batchSize !== this.config.batchSize) this.stepInEpoch = 0;
    this.config = config;
    this.history = { ...this.history, config };
    if (!sameOptimizer) {
      this.optimizer.dispose();
      this.optimizer = makeOptimizer(config);
    }
    return true;
  }

  /** Builds the batches from here on with `make` (e.g. a BatchMixer), or from MNIST alone (null). */
  feedWith(make: ((indices: Int32Array) => Batch) | null): void {
    this.batches = make;
  }

  /** Trains on one batch; on a NaN or infinite loss, puts back the last weights with a finite loss. */
  async step(): Promise<StepOutcome> {
    const start = performance.now();
    const epoch = this.history.epochsDone;
    const { batchSize } = this.config;
    const indices = this.order.subarray(
      this.stepInEpoch * batchSize,
      (this.stepInEpoch + 1) * batchSize,
    );
    const before = tf.tidy(() => this.model.getWeights().map((w) => w.clone()));
    let loss: number;
    try {
      loss = await this.lossOfUpdate(indices);
    } catch (err) {
      this.putBack(before);
      throw err;
    }
    const step = this.history.stepsDone;
    if (!Number.isFinite(loss)) {
      // The loss came from `before`, so those weights are already bad: go back one more step.
      this.model.setWeights(this.lastGood ?? before);
      tf.dispose(before);
      // The optimizer's moments have taken the non-finite gradients in: start them afresh.
      this.optimizer.dispose();
      this.optimizer = makeOptimizer(this.config);
      return { kind: 'diverged', step, loss };
    }
    if (this.lastGood) tf.dispose(this.lastGood);
    this.lastGood = before;

    const ms = performance.now() - start;
    const stepInEpoch = this.stepInEpoch;
    const point = { step, loss, seconds: 0 };
    this.history.loss.push(point);
    this.history.stepsDone = step + 1;
    this.stepInEpoch++;
    let subset: AccuracyPoint | null = null;
    let line: string | null = null;
    if (stepInEpoch % EVAL_EVERY === 0) {
      const accuracy = await evaluateAccuracy(this.model, this.data.test, TEST_SUBSET_SIZE);
      subset = { step, epoch, accuracy, scope: 'subset' };
      line = logLine(epoch, loss, accuracy);
      this.history.accuracy.push(subset);
      this.history.log.push(line);
    }
    let full: AccuracyPoint | null = null;
    if (this.stepInEpoch >= this.stepsPerEpoch) {
      const accuracy = await evaluateAccuracy(this.model, this.data.test);
      full = { step, epoch, accuracy, scope: 'full' };
      this.history.accuracy.push(full);
      this.history.epochsDone = epoch + 1;
      this.stepInEpoch = 0;
      this.order = this.shuffle(epoch + 1);
    }
    const evalMs = performance.now() - start - ms;
    this.trainedMs += ms + evalMs;
    point.seconds = this.trainedMs / 1000;
    return {
      kind: 'step',
      report: {
        step,
        epoch,
        stepInEpoch,
        loss,
        seconds: point.seconds,
        ms,
        evalMs,
        subset,
        logLine: line,
        full,
      },
    };
  }

  /** One optimizer update on the batch of `indices`; the loss it was computed from. */
  private async lossOfUpdate(indices: Int32Array): Promise<number> {
    const { xs, ys } = this.batches?.(indices) ?? makeBatch(this.data.train, indices);
    try {
      const lossTensor = this.optimizer.minimize(
        () =>
          tf.losses.softmaxCrossEntropy(ys, this.model.apply(xs, { training: true }) as tf.Tensor),
        true,
      );
      const loss = lossTensor ? (await lossTensor.data())[0] : Number.NaN;
      lossTensor?.dispose();
      return loss;
    } finally {
      tf.dispose([xs, ys]);
    }
  }

  /**
   * After a step that threw (a kernel, the backend), puts back the weights from before it, so the
   * model is the one its history ends at; the optimizer's moments may hold part of the failed
   * update, so they start afresh. Where even that fails, `intact` turns false.
   */
  private putBack(before: tf.Tensor[]): void {
    try {
      this.model.setWeights(before);
      this.optimizer.dispose();
      this.optimizer = makeOptimizer(this.config);
    } catch {
      this.intact = false;
    } finally {
      tf.dispose(before);
    }
  }

  /** The weights as plain arrays, copied so they can be transferred without touching the model. */
  weights(): WeightSnapshot {
    return readWeights(this.model).map((w) => ({ ...w, data: w.data.slice() }));
  }

  /**
   * Puts saved weights and their history back, to continue from them. The optimizer restarts
   * (Adam's moment estimates are not saved). A run saved mid-epoch goes on where that epoch was,
   * in the same shuffled order, so the epoch ends after the same number of steps.
   */
  restore(weights: WeightSnapshot, history: TrainingHistory): void {
    writeWeights(this.model, weights);
    this.intact = true;
    this.history = {
      ...history,
      config: this.config,
      loss: history.loss.slice(),
      accuracy: history.accuracy.slice(),
      log: history.log.slice(),
    };
    this.optimizer.dispose();
    this.optimizer = makeOptimizer(this.config);
    if (this.lastGood) tf.dispose(this.lastGood);
    this.lastGood = null;
    this.trainedMs = (history.loss.at(-1)?.seconds ?? 0) * 1000;
    const into = stepsIntoEpoch(history);
    this.stepInEpoch = into > 0 && into < this.stepsPerEpoch ? into : 0;
    this.order = this.shuffle(history.epochsDone);
  }

  /** Frees the model, the optimizer state and the kept weights. */
  dispose(): void {
    this.model.dispose();
    this.optimizer.dispose();
    if (this.lastGood) tf.dispose(this.lastGood);
    this.lastGood = null;
  }
}
