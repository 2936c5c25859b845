// Runs the relaxed-SIMD filter gradient (filter-grad.wat) on tfjs' WASM heap. It reads the
// forward input and the output gradient in their own NHWC layout and writes HWIO, so the
// transposes the XNNPACK route needs (batch as channels) are not made at all.
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  fillPadded,
  heapKernel,
  paddedOnHeap,
  type KernelBytes,
  type Padding,
} from './conv-kernel';
import * as fmaModule from './filter-grad.wat';
import type { HeapKernel } from './heap';
import { kernelPool, splitImages } from './kernel-pool';

/** The kernel: byte offsets of padded x, dy and dW, then the sizes. */
export type FilterGradKernel = HeapKernel;

/** The filter-gradient kernel bound to this backend's heap, or null where it cannot load. */
export function filterGradKernel(
  backend: BackendWasm,
  bytes: KernelBytes = fmaModule,
): FilterGradKernel | null {
  return heapKernel<FilterGradKernel>(backend, bytes, 'filterGrad');
}

/**
 * True where the kernel handles this stride-1 NHWC float32 filter gradient: x [N,H,W,Ci] padded
 * by `pad` and dy [N,Ho,Wo,Co] give a [kh,kw,Ci,Co] filter.
 */
export function filterGradFits(
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  [kh, kw]: readonly number[],
  [pt, pb, pl, pr]: Padding,
): boolean {
  if (x.shape.length !== 4 || dy.shape.length !== 4) return false;
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') return false;
  const [N, H, W] = x.shape as number[];
  const [n, Ho, Wo, Co] = dy.shape as number[];
  return (
    N === n &&
    Math.min(pt, pb, pl, pr) >= 0 &&
    H! + pt + pb === Ho! + kh! - 1 &&
    W! + pl + pr === Wo! + kw! - 1 &&
    Co! % 8 === 0
  );
}

/**
 * dW [kh,kw,Ci,Co] of a stride-1 convolution of x [N,H,W,Ci] padded by `pad`, from its output
 * gradient dy [N,Ho,Wo,Co]: a new tensor on the heap. The caller checks filterGradFits() first.
 */
export function filterGradOnHeap(
  backend: BackendWasm,
  kernel: FilterGradKernel,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  [kh, kw]: readonly number[],
  pad: Padding,
): tf.TensorInfo {
  const [N, H, W, Ci] = x.shape as number[];
  const [, Ho, Wo, Co] = dy.shape as number[];
  const [pt, pb, pl, pr] = pad;
  const hp = H! + pt + pb;
  const wp = W! + pl + pr;
  const sizes = [hp, wp, Ci!, Ho!, Wo!, Co!, kh!, kw!];
  const pool = kernelPool(backend);
  const ranges = pool && pool.threads > 1 && N! > 1 ? splitImages(N!, pool.threads) : [];
  const xp = paddedOnHeap(backend, x, pad);
  const dw = backend.makeOutput([kh!, kw!, Ci!, Co!], 'float32');
  const size = kh! * kw! * Ci! * Co!;
  // Threads past the first sum their images into sums of their own, added to dW after.
  const extra = ranges.length > 1 ? backend.makeOutput([ranges.length - 1, size], 'float32') : null;
  // Views only after the last allocation: growing the heap detaches earlier ones.
  fillPadded(backend, x, xp, pad);
  (backend.typedArrayFromHeap(dw) as Float32Array).fill(0); // the kernel adds to it
  const at = (t: tf.TensorInfo) => backend.getMemoryOffset(t.dataId);
  if (pool && extra) {
    const shares = ranges.map(({ from, to }, i) => [
      at(xp) + from * hp * wp * Ci! * 4,
      at(dy) + from * Ho! * Wo! * Co! * 4,
      i === 0 ? at(dw) : at(extra) + (i - 1) * size * 4,
      to - from,
      ...sizes,
    ]);
    (backend.typedArrayFromHeap(extra) as Float32Array).fill(0);
    pool.run('filterGrad', kernel, shares);
    const sums = backend.typedArrayFromHeap(dw) as Float32Array;
    const parts = backend.typedArrayFromHeap(extra) as Float32Array;
    for (let p = 0; p < ranges.length - 1; p++) {
      for (let i = 0, o = p * size; i < size; i++) sums[i]! += parts[o + i]!;
    }
    backend.disposeData(extra.dataId);
  } else {
    kernel(at(xp), at(dy), at(dw), N!, hp, wp, Ci!, Ho!, Wo!, Co!, kh!, kw!);
  }
  if (xp !== x) backend.disposeData(xp.dataId);
  return dw;
}
