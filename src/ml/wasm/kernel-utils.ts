// Helpers for composing WASM kernels out of other registered WASM kernels.
// Kernels may not call tf ops (that would re-enter the engine), so they call
// the registered kernel functions directly and free their own intermediates.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** Backend name all kernels in this folder register under. */
export const WASM = 'wasm';

/** Explicit NHWC padding as tfjs' conv utilities accept it. */
export type ExplicitPad = [[number, number], [number, number], [number, number], [number, number]];

/** Runs the kernel currently registered as `name` on wasm, without engine bookkeeping. */
export function runWasmKernel(
  name: string,
  backend: BackendWasm,
  inputs: Record<string, tf.TensorInfo>,
  attrs: Record<string, unknown>,
): tf.TensorInfo {
  const config = tf.getKernel(name, WASM);
  if (config == null) throw new Error(`wasm kernel ${name} is not registered`);
  const out = config.kernelFunc({
    inputs,
    backend,
    attrs: attrs as tf.NamedAttrMap,
  });
  if (Array.isArray(out)) throw new Error(`wasm kernel ${name} returned several outputs`);
  return out;
}

/** Frees intermediates made inside a kernel (refcounted, so aliases are safe). */
export function disposeInfos(backend: BackendWasm, ...infos: tf.TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** Transposes with the wasm Transpose kernel. */
export function transpose(backend: BackendWasm, x: tf.TensorInfo, perm: number[]): tf.TensorInfo {
  return runWasmKernel('Transpose', backend, { x }, { perm });
}

/** Forward NHWC convolution with XNNPACK (the fast path the gradients reuse). */
export function conv2d(
  backend: BackendWasm,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  pad: ExplicitPad,
  dilations: [number, number],
): tf.TensorInfo {
  const attrs = { strides: [1, 1], pad, dataFormat: 'NHWC', dilations, dimRoundingMode: undefined };
  // The stock kernel itself: the registered Conv2D may choose our kernel instead.
  const stock = stockKernels.get('Conv2D');
  if (stock == null) return runWasmKernel('Conv2D', backend, { x, filter }, attrs);
  return stock({
    inputs: { x, filter },
    backend,
    attrs: attrs as unknown as tf.NamedAttrMap,
  }) as tf.TensorInfo;
}

/** Reads a tensor's values synchronously as float32 (fallback paths only). */
export function readFloat32(backend: BackendWasm, info: tf.TensorInfo): Float32Array {
  const values = backend.readSync(info.dataId);
  return values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
}

/** The backend's own kernels we replaced, kept for the cases our versions skip. */
const stockKernels = new Map<string, tf.KernelFunc>();

/** Remembers a stock kernel before it is replaced (called at registration). */
export function rememberStockKernel(name: string, kernel: tf.KernelFunc): void {
  stockKernels.set(name, kernel);
}

/** Runs the stock wasm kernel `name` with the caller's original arguments. */
export function runStockKernel(name: string, args: object): tf.TensorInfo {
  const kernel = stockKernels.get(name);
  if (kernel == null) throw new Error(`stock wasm ${name} kernel is not available`);
  return kernel(args as Parameters<tf.KernelFunc>[0]) as tf.TensorInfo;
}
