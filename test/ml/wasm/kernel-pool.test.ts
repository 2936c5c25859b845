import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convKernel, convOnHeap } from '../../../src/ml/wasm/fma/conv-kernel';
import * as convModule from '../../../src/ml/wasm/fma/conv.wat';
import { filterGradKernel, filterGradOnHeap } from '../../../src/ml/wasm/fma/filter-grad-kernel';
import * as filterGradModule from '../../../src/ml/wasm/fma/filter-grad.wat';
import {
  createKernelPool,
  helperModules,
  kernelPool,
  splitImages,
  startKernelPool,
  type HelperThread,
  type KernelPool,
} from '../../../src/ml/wasm/fma/kernel-pool';
import type { HelperStart } from '../../../src/ml/wasm/fma/kernel-pool-protocol';
import { randomValues, relError } from './helpers';

// The pool's helpers are browser workers in the app; here the same helper code (bundled from
// kernel-helper.ts) runs in Node worker threads on a shared WebAssembly.Memory, as tfjs' heap is
// when it has threads.
let helperCode = '';
beforeAll(async () => {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: path.resolve('src/ml/wasm/fma/kernel-helper.ts'),
        formats: ['iife'],
        name: 'kernelHelper',
      },
    },
  });
  const [result] = Array.isArray(out) ? out : [out];
  helperCode = (result as { output: { code: string }[] }).output[0]!.code;
});

const started: Worker[] = [];
afterAll(async () => {
  await Promise.all(started.map((w) => w.terminate()));
});

function nodeHelper(): HelperThread {
  const worker = new Worker(
    `${helperCode}
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (m) => kernelHelper.runHelper(m, (a) => parentPort.postMessage(a)));`,
    { eval: true },
  );
  started.push(worker);
  return {
    start: (message: HelperStart) =>
      new Promise<boolean>((resolve) => {
        worker.once('message', (a: { ready: boolean }) => resolve(a.ready));
        worker.once('error', () => resolve(false));
        worker.postMessage(message);
      }),
    terminate: () => void worker.terminate(),
  };
}

const MODULES = [
  { bytes: convModule, name: 'conv' },
  { bytes: filterGradModule, name: 'filterGrad' },
];

/** The parts of a tfjs WASM backend the kernels use, over a shared memory of our own. */
function heapBackend(memory: WebAssembly.Memory): BackendWasm {
  let next = 1024;
  const offsets = new Map<object, number>();
  const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
  return {
    wasm: { wasmMemory: memory },
    makeOutput(shape: number[], dtype: string) {
      const dataId = {};
      offsets.set(dataId, next);
      next += Math.ceil((size(shape) * 4) / 64) * 64;
      return { dataId, shape, dtype };
    },
    typedArrayFromHeap(info: tf.TensorInfo) {
      return new Float32Array(memory.buffer, offsets.get(info.dataId), size(info.shape));
    },
    getMemoryOffset: (dataId: object) => offsets.get(dataId),
    disposeData: () => true,
  } as unknown as BackendWasm;
}

function tensor(backend: BackendWasm, shape: number[], seed: number): tf.TensorInfo {
  const t = backend.makeOutput(shape, 'float32');
  (backend.typedArrayFromHeap(t) as Float32Array).set(
    randomValues(
      shape.reduce((a, b) => a * b),
      seed,
    ),
  );
  return t;
}

const read = (backend: BackendWasm, t: tf.TensorInfo) =>
  Float32Array.from(backend.typedArrayFromHeap(t) as Float32Array);

