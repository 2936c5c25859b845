import type { AccuracyPoint, LossPoint } from '../ml/history';
import type { StepReport } from '../ml/train';
import type { TrainProgress } from './protocol';

/** Milliseconds between two metrics events, so the page gets at most ~4 a second. */
export const METRICS_INTERVAL_MS = 250;
/** Milliseconds between two weight pushes while training. */
export const WEIGHTS_INTERVAL_MS = 2000;
const RATE_WINDOW = 20;

/** Collects step reports between two metrics events and keeps the throughput estimate. */
export class MetricsBuffer {
  loss: LossPoint[] = [];
  accuracy: AccuracyPoint[] = [];
  log: string[] = [];
  private recentMs: number[] = [];
  private lastFlush = performance.now();

  /** Records one step. */
  add(report: StepReport): void {
    this.loss.push({ step: report.step, loss: report.loss, seconds: report.seconds });
    if (report.subset) this.accuracy.push(report.subset);
    if (report.full) this.accuracy.push(report.full);
    if (report.logLine) this.log.push(report.logLine);
    this.recentMs.push(report.ms + report.evalMs);
    if (this.recentMs.length > RATE_WINDOW) this.recentMs.shift();
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

  /** Progress with images/s and ETA from the recent step times. */
  progress(
    base: Omit<TrainProgress, 'imagesPerSecond' | 'etaSeconds'>,
    batchSize: number,
  ): TrainProgress {
    if (this.recentMs.length === 0) return { ...base, imagesPerSecond: null, etaSeconds: null };
    const meanMs = this.recentMs.reduce((a, b) => a + b, 0) / this.recentMs.length;
    const left = (base.epochs - base.epoch) * base.stepsPerEpoch - base.stepInEpoch;
    return {
      ...base,
      imagesPerSecond: (batchSize * 1000) / meanMs,
      etaSeconds: (Math.max(0, left) * meanMs) / 1000,
    };
  }
}
