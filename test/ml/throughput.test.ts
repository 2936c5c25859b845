import { describe, expect, it } from 'vitest';
import {
  addStep,
  evalImagesLeft,
  imagesPerSecond,
  NO_THROUGHPUT,
  RATE_WINDOW_S,
  secondsLeft,
  stepsLeft,
  type StepTiming,
  type Throughput,
} from '../../src/ml/throughput';

// The tutorial's run: 1,200 steps of 50 images an epoch, 1,000 test images every 100 steps.
const PLAN = { every: 100, subsetImages: 1000, fullImages: 10000 };
const at = (epoch: number, stepInEpoch: number, epochs = 10) => ({
  epoch,
  epochs,
  stepInEpoch,
  stepsPerEpoch: 1200,
});
const step = (trainMs: number, over: Partial<StepTiming> = {}): StepTiming => ({
  images: 50,
  trainMs,
  evalImages: 0,
  evalMs: 0,
  ...over,
});
const run = (steps: StepTiming[], from: Throughput = NO_THROUGHPUT) => steps.reduce(addStep, from);

describe('the training rate', () => {
  it('is unknown before any step, then images over training time', () => {
    expect(imagesPerSecond(NO_THROUGHPUT)).toBeNull();
    expect(imagesPerSecond(run([step(25), step(25)]))).toBeCloseTo(2000, 6);
  });

  it('leaves evaluation time out, however long it took', () => {
    // The epoch end's 10,000-image evaluation: 4 s beside a 25 ms step.
    const t = run([step(25), step(25, { evalImages: 10000, evalMs: 4000 }), step(25)]);
    expect(imagesPerSecond(t)).toBeCloseTo(2000, 6);
  });

  it('follows a lasting change of speed within its window, but not one slow step', () => {
    const steady = run(Array.from({ length: 2000 }, () => step(25)));
    const oneSlow = addStep(steady, step(500));
    expect(imagesPerSecond(oneSlow)).toBeGreaterThan(1900);
    // Three windows of training time at half the speed: the rate is within 5% of the new one.
    const slower = run(
      Array.from({ length: (3 * RATE_WINDOW_S * 1000) / 50 }, () => step(50)),
      steady,
    );
    expect(imagesPerSecond(slower)).toBeGreaterThan(1000);
    expect(imagesPerSecond(slower)).toBeLessThan(1050);
  });
});

describe('the time left', () => {
  it('counts the steps and the evaluations still to come', () => {
    expect(stepsLeft(at(0, 0))).toBe(12000);
    expect(stepsLeft(at(9, 1200))).toBe(0);
    // A fresh run: 12 subset checks and one full check in each of 10 epochs.
    expect(evalImagesLeft(at(0, 0), PLAN)).toBe(10 * (12 * 1000 + 10000));
    // 150 steps into the last epoch: checks at 200…1100 (10) and the epoch end are left.
    expect(evalImagesLeft(at(9, 150), PLAN)).toBe(10 * 1000 + 10000);
    expect(evalImagesLeft(at(9, 100), PLAN)).toBe(11 * 1000 + 10000);
    expect(evalImagesLeft({ ...at(9, 0), epoch: 10 }, PLAN)).toBe(0);
  });

  it('is the steps at the smoothed rate plus the evaluations at their measured cost', () => {
    // 25 ms a step; 1,000 images evaluated in 200 ms (0.2 ms an image).
    const t = run([step(25, { evalImages: 1000, evalMs: 200 }), step(25), step(25)]);
    const left = secondsLeft(t, at(9, 150), 50, PLAN)!;
    expect(left).toBeCloseTo(1050 * 0.025 + 20000 * 0.0002, 6);
  });

  it('prices evaluations by the later ones, once the first (which compiles) has a successor', () => {
    // The first check took 2 s for 1,000 images; the next ones 200 ms.
    const first = run([step(25, { evalImages: 1000, evalMs: 2000 }), step(25)]);
    const later = run(
      [step(25, { evalImages: 1000, evalMs: 200 }), step(25, { evalImages: 1000, evalMs: 200 })],
      first,
    );
    const steps = (t: Throughput) => secondsLeft(t, at(9, 150), 50, PLAN)! - 1050 * 0.025;
    expect(steps(first)).toBeCloseTo(20000 * 0.002, 6);
    expect(steps(later)).toBeCloseTo(20000 * 0.0002, 6);
  });

  it('stays steady across an epoch end, where the instant rate would triple it', () => {
    let t = run(
      Array.from({ length: 1199 }, (_, i) =>
        step(25, i % 100 === 0 ? { evalImages: 1000, evalMs: 200 } : {}),
      ),
    );
    const before = secondsLeft(t, at(0, 1199), 50, PLAN)!;
    t = addStep(t, step(25, { evalImages: 10000, evalMs: 2000 }));
    const after = secondsLeft(t, at(1, 0), 50, PLAN)!;
    // One step and one full evaluation fewer to go: a little less time, never a jump up.
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThan(before * 0.99);
  });

  it('is unknown before any step, and zero once all epochs are done', () => {
    expect(secondsLeft(NO_THROUGHPUT, at(0, 0), 50, PLAN)).toBeNull();
    expect(secondsLeft(run([step(25)]), { ...at(9, 0), epoch: 10 }, 50, PLAN)).toBe(0);
  });
});
