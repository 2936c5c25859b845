import type { AccuracyPoint, LossPoint } from '../ml/history';
import {
  addStep,
  imagesPerSecond,
  NO_THROUGHPUT,
  secondsLeft,
  type EvalPlan,
  type Throughput,
} from '../ml/throughput';
import type { MnistData } from '../ml/mnist/dataset';
import { EVAL_EVERY, TEST_SUBSET_SIZE, type StepReport, type Trainer } from '../ml/train';
import type { TrainProgress } from './protocol';

/** Milliseconds between two metrics events, so the page gets at most ~4 a second. */
export const METRICS_INTERVAL_MS = 250;
/** Milliseconds between two weight pushes while training. */
export const WEIGHTS_INTERVAL_MS = 2000;

/** Collects step reports between two metrics events and keeps the throughput estimate. */
export class MetricsBuffer {
  loss: LossPoint[] = [];
  accuracy: AccuracyPoint[] = [];
  log: string[] = [];
  private throughput: Throughput = NO_THROUGHPUT;
  private lastFlush = performance.now();

  /** `plan`: how the run evaluates; `batchSize`: images per training step. */
  constructor(
    private readonly plan: EvalPlan = { every: 1, subsetImages: 0, fullImages: 0 },
    private readonly batchSize = 1,
  ) {}

  /** Records one step. */
  add(report: StepReport): void {
    this.loss.push({ step: report.step, loss: report.loss, seconds: report.seconds });
    if (report.subset) this.accuracy.push(report.subset);
    if (report.full) this.accuracy.push(report.full);
    if (report.logLine) this.log.push(report.logLine);
    this.throughput = addStep(this.throughput, {
      images: this.batchSize,
      trainMs: report.ms,
      evalImages:
        (report.subset ? this.plan.subsetImages : 0) + (report.full ? this.plan.fullImages : 0),
      evalMs: report.evalMs,
    });
  }

  /** True when a metrics event is due. */
  due(now = performance.now()): boolean {
    return now - this.lastFlush >= METRICS_INTERVAL_MS;
  }

  /** Hands over what was collected and starts again. */
  take(): { loss: LossPoint[]; accuracy: AccuracyPoint[]; log: string[] } {
    const out = { loss: this.loss, accuracy: this.accuracy, log: this.log };
    this.loss = [];
    this.accuracy = [];
    this.log = [];
    this.lastFlush = performance.now();
    return out;
  }

  /**
   * Progress with images/s (training time only) and the time left; `epochsDone` places the run,
   * since `base.epoch` stays on the last epoch once all are done.
   */
  progress(
    base: Omit<TrainProgress, 'imagesPerSecond' | 'etaSeconds'>,
    epochsDone: number,
  ): TrainProgress {
    const position = {
      epoch: epochsDone,
      epochs: base.epochs,
      stepInEpoch: base.stepInEpoch,
      stepsPerEpoch: base.stepsPerEpoch,
    };
    return {
      ...base,
      imagesPerSecond: imagesPerSecond(this.throughput),
      etaSeconds: secondsLeft(this.throughput, position, this.batchSize, this.plan),
    };
  }
}

/** Where a trainer's run stands, with the buffer's images/s and time left. */
export function runProgress(t: Trainer, buffer: MetricsBuffer): TrainProgress {
  const c = t.runConfig;
  return buffer.progress(
    {
      epoch: Math.min(t.history.epochsDone, c.epochs - 1),
      epochs: c.epochs,
      stepInEpoch: t.stepsIntoEpoch,
      stepsPerEpoch: t.stepsPerEpoch,
      stepsDone: t.history.stepsDone,
    },
    t.history.epochsDone,
  );
}

/** What the loop evaluates (src/ml/train.ts), so the time left includes it. */
export const evalPlanOf = (d: MnistData): EvalPlan => ({
  every: EVAL_EVERY,
  subsetImages: Math.min(TEST_SUBSET_SIZE, d.test.count),
  fullImages: d.test.count,
});
