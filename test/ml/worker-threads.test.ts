import { describe, expect, it } from 'vitest';
import { workerThreadPlan } from '../../src/ml/worker-threads';

describe('workerThreadPlan', () => {
  it('keeps one core for the page', () => {
    expect(workerThreadPlan(2)).toEqual({ threads: 1, cause: 'page-core', cores: 2 });
    expect(workerThreadPlan(4)).toEqual({ threads: 3, cause: 'page-core', cores: 4 });
  });

  it('takes the only core of a one-core device', () => {
    expect(workerThreadPlan(1)).toEqual({ threads: 1, cause: 'single-core', cores: 1 });
    expect(workerThreadPlan(0)).toEqual({ threads: 1, cause: 'single-core', cores: 1 });
  });

  it('stays within the 8 pthreads tfjs-wasm starts', () => {
    expect(workerThreadPlan(64).threads).toBe(8);
    expect(workerThreadPlan(2, 20)).toEqual({ threads: 8, cause: 'requested', cores: 2 });
  });

  it('lets a request win over the plan', () => {
    expect(workerThreadPlan(2, 2)).toEqual({ threads: 2, cause: 'requested', cores: 2 });
  });
});
