// Our relaxed-SIMD kernels on one backend's heap, where the engine has relaxed SIMD.
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convKernel, type ConvKernel } from './conv-kernel';
import { filterGradKernel, type FilterGradKernel } from './filter-grad-kernel';
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