describe('the kernel pool', () => {
  it('splits a batch into near-equal ranges of images', () => {
    expect(splitImages(50, 2)).toEqual([
      { from: 0, to: 25 },
      { from: 25, to: 50 },
    ]);
    expect(splitImages(7, 3).map((r) => r.to - r.from)).toEqual([3, 2, 2]);
    expect(splitImages(1, 3)).toEqual([{ from: 0, to: 1 }]);
  });

  it('gives the same convolutions and filter gradients on three threads as on one', async () => {
    const memory = new WebAssembly.Memory({ initial: 128, maximum: 512, shared: true });
    const backend = heapBackend(memory);
    const conv = convKernel(backend)!;
    const grad = filterGradKernel(backend)!;
    expect(conv).not.toBeNull();
    // 7 images over 3 threads: 3, 2 and 2, so the ranges are uneven.
    const x = tensor(backend, [7, 14, 14, 16], 1);
    const filter = tensor(backend, [5, 5, 16, 32], 2);
    const dy = tensor(backend, [7, 14, 14, 32], 3);
    const pad: [number, number, number, number] = [2, 2, 2, 2];
    const oneConv = read(backend, convOnHeap(backend, conv, x, filter, pad));
    const oneGrad = read(backend, filterGradOnHeap(backend, grad, x, dy, [5, 5], pad));

    const pool = await startKernelPool(backend, 3, MODULES, nodeHelper);
    expect(pool?.threads).toBe(3);
    expect(kernelPool(backend)).toBe(pool);
    const poolConv = read(backend, convOnHeap(backend, conv, x, filter, pad));
    const poolGrad = read(backend, filterGradOnHeap(backend, grad, x, dy, [5, 5], pad));
    // Each image is computed as on one thread; the gradient's sums only add in another order.
    expect(poolConv).toEqual(oneConv);
    expect(relError(poolGrad, oneGrad)).toBeLessThan(1e-5);
    // And again: the helpers answer every call, not only the first.
    const again = read(backend, filterGradOnHeap(backend, grad, x, dy, [5, 5], pad));
    expect(relError(again, oneGrad)).toBeLessThan(1e-5);
    pool!.stop();
    expect(kernelPool(backend)).toBeNull();
  });

  it('stops using a helper that failed, and says so', async () => {
    const memory = new WebAssembly.Memory({ initial: 16, maximum: 64, shared: true });
    const backend = heapBackend(memory);
    const pool = (await startKernelPool(backend, 2, MODULES, nodeHelper)) as KernelPool;
    const conv = convKernel(backend)!;
    const sizes = [6, 8, 8, 2, 4, 8, 5, 5]; // hp, wp, ci, ho, wo, co, kh, kw
    // The helper's share points past the end of the heap: its kernel traps.
    expect(() =>
      pool.run('conv', conv as (...a: number[]) => void, [
        [0, 0, 0, 1, ...sizes],
        [2 ** 30, 0, 0, 1, ...sizes],
      ]),
    ).toThrow(/helper thread failed/);
    expect(pool.usable).toBe(false);
    expect(kernelPool(backend)).toBeNull();
  });

  it('gives up on a helper that stops answering instead of hanging', async () => {
    const memory = new WebAssembly.Memory({ initial: 16, maximum: 64, shared: true });
    const silent: HelperThread = { start: () => Promise.resolve(true), terminate: () => {} };
    const pool = (await createKernelPool(
      memory,
      2,
      helperModules(MODULES),
      () => silent,
      200,
    )) as KernelPool;
    let ran = 0;
    expect(() => pool.run('conv', () => ran++, [[], []])).toThrow(/stopped answering/);
    expect(ran).toBe(1);
    expect(pool.usable).toBe(false);
  });

  it('is not started where a helper cannot start, nor on one thread or an unshared heap', async () => {
    const memory = new WebAssembly.Memory({ initial: 16, maximum: 64, shared: true });
    const refusing: HelperThread = { start: () => Promise.resolve(false), terminate: () => {} };
    expect(await startKernelPool(heapBackend(memory), 2, MODULES, () => refusing)).toBeNull();
    expect(await startKernelPool(heapBackend(memory), 1, MODULES, nodeHelper)).toBeNull();
    const plain = new WebAssembly.Memory({ initial: 16 });
    expect(await startKernelPool(heapBackend(plain), 2, MODULES, nodeHelper)).toBeNull();
  });
});
