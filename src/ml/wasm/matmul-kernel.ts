// BatchMatMul for the WASM backend with transposed operands on XNNPACK's path. Stock tfjs-wasm
// runs a matmul on XNNPACK only when neither side is transposed and each holds one matrix;
// anything else goes to a scalar triple loop. The dense layer's two gradients are both
// transposed products (dW = xᵀ·dy, dx = dy·Wᵀ), so they took that loop: ~0.9 ms a step for
// 1.6 M multiply-adds. Transposing the operand first (a copy of at most 78 k floats here) and
// then running the untransposed product is several times faster.
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { disposeInfos, runStockKernel, transpose } from './kernel-utils';

interface BatchMatMulArgs {
  inputs: { a: tf.TensorInfo; b: tf.TensorInfo };
  backend: BackendWasm;
  attrs: { transposeA: boolean; transposeB: boolean };
}

/** The number of matrices in a batch of them (the dims before the last two). */
function matrices(shape: readonly number[]): number {
  return shape.slice(0, -2).reduce((n, d) => n * d, 1);
}

/** The tensor with its last two dims swapped. */
function swapLastTwo(backend: BackendWasm, x: tf.TensorInfo): tf.TensorInfo {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1]!, perm[r - 2]!];
  return transpose(backend, x, perm);
}

/** True where the transposes can be made explicit and the product run on XNNPACK. */
export function takesTransposedPath(
  a: tf.TensorInfo,
  b: tf.TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): boolean {
  return (
    (transposeA || transposeB) &&
    a.dtype === 'float32' &&
    b.dtype === 'float32' &&
    a.shape.length >= 2 &&
    b.shape.length >= 2 &&
    matrices(a.shape) === 1 &&
    matrices(b.shape) === 1
  );
}

/** BatchMatMul: transposed single matrices via an explicit transpose; all else stock. */
export function batchMatMulWasm(args: BatchMatMulArgs): tf.TensorInfo {
  const { backend } = args;
  const { a, b } = args.inputs;
  const { transposeA, transposeB } = args.attrs;
  if (!takesTransposedPath(a, b, transposeA, transposeB)) {
    return runStockKernel('BatchMatMul', args);
  }
  const at = transposeA ? swapLastTwo(backend, a) : a;
  const bt = transposeB ? swapLastTwo(backend, b) : b;
  try {
    return runStockKernel('BatchMatMul', {
      inputs: { a: at, b: bt },
      backend,
      attrs: { transposeA: false, transposeB: false },
    });
  } finally {
    if (at !== a) disposeInfos(backend, at);
    if (bt !== b) disposeInfos(backend, bt);
  }
}
