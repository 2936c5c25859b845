import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepReport } from '../../src/ml/train';
import { METRICS_INTERVAL_MS, MetricsBuffer } from '../../src/worker/metrics-buffer';

const report = (step: number, over: Partial<StepReport> = {}): StepReport => ({
  step,
  epoch: 0,
  stepInEpoch: step,
  loss: 2 - step / 100,
  seconds: (step + 1) * 0.02,
  ms: 20,
  evalMs: 0,
  subset: null,
  logLine: null,
  full: null,
  ...over,
});
const base = { epoch: 0, epochs: 2, stepInEpoch: 10, stepsPerEpoch: 100, stepsDone: 10 };
// A small run: 10 test images every 100 steps, all 100 at each epoch end.
const PLAN = { every: 100, subsetImages: 10, fullImages: 100 };

afterEach(() => vi.restoreAllMocks());

describe('MetricsBuffer', () => {
  it('hands over what was collected since the last take, once', () => {
    const buffer = new MetricsBuffer();
    const subset = { step: 0, epoch: 0, accuracy: 0.5, scope: 'subset' as const };
    const full = { step: 1, epoch: 0, accuracy: 0.6, scope: 'full' as const };
    buffer.add(report(0, { subset, logLine: 'Epoch: 0 | …' }));
    buffer.add(report(1, { full }));
    expect(buffer.take()).toEqual({
      loss: [
        { step: 0, loss: 2, seconds: 0.02 },
        { step: 1, loss: 1.99, seconds: 0.04 },
      ],
      accuracy: [subset, full],
      log: ['Epoch: 0 | …'],
    });
    expect(buffer.take()).toEqual({ loss: [], accuracy: [], log: [] });
  });

  it('is due a metrics event once the interval has passed since the last take', () => {
    const now = vi.spyOn(performance, 'now').mockReturnValue(1000);
    const buffer = new MetricsBuffer();
    expect(buffer.due(1000 + METRICS_INTERVAL_MS - 1)).toBe(false);
    expect(buffer.due(1000 + METRICS_INTERVAL_MS)).toBe(true);
    now.mockReturnValue(5000);
    buffer.take();
    expect(buffer.due(5000 + METRICS_INTERVAL_MS - 1)).toBe(false);
    expect(buffer.due(5000 + METRICS_INTERVAL_MS)).toBe(true);
  });

  it('gives no rate or ETA before any step', () => {
    expect(new MetricsBuffer(PLAN, 50).progress(base, 0)).toEqual({
      ...base,
      imagesPerSecond: null,
      etaSeconds: null,
    });
  });

  it('rates training time only, and adds the evaluations left at their measured cost', () => {
    const buffer = new MetricsBuffer(PLAN, 50);
    const subset = { step: 0, epoch: 0, accuracy: 0.5, scope: 'subset' as const };
    buffer.add(report(0, { ms: 20, evalMs: 40, subset }));
    buffer.add(report(1, { ms: 20, evalMs: 0 }));
    const p = buffer.progress(base, 0);
    // 20 ms a step for 50 images: 2,500 images/s, the 40 ms evaluation left out.
    expect(p.imagesPerSecond).toBeCloseTo(2500, 6);
    // 190 steps at 20 ms, plus what is left to evaluate: the next epoch's check at step 0
    // (10 images) and two epoch ends (100 each), at the measured 40 ms / 10 = 4 ms an image.
    expect(p.etaSeconds).toBeCloseTo(190 * 0.02 + (10 + 2 * 100) * 0.004, 6);
  });

  it('has nothing left once all epochs are done', () => {
    const buffer = new MetricsBuffer(PLAN, 50);
    buffer.add(report(0));
    expect(buffer.progress({ ...base, epoch: 1, stepInEpoch: 0 }, 2).etaSeconds).toBe(0);
  });
});
