import { expect, it } from 'vitest';
import { downsample, ema } from '../../../src/features/training/series';

it('smooths with a debiased EMA that starts at the first value', () => {
  expect(ema([2, 2, 2])).toEqual([2, 2, 2]);
  const s = ema([1, 0, 0, 0], 0.5);
  expect(s[0]).toBe(1);
  expect(s[1]).toBeCloseTo(1 / 3, 10);
  expect(s[3]).toBeLessThan(s[2]);
});

it('downsamples long series evenly and keeps the first and last points', () => {
  const xs = Array.from({ length: 1000 }, (_, i) => i);
  const d = downsample(xs, 300);
  // About `max` points: no more than max + 1 (the kept last one), and not a handful.
  expect(d.length).toBeGreaterThanOrEqual(200);
  expect(d.length).toBeLessThanOrEqual(301);
  expect(d[0]).toBe(0);
  expect(d[d.length - 1]).toBe(999);
  // Points of the series, in order, evenly spaced but for the kept last one.
  const gaps = d.slice(1).map((v, i) => v - d[i]);
  const stride = gaps[0];
  expect(stride).toBeGreaterThan(0);
  expect(stride).toBeLessThanOrEqual(Math.ceil(1000 / 300));
  expect(gaps.slice(0, -1).every((g) => g === stride)).toBe(true);
  expect(gaps[gaps.length - 1]).toBeGreaterThan(0);
  expect(gaps[gaps.length - 1]).toBeLessThanOrEqual(stride);
  // The items themselves, not copies or interpolations.
  const points = xs.map((x) => ({ x }));
  const picked = downsample(points, 300);
  expect(picked.every((p) => points.includes(p))).toBe(true);
  expect(picked.map((p) => p.x)).toEqual(d);
  // Short series come back whole, as a copy.
  const short = [1, 2, 3];
  expect(downsample(short, 300)).toEqual([1, 2, 3]);
  expect(downsample(short, 300)).not.toBe(short);
  expect(downsample(xs, 1000)).toEqual(xs);
});
