import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { castWasm, identityWasm } from '../../../src/ml/wasm/alias-kernels';
import { conv2DWasm } from '../../../src/ml/wasm/conv-forward-kernel';
import {
  conv2DBackpropFilterWasm,
  conv2DBackpropInputWasm,
} from '../../../src/ml/wasm/conv-grad-kernels';
import { batchMatMulWasm } from '../../../src/ml/wasm/matmul-kernel';
import { maxPoolGradWasm } from '../../../src/ml/wasm/pool-grad-kernel';
import { defaultThreadCount, initWasmBackend } from '../../../src/ml/wasm/setup';
import { sumWasm } from '../../../src/ml/wasm/sum-kernel';
import { WASM_TRAINING_KERNELS } from '../../../src/ml/wasm/training-kernels';
import { WASM_DIR } from './helpers';

// Every thread count initWasmBackend asks tfjs-wasm for (Node runs 1 thread whatever is asked).
const threadRequests = vi.hoisted(() => [] as number[]);
vi.mock('@tensorflow/tfjs-backend-wasm', async (importOriginal) => {
  const wasm = await importOriginal<typeof import('@tensorflow/tfjs-backend-wasm')>();
  return {
    ...wasm,
    setThreadsCount: (n: number) => {
      threadRequests.push(n);
      wasm.setThreadsCount(n);
    },
  };
});

const OURS: Record<string, unknown> = {
  Conv2D: conv2DWasm,
  Conv2DBackpropFilter: conv2DBackpropFilterWasm,
  Conv2DBackpropInput: conv2DBackpropInputWasm,
  MaxPoolGrad: maxPoolGradWasm,
  BatchMatMul: batchMatMulWasm,
  Sum: sumWasm,
  Identity: identityWasm,
  Cast: castWasm,
};

/** A navigator stand-in that records each value `hardwareConcurrency` is given. */
function recordingNavigator(cores: number) {
  const reported: number[] = [];
  const nav = new Proxy(
    { hardwareConcurrency: cores },
    {
      defineProperty(target, key, desc) {
        if (key === 'hardwareConcurrency') reported.push(desc.get ? desc.get() : desc.value);
        return Reflect.defineProperty(target, key, desc);
      },
    },
  );
  return { nav, reported };
}

describe('initWasmBackend', () => {
  it('selects wasm with SIMD, adds Conv2DBackpropFilter and replaces the stock kernels', async () => {
    // Before: stock tfjs-wasm cannot train (no Conv2DBackpropFilter) but has the others.
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    const stock = new Map(WASM_TRAINING_KERNELS.map((k) => [k, tf.getKernel(k, 'wasm')]));
    for (const k of WASM_TRAINING_KERNELS.filter((k) => k !== 'Conv2DBackpropFilter')) {
      expect(stock.get(k), k).toBeDefined();
    }
    const { nav, reported } = recordingNavigator(3);

    const info = await initWasmBackend({ wasmPaths: WASM_DIR, navigator: nav });

    expect(tf.getBackend()).toBe('wasm');
    // Node has no wasm threads in tfjs 4.22; browsers need crossOriginIsolated.
    expect(info).toEqual({ threads: 1, simd: true });
    for (const k of WASM_TRAINING_KERNELS) {
      const now = tf.getKernel(k, 'wasm');
      expect(now?.kernelFunc, k).toBe(OURS[k]);
      expect(now?.kernelFunc, k).not.toBe(stock.get(k)?.kernelFunc);
    }
    // One thread per core of the navigator; tfjs is told of twice as many while it starts
    // (it caps threads at half the cores, tfjs#8513), then the real count is put back.
    expect(threadRequests).toEqual([3]);
    expect(reported).toEqual([6, 3]);
    expect(nav.hardwareConcurrency).toBe(3);
  });

  it('is idempotent: a later call re-selects wasm and changes nothing else', async () => {
    const backend = tf.findBackend('wasm');
    const kernel = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    await tf.setBackend('cpu');
    const again = await initWasmBackend({ wasmPaths: '/nowhere/', threads: 4 });
    expect(tf.getBackend()).toBe('wasm');
    expect(again).toEqual({ threads: 1, simd: true });
    expect(tf.findBackend('wasm')).toBe(backend);
    // Registered once: a second registration would remember our kernel as the "stock" fallback.
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBe(kernel);
    expect(threadRequests).toEqual([3]);
  });
});

describe('defaultThreadCount', () => {
  it('takes one thread per core, at least 1 and at most the pthread pool of 8', () => {
    const cores = [undefined, 0, 1, 2, 3.7, 6, 8, 9, 64, Number.NaN];
    expect(cores.map((c) => defaultThreadCount(c))).toEqual([1, 1, 1, 2, 3, 6, 8, 8, 8, 1]);
  });
});
