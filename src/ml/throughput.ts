/**
 * Training speed and time left, as pure functions. The rate counts training time only: the
 * evaluations (1,000 test images every 100 steps, all 10,000 at each epoch end) and pauses are
 * left out of it, and the evaluations still to come are added to the time left at their own cost.
 */

/** Seconds of training time over which the rate is averaged (older steps fade out). */
export const RATE_WINDOW_S = 30;

/** Decaying sums of what the run has done so far. */
export interface Throughput {
  /** Images trained and the training milliseconds they took, older steps weighing less. */
  images: number;
  trainMs: number;
  /** Images evaluated and the milliseconds that took, after the run's first evaluation. */
  evalImages: number;
  evalMs: number;
  /**
   * The run's first evaluation, kept apart: it also compiles the evaluation's kernels (several
   * times slower), so it stands in only until a later one is measured.
   */
  firstEvalImages: number;
  firstEvalMs: number;
}

/** Nothing measured yet. */
export const NO_THROUGHPUT: Throughput = {
  images: 0,
  trainMs: 0,
  evalImages: 0,
  evalMs: 0,
  firstEvalImages: 0,
  firstEvalMs: 0,
};

/** What one step did, as the rate needs it. */
export interface StepTiming {
  images: number;
  trainMs: number;
  evalImages: number;
  evalMs: number;
}

/**
 * Adds one step. The sums decay by e^(−ms / window) per step, so the rate is images over the
 * last ~30 s of training time: it follows a real change of speed but not one slow step.
 */
export function addStep(t: Throughput, step: StepTiming): Throughput {
  const keep = Math.exp(-step.trainMs / (RATE_WINDOW_S * 1000));
  const trained = {
    ...t,
    images: t.images * keep + step.images,
    trainMs: t.trainMs * keep + step.trainMs,
  };
  if (step.evalImages === 0) return trained;
  if (t.firstEvalImages === 0) {
    return { ...trained, firstEvalImages: step.evalImages, firstEvalMs: step.evalMs };
  }
  return {
    ...trained,
    evalImages: t.evalImages + step.evalImages,
    evalMs: t.evalMs + step.evalMs,
  };
}

/** Images trained per second of training time, or null before any step. */
export function imagesPerSecond(t: Throughput): number | null {
  return t.trainMs > 0 ? (t.images * 1000) / t.trainMs : null;
}

/** Where a run stands and what is left of it. */
export interface RunPosition {
  /** 0-based epoch in progress, and the target number of epochs. */
  epoch: number;
  epochs: number;
  /** Steps done in the epoch in progress, and steps per epoch. */
  stepInEpoch: number;
  stepsPerEpoch: number;
}

/** How the run evaluates: the subset every `every` steps of an epoch, the whole set at its end. */
export interface EvalPlan {
  every: number;
  subsetImages: number;
  fullImages: number;
}

/** Training steps left in the run. */
export function stepsLeft(p: RunPosition): number {
  return Math.max(0, (p.epochs - p.epoch) * p.stepsPerEpoch - p.stepInEpoch);
}

/** Test images the run will still evaluate: subset checks at steps 0, every, 2·every… and epoch ends. */
export function evalImagesLeft(p: RunPosition, plan: EvalPlan): number {
  if (stepsLeft(p) === 0) return 0;
  const perEpoch = Math.ceil(p.stepsPerEpoch / plan.every);
  // Subset checks in this epoch still to come: those at step indices ≥ stepInEpoch.
  const thisEpoch = perEpoch - Math.ceil(p.stepInEpoch / plan.every);
  const laterEpochs = p.epochs - p.epoch - 1;
  const subsets = thisEpoch + laterEpochs * perEpoch;
  return subsets * plan.subsetImages + (laterEpochs + 1) * plan.fullImages;
}

/**
 * Seconds left: the steps left at the smoothed rate, plus the evaluations left at the measured
 * cost per evaluated image (the first evaluation's until a later one is measured; before any, a
 * third of a training image's cost, since evaluating is a forward pass only). Null before any step.
 */
export function secondsLeft(
  t: Throughput,
  p: RunPosition,
  batchSize: number,
  plan: EvalPlan,
): number | null {
  const rate = imagesPerSecond(t);
  if (rate === null) return null;
  const evalPerImage =
    t.evalImages > 0
      ? t.evalMs / 1000 / t.evalImages
      : t.firstEvalImages > 0
        ? t.firstEvalMs / 1000 / t.firstEvalImages
        : 1 / rate / 3;
  return (stepsLeft(p) * batchSize) / rate + evalImagesLeft(p, plan) * evalPerImage;
}
