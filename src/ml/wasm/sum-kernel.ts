// Sum over all but the last axis (conv/dense bias gradients) for the WASM
// backend. The stock kernel first transposes the reduced axes to the end, a
// full copy of e.g. a [50,28,28,16] gradient; a single strided pass avoids it.
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
  const acc = new Float64Array(C);
  for (let i = 0; i < src.length; i += C) {
    for (let c = 0; c < C; c++) acc[c]! += src[i + c]!;
  }
  dst.set(acc);
  return out;
}
