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
    expect(new MetricsBuffer().progress(base, 50)).toEqual({
      ...base,
      imagesPerSecond: null,
      etaSeconds: null,
    });
  });

  it('estimates images/s and the time left from recent step and evaluation times', () => {
    const buffer = new MetricsBuffer();
    buffer.add(report(0, { ms: 20, evalMs: 0 }));
    buffer.add(report(1, { ms: 20, evalMs: 40 }));
    const p = buffer.progress(base, 50);
    // Mean 40 ms a step for 50 images: 1,250 images/s; 190 steps left at 40 ms: 7.6 s.
    expect(p.imagesPerSecond).toBeCloseTo(1250, 6);
    expect(p.etaSeconds).toBeCloseTo(7.6, 6);
  });

  it('forgets steps older than its window', () => {
    const buffer = new MetricsBuffer();
    buffer.add(report(0, { ms: 1000 }));
    for (let i = 1; i <= 20; i++) buffer.add(report(i, { ms: 10 }));
    expect(buffer.progress(base, 10).imagesPerSecond).toBeCloseTo(1000, 6);
  });
});
