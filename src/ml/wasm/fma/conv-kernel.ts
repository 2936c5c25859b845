// Runs the hand-written relaxed-SIMD convolution (conv.wat) on tfjs' WASM heap: the module imports
// the backend's own Memory, so inputs and outputs are tensors already there, with no copies in or
// out. The input is zero-padded and the filter packed in blocks of 8 output channels first, so
// the kernel's inner loop has no bounds to check.
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as fmaModule from './conv.wat';
import { backendMemory, type HeapKernel, type KernelBytes } from './heap';
import { kernelPool, splitImages } from './kernel-pool';

/** The kernel: byte offsets of padded x, packed filter and output, then the sizes. */
export type ConvKernel = HeapKernel;

export { backendMemory, type KernelBytes } from './heap';

const cache = new WeakMap<object, WeakMap<KernelBytes, unknown>>();

/**
 * Export `name` of a kernel module instantiated on this backend's heap (cached per backend), or
 * null where it cannot load: no relaxed SIMD, or a build that hides its heap.
 */
export function heapKernel<F>(backend: BackendWasm, bytes: KernelBytes, name: string): F | null {
  const perBackend = cache.get(backend.wasm) ?? new WeakMap<KernelBytes, unknown>();
  cache.set(backend.wasm, perBackend);
  if (perBackend.has(bytes)) return (perBackend.get(bytes) as F | null) ?? null;
  let fn: F | null = null;
  try {
    const memory = backendMemory(backend);
    if (memory) {
      const shared =
        typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
      const module = new WebAssembly.Module(shared ? bytes.shared : bytes.plain);
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      fn = (instance.exports[name] as F | undefined) ?? null;
    }
  } catch {
    fn = null; // The XNNPACK path stays in use.
  }
  perBackend.set(bytes, fn);
  return fn;
}

/** The convolution kernel bound to this backend's heap, or null where it cannot load. */
export function convKernel(
  backend: BackendWasm,
  bytes: KernelBytes = fmaModule,
): ConvKernel | null {
  return heapKernel<ConvKernel>(backend, bytes, 'conv');
}

/** Explicit spatial padding: top, bottom, left, right. */
export type Padding = [number, number, number, number];

/** True where the kernel handles this stride-1 NHWC float32 convolution. */
export function kernelFits(
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  [pt, pb, pl, pr]: Padding,
): boolean {
  const [, H, W, Ci] = x.shape;
  const [kh, kw, fi, Co] = filter.shape;
  if (x.shape.length !== 4 || filter.shape.length !== 4) return false;
  if (x.dtype !== 'float32' || filter.dtype !== 'float32') return false;
  const wo = W! + pl + pr - kw! + 1;
  const ho = H! + pt + pb - kh! + 1;
  return fi === Ci && Co! % 8 === 0 && wo >= 4 && ho >= 1 && Math.min(pt, pb, pl, pr) >= 0;
}

/**
 * out = conv(x, filter), stride 1, explicit zero padding, NHWC/HWIO: a new tensor on the heap.
 * The caller checks kernelFits() first.
 */
export function convOnHeap(
  backend: BackendWasm,
  kernel: ConvKernel,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  [pt, pb, pl, pr]: Padding,
): tf.TensorInfo {
  const [N, H, W, Ci] = x.shape as number[];
  const [kh, kw, , Co] = filter.shape as number[];
  const hp = H! + pt + pb;
  const wp = W! + pl + pr;
  const ho = hp - kh! + 1;
  const wo = wp - kw! + 1;
  const xp = paddedOnHeap(backend, x, [pt, pb, pl, pr]);
  const packed = backend.makeOutput([(Co! / 8) * kh! * kw! * Ci!, 8], 'float32');
  const out = backend.makeOutput([N!, ho, wo, Co!], 'float32');
  // Views only after the last allocation: growing the heap detaches earlier ones.
  fillPadded(backend, x, xp, [pt, pb, pl, pr]);
  packFilter(
    backend.typedArrayFromHeap(filter) as Float32Array,
    backend.typedArrayFromHeap(packed) as Float32Array,
    kh!,
    kw! * Ci!,
    Co!,
  );
  const at = (t: tf.TensorInfo) => backend.getMemoryOffset(t.dataId);
  const sizes = [hp, wp, Ci!, ho, wo, Co!, kh!, kw!];
  const pool = kernelPool(backend);
  if (pool && pool.threads > 1 && N! > 1) {
    // Each thread a range of images: its own input rows and output rows.
    const shares = splitImages(N!, pool.threads).map(({ from, to }) => [
      at(xp) + from * hp * wp * Ci! * 4,
      at(packed),
      at(out) + from * ho * wo * Co! * 4,
      to - from,
      ...sizes,
    ]);
    pool.run('conv', kernel, shares);
  } else {
    kernel(at(xp), at(packed), at(out), N!, hp, wp, Ci!, ho, wo, Co!, kh!, kw!);
  }
  if (xp !== x) backend.disposeData(xp.dataId);
  backend.disposeData(packed.dataId);
  return out;
}

/** A heap tensor for x zero-padded by `pad` (x itself where the padding is none); fill it next. */
export function paddedOnHeap(
  backend: BackendWasm,
  x: tf.TensorInfo,
  [pt, pb, pl, pr]: Padding,
): tf.TensorInfo {
  if (pt + pb + pl + pr === 0) return x;
  const [N, H, W, C] = x.shape as number[];
  return backend.makeOutput([N!, H! + pt + pb, W! + pl + pr, C!], 'float32');
}

/** Copies x into the padded tensor paddedOnHeap() made (nothing to do where that was x). */
export function fillPadded(
  backend: BackendWasm,
  x: tf.TensorInfo,
  xp: tf.TensorInfo,
  [pt, pb, pl, pr]: Padding,
): void {
  if (xp === x) return;
  const [N, H, W, C] = x.shape as number[];
  const src = backend.typedArrayFromHeap(x) as Float32Array;
  const dst = backend.typedArrayFromHeap(xp) as Float32Array;
  padInto(src, dst, N!, H!, W!, C!, pt, pb, pl, pr);
}

/** Copies x [N,H,W,C] into the middle of dst [N,H+pt+pb,W+pl+pr,C] and zeroes the border. */
export function padInto(
  src: Float32Array,
  dst: Float32Array,
  N: number,
  H: number,
  W: number,
  C: number,
  pt: number,
  pb: number,
  pl: number,
  pr: number,
): void {
  const rowIn = W * C;
  const rowOut = (W + pl + pr) * C;
  const hp = H + pt + pb;
  if (pt + pb + pl + pr > 0) dst.fill(0);
  for (let n = 0; n < N; n++) {
    for (let h = 0; h < H; h++) {
      const from = (n * H + h) * rowIn;
      dst.set(src.subarray(from, from + rowIn), (n * hp + h + pt) * rowOut + pl * C);
    }
  }
}

/** HWIO filter [kh][k][co] (k = kw·ci) → [co/8][kh][k][8], the kernel's order. */
export function packFilter(
  src: Float32Array,
  dst: Float32Array,
  kh: number,
  k: number,
  co: number,
): void {
  let o = 0;
  for (let cb = 0; cb < co; cb += 8) {
    for (let r = 0; r < kh; r++) {
      for (let i = 0; i < k; i++) {
        const from = (r * k + i) * co + cb;
        for (let j = 0; j < 8; j++) dst[o++] = src[from + j]!;
      }
    }
  }
}
