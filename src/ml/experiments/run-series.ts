import { stepsPerEpoch } from '../batches';
import type { TrainingHistory } from '../history';

/** What the overlaid charts put along x: the step, the epoch (fractional), or seconds of training. */
export type XAxis = 'step' | 'epoch' | 'seconds';

/** One point of an overlaid line. */
export interface SeriesPoint {
  x: number;
  y: number;
}

/** Training images per epoch (the MNIST training set). */
export const TRAIN_IMAGES = 60_000;
/** Points drawn per line; longer runs are sampled down (fewer SVG nodes, quicker redraws). */
export const MAX_LINE_POINTS = 200;

/** Exponential moving average, as a loss curve is usually smoothed. */
export function smooth(values: number[], alpha = 0.1): number[] {
  let s = values[0] ?? 0;
  return values.map((v) => (s = alpha * v + (1 - alpha) * s));
}

/** Every k-th point so at most `max` remain, always keeping the last. */
export function thin<T>(points: T[], max = MAX_LINE_POINTS): T[] {
  if (points.length <= max) return points;
  const k = Math.ceil(points.length / max);
  const out = points.filter((_, i) => i % k === 0);
  if ((points.length - 1) % k !== 0) out.push(points[points.length - 1]);
  return out;
}

/** The x of a step: the step itself, epochs done after it, or its seconds (null when unknown). */
function xOf(axis: XAxis, step: number, perEpoch: number, seconds: number | undefined) {
  if (axis === 'step') return step;
  if (axis === 'epoch') return (step + 1) / perEpoch;
  return seconds ?? null;
}

/** A run's smoothed loss and its subset accuracy as lines against `axis`. */
export function runSeries(
  history: TrainingHistory,
  axis: XAxis,
): { loss: SeriesPoint[]; accuracy: SeriesPoint[] } {
  const perEpoch = stepsPerEpoch(TRAIN_IMAGES, history.config.batchSize);
  const ys = smooth(history.loss.map((p) => p.loss));
  const seconds = new Map(history.loss.map((p) => [p.step, p.seconds]));
  const loss = history.loss.flatMap((p, i) => {
    const x = xOf(axis, p.step, perEpoch, p.seconds);
    return x === null ? [] : [{ x, y: ys[i] }];
  });
  const accuracy = history.accuracy
    .filter((a) => a.scope === 'subset')
    .flatMap((a) => {
      const x = xOf(axis, a.step, perEpoch, seconds.get(a.step));
      return x === null ? [] : [{ x, y: a.accuracy }];
    });
  return { loss: thin(loss), accuracy };
}
