import { describe, expect, it } from 'vitest';
import {
  ConvChooser,
  convStepMs,
  fasterKernel,
  fastestSet,
  TIMED_CALLS,
  WARMUP_CALLS,
} from '../../../src/ml/wasm/fma/conv-choice';

/** A chooser on a fake clock where our kernel takes `fmaMs` and XNNPACK `xnnpackMs` a call. */
function timed(fmaMs: number, xnnpackMs: number) {
  let clock = 0;
  const calls: string[] = [];
  const chooser = new ConvChooser(() => clock);
  chooser.tuning = true;
  const fma = () => {
    clock += fmaMs;
    calls.push('fma');
    return 'fma-out';
  };
  const xnnpack = () => {
    clock += xnnpackMs;
    calls.push('xnnpack');
    return 'xnnpack-out';
  };
  return { chooser, fma, xnnpack, calls };
}

const TRIAL = 2 * (WARMUP_CALLS + TIMED_CALLS);

describe('ConvChooser', () => {
  it('times both kernels in turn, then runs the faster one only', () => {
    const { chooser, fma, xnnpack, calls } = timed(2, 5);
    for (let i = 0; i < TRIAL; i++) chooser.run('conv', 'a', fma, xnnpack);
    expect(calls.filter((c) => c === 'fma')).toHaveLength(WARMUP_CALLS + TIMED_CALLS);
    expect(calls.filter((c) => c === 'xnnpack')).toHaveLength(WARMUP_CALLS + TIMED_CALLS);
    expect(chooser.choices()).toEqual([
      { op: 'conv', shape: 'a', kernel: 'fma', fmaMs: 2, xnnpackMs: 5 },
    ]);
    calls.length = 0;
    for (let i = 0; i < 4; i++) expect(chooser.run('conv', 'a', fma, xnnpack)).toBe('fma-out');
    expect(calls).toEqual(['fma', 'fma', 'fma', 'fma']);
  });

  it('keeps XNNPACK where it is faster, and decides each shape and op apart', () => {
    const { chooser, fma, xnnpack } = timed(5, 2);
    for (let i = 0; i < TRIAL; i++) {
      chooser.run('conv', 'a', fma, xnnpack);
      chooser.run('filter-grad', 'a', fma, xnnpack);
    }
    chooser.run('conv', 'b', fma, xnnpack); // still open
    expect(chooser.choices().map((c) => `${c.op} ${c.shape} ${c.kernel}`)).toEqual([
      'conv a xnnpack',
      'filter-grad a xnnpack',
    ]);
  });

  it('leaves the warm-up calls out of the medians', () => {
    let clock = 0;
    let fmaCalls = 0;
    const chooser = new ConvChooser(() => clock);
    chooser.tuning = true;
    // Our kernel's first calls are slow (as XNNPACK's operator set-up is): they must not count.
    const fma = () => (clock += ++fmaCalls <= WARMUP_CALLS ? 100 : 1);
    const xnnpack = () => (clock += 3);
    for (let i = 0; i < TRIAL; i++) chooser.run('conv', 'a', fma, xnnpack);
    expect(chooser.choices()[0]).toMatchObject({ kernel: 'fma', fmaMs: 1, xnnpackMs: 3 });
  });

  it('runs XNNPACK where our kernel does not cover the case, or when forced', () => {
    const { chooser, fma, xnnpack, calls } = timed(1, 9);
    chooser.run('conv', 'a', null, xnnpack);
    chooser.mode = 'xnnpack';
    chooser.run('conv', 'a', fma, xnnpack);
    chooser.mode = 'fma';
    chooser.run('conv', 'a', fma, xnnpack);
    expect(calls).toEqual(['xnnpack', 'xnnpack', 'fma']);
    expect(chooser.choices()).toEqual([]); // forced runs time nothing
  });

  it('outside tuning, runs XNNPACK untimed on a shape not yet chosen, and the choice once made', () => {
    const { chooser, fma, xnnpack, calls } = timed(1, 9);
    chooser.tuning = false;
    chooser.run('conv', 'a', fma, xnnpack);
    expect(calls).toEqual(['xnnpack']);
    expect(chooser.openTrials()).toBe(0);
    chooser.tuning = true;
    for (let i = 0; i < TRIAL; i++) chooser.run('conv', 'a', fma, xnnpack);
    chooser.tuning = false;
    calls.length = 0;
    chooser.run('conv', 'a', fma, xnnpack);
    expect(calls).toEqual(['fma']);
  });

  it('tunes each tag once', () => {
    const chooser = new ConvChooser();
    expect(chooser.firstTuning('batch 50')).toBe(true);
    expect(chooser.firstTuning('batch 50')).toBe(false);
    expect(chooser.firstTuning('batch 64')).toBe(true);
    chooser.reset();
    expect(chooser.firstTuning('batch 50')).toBe(true);
  });

  it('forgets its choices on reset', () => {
    const { chooser, fma, xnnpack } = timed(1, 2);
    for (let i = 0; i < TRIAL; i++) chooser.run('conv', 'a', fma, xnnpack);
    chooser.reset();
    expect(chooser.choices()).toEqual([]);
  });
});

