// Our relaxed-SIMD kernels on one backend's heap, where the engine has relaxed SIMD.
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convKernel, convOnHeap, type ConvKernel, type Padding } from './conv-kernel';
import * as convModule from './conv.wat';
import { filterGradKernel, filterGradOnHeap, type FilterGradKernel } from './filter-grad-kernel';
import * as filterGradModule from './filter-grad.wat';
import { startKernelPool } from './kernel-pool';
import { hasRelaxedSimd } from './relaxed-simd';

/** The forward convolution and the filter gradient (the input gradient is a forward one). */
export interface FmaKernels {
  conv: ConvKernel;
  filterGrad: FilterGradKernel;
}

/** Both kernels bound to this backend, or null where either cannot load. */
export function fmaKernels(backend: BackendWasm): FmaKernels | null {
  if (!hasRelaxedSimd()) return null;
  const conv = convKernel(backend);
  const filterGrad = filterGradKernel(backend);
  return conv && filterGrad ? { conv, filterGrad } : null;
}

/** Calls of each kernel before they are timed: V8 first runs WebAssembly on baseline code. */
const WARM_CALLS = 8;

/**
 * Runs each kernel a few times on a small throwaway problem (zeros on the heap), so that the
 * code on this thread and the helpers has moved to V8's optimised tier before anything is timed:
 * fresh, a split convolution ran 2-4× slower for its first 5-15 calls.
 */
function warmUp(backend: BackendWasm, kernels: FmaKernels): void {
  const pad: Padding = [2, 2, 2, 2];
  const zeros = (shape: number[]) => {
    const t = backend.makeOutput(shape, 'float32');
    (backend.typedArrayFromHeap(t) as Float32Array).fill(0);
    return t;
  };
  const x = zeros([16, 14, 14, 16]);
  const filter = zeros([5, 5, 16, 32]);
  const dy = zeros([16, 14, 14, 32]);
  try {
    for (let i = 0; i < WARM_CALLS; i++) {
      backend.disposeData(convOnHeap(backend, kernels.conv, x, filter, pad).dataId);
      backend.disposeData(filterGradOnHeap(backend, kernels.filterGrad, x, dy, [5, 5], pad).dataId);
    }
  } finally {
    for (const t of [x, filter, dy]) backend.disposeData(t.dataId);
  }
}

/**
 * Starts helper threads so our kernels use as many threads as the backend has, and warms the
 * kernels up; resolves to how many threads they run on (1 where the heap is not shared or
 * helpers cannot start).
 */
export async function startFmaThreads(backend: BackendWasm, threads: number): Promise<number> {
  const kernels = fmaKernels(backend);
  if (kernels === null) return 1;
  // In POOL_OPS order.
  const pool = await startKernelPool(backend, threads, [
    { bytes: convModule, name: 'conv' },
    { bytes: filterGradModule, name: 'filterGrad' },
  ]);
  if (!warmed.has(backend.wasm)) {
    warmed.add(backend.wasm);
    warmUp(backend, kernels);
  }
  return pool?.threads ?? 1;
}

const warmed = new WeakSet<object>();
