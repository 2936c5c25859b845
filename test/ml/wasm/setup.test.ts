import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultThreadCount, initWasmBackend } from '../../../src/ml/wasm/setup';
import { WASM_TRAINING_KERNELS } from '../../../src/ml/wasm/training-kernels';
import { WASM_DIR } from './helpers';

describe('initWasmBackend', () => {
  it('selects wasm with SIMD, one thread in Node, and installs the training kernels', async () => {
    const info = await initWasmBackend({ wasmPaths: WASM_DIR, threads: 2 });
    expect(tf.getBackend()).toBe('wasm');
    // Node has no wasm threads in tfjs 4.22; browsers need crossOriginIsolated.
    expect(info).toEqual({ threads: 1, simd: true });
    for (const name of WASM_TRAINING_KERNELS) expect(tf.getKernel(name, 'wasm')).toBeDefined();
  });

  it('is idempotent', async () => {
    const again = await initWasmBackend({ wasmPaths: WASM_DIR, threads: 4 });
    expect(again.threads).toBe(1);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('defaults to the number of cores, capped at the pthread pool size', () => {
    const n = defaultThreadCount();
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(8);
  });
});
