import { expect, it } from 'vitest';
import { downsample, ema } from '../../../src/features/training/series';

it('smooths with a debiased EMA that starts at the first value', () => {
  expect(ema([2, 2, 2])).toEqual([2, 2, 2]);
  const s = ema([1, 0, 0, 0], 0.5);
  expect(s[0]).toBe(1);
  expect(s[1]).toBeCloseTo(1 / 3, 10);
  expect(s[3]).toBeLessThan(s[2]);
});

it('downsamples long series evenly and keeps the last point', () => {
  const xs = Array.from({ length: 1000 }, (_, i) => i);
  const d = downsample(xs, 300);
  expect(d.length).toBeLessThanOrEqual(301);
  expect(d[0]).toBe(0);
  expect(d[d.length - 1]).toBe(999);
  expect(downsample([1, 2, 3], 300)).toEqual([1, 2, 3]);
});
