// Sum over all but the last axis (conv/dense bias gradients) for the WASM
// backend. The stock kernel first transposes the reduced axes to the end, a
// full copy of e.g. a [50,28,28,16] gradient; strided passes avoid it.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runStockKernel } from './kernel-utils';

/** Channel sums in one pass when reducing every axis but the last; else stock Sum. */
export function sumWasm(args: {
  inputs: { x: tf.TensorInfo };
  backend: BackendWasm;
  attrs: { axis: number | number[]; keepDims: boolean };
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x } = inputs;
  const rank = x.shape.length;
  const axes = tf.util.parseAxisParam(attrs.axis, x.shape).sort((a, b) => a - b);
  const leading = rank >= 2 && axes.length === rank - 1 && axes.every((a, i) => a === i);
  if (!leading || x.dtype !== 'float32') return runStockKernel('Sum', args);
  const C = x.shape[rank - 1]!;
  const outShape = attrs.keepDims ? [...x.shape.slice(0, -1).map(() => 1), C] : [C];
  const out = backend.makeOutput(outShape, 'float32');
  // Views after makeOutput: allocation may grow (and detach) the heap.
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  const src = backend.typedArrayFromHeap(x) as Float32Array;
  if (C % 8 === 0) {
    for (let c = 0; c < C; c += 8) sumEight(src, C, c, dst);
  } else {
    const acc = new Float64Array(C);
    for (let i = 0; i < src.length; i += C) {
      for (let c = 0; c < C; c++) acc[c]! += src[i + c]!;
    }
    dst.set(acc);
  }
  return out;
}

/** Sums channels c0..c0+7 with eight register accumulators (~3× the array loop). */
function sumEight(src: Float32Array, C: number, c0: number, dst: Float32Array): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0; // prettier-ignore
  for (let i = c0; i < src.length; i += C) {
    a0 += src[i]!;
    a1 += src[i + 1]!;
    a2 += src[i + 2]!;
    a3 += src[i + 3]!;
    a4 += src[i + 4]!;
    a5 += src[i + 5]!;
    a6 += src[i + 6]!;
    a7 += src[i + 7]!;
  }
  dst[c0] = a0;
  dst[c0 + 1] = a1;
  dst[c0 + 2] = a2;
  dst[c0 + 3] = a3;
  dst[c0 + 4] = a4;
  dst[c0 + 5] = a5;
  dst[c0 + 6] = a6;
  dst[c0 + 7] = a7;
}