describe('the decision and the summary', () => {
  it('prefers XNNPACK on a tie', () => {
    expect(fasterKernel(3, 3)).toBe('xnnpack');
    expect(fasterKernel(2.9, 3)).toBe('fma');
  });

  it('sums the chosen kernels and XNNPACK alone over the shapes', () => {
    expect(
      convStepMs([
        { op: 'conv', shape: 'a', kernel: 'fma', fmaMs: 1, xnnpackMs: 4 },
        { op: 'input-grad', shape: 'b', kernel: 'xnnpack', fmaMs: 5, xnnpackMs: 2 },
      ]),
    ).toEqual({ chosen: 3, xnnpack: 6 });
  });
});

describe('the whole-step check', () => {
  it('keeps the kernel set with the fastest whole step; a tie or a lone figure keeps per-shape', () => {
    expect(fastestSet({ 'per-shape': 13.8, fma: 12.1, xnnpack: 16.2 })).toBe('fma');
    expect(fastestSet({ 'per-shape': 11.6, xnnpack: 16.6 })).toBe('per-shape');
    expect(fastestSet({ 'per-shape': 17, fma: 18, xnnpack: 16 })).toBe('xnnpack');
    expect(fastestSet({ 'per-shape': 12, fma: 12, xnnpack: 12 })).toBe('per-shape');
    expect(fastestSet({ 'per-shape': 12 })).toBe('per-shape');
  });

  it('runs every chosen shape on one kernel, then each on its own choice again', () => {
    const { chooser, fma, xnnpack, calls } = timed(2, 5);
    for (let i = 0; i < TRIAL; i++) chooser.run('conv', 'a', fma, xnnpack);
    const slow = timed(5, 2);
    // A chooser whose one shape timed XNNPACK faster.
    for (let i = 0; i < TRIAL; i++) slow.chooser.run('conv', 'b', slow.fma, slow.xnnpack);
    expect(slow.chooser.choices().map((c) => c.kernel)).toEqual(['xnnpack']);
    slow.chooser.assign('fma');
    expect(slow.chooser.choices().map((c) => c.kernel)).toEqual(['fma']);
    slow.calls.length = 0;
    expect(slow.chooser.run('conv', 'b', slow.fma, slow.xnnpack)).toBe('fma-out');
    slow.chooser.assign('xnnpack');
    slow.chooser.assign(null);
    expect(slow.chooser.choices()).toEqual([
      { op: 'conv', shape: 'b', kernel: 'xnnpack', fmaMs: 5, xnnpackMs: 2 },
    ]);
    expect(slow.chooser.run('conv', 'b', slow.fma, slow.xnnpack)).toBe('xnnpack-out');
    expect(slow.calls).toEqual(['fma', 'xnnpack']);
    chooser.assign('xnnpack');
    calls.length = 0;
    expect(chooser.run('conv', 'a', fma, xnnpack)).toBe('xnnpack-out');
    expect(calls).toEqual(['xnnpack']);
  });
});
