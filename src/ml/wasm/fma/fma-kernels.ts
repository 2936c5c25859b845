// Our relaxed-SIMD kernels on one backend's heap, where the engine has relaxed SIMD.
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convKernel, type ConvKernel } from './conv-kernel';
import * as convModule from './conv.wat';
import { filterGradKernel, type FilterGradKernel } from './filter-grad-kernel';
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

/**
 * Starts helper threads so our kernels use as many threads as the backend has; resolves to how
 * many they run on (1 where the heap is not shared or helpers cannot start).
 */
export async function startFmaThreads(backend: BackendWasm, threads: number): Promise<number> {
  if (fmaKernels(backend) === null) return 1;
  // In POOL_OPS order.
  const pool = await startKernelPool(backend, threads, [
    { bytes: convModule, name: 'conv' },
    { bytes: filterGradModule, name: 'filterGrad' },
  ]);
  return pool?.threads ?? 1;
}
