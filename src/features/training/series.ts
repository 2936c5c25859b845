/** A point of a line chart. */
export interface XY {
  x: number;
  y: number;
}

/** Exponential moving average of `values` with smoothing `alpha` in (0, 1], debiased like TensorBoard's. */
export function ema(values: readonly number[], alpha = 0.05): number[] {
  const out: number[] = [];
  let avg = 0;
  let weight = 0;
  for (const v of values) {
    avg = (1 - alpha) * avg + alpha * v;
    weight = (1 - alpha) * weight + alpha;
    out.push(avg / weight);
  }
  return out;
}

/** At most about `max` evenly spaced items of `items`, always keeping the last one. */
export function downsample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return items.slice();
  const stride = Math.ceil(items.length / max);
  const out: T[] = [];
  for (let i = 0; i < items.length; i += stride) out.push(items[i]);
  if (out[out.length - 1] !== items[items.length - 1]) out.push(items[items.length - 1]);
  return out;
}
