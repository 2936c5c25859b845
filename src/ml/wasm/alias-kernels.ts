// Identity and same-dtype Cast for the WASM backend without copying. The stock
// kernels copy the whole buffer; tensors are immutable, so sharing the buffer
// with a reference count (as the wasm Reshape and the cpu Identity do) is safe.
// Training hits these via cast(step(x), 'float32') in every ReLU gradient.
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runStockKernel } from './kernel-utils';

function alias(backend: BackendWasm, x: tf.TensorInfo): tf.TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/** Identity that shares the input buffer (strings keep the stock path). */
export function identityWasm(args: {
  inputs: { x: tf.TensorInfo };
  backend: BackendWasm;
}): tf.TensorInfo {
  const { x } = args.inputs;
  return x.dtype === 'string' ? runStockKernel('Identity', args) : alias(args.backend, x);
}

/**
 * Cast that shares the buffer when the dtype does not change. Also fixes the
 * stock cast to bool, which truncates bytes (-2 became 254) instead of x != 0.
 */
export function castWasm(args: {
  inputs: { x: tf.TensorInfo };
  backend: BackendWasm;
  attrs: { dtype: tf.DataType };
}): tf.TensorInfo {
  const { x } = args.inputs;
  const { dtype } = args.attrs;
  if (x.dtype === dtype && x.dtype !== 'string') return alias(args.backend, x);
  if (dtype === 'bool' && (x.dtype === 'float32' || x.dtype === 'int32')) {
    const out = args.backend.makeOutput(x.shape, 'bool');
    // Views after makeOutput: allocation may grow (and detach) the heap.
    const dst = args.backend.typedArrayFromHeap(out);
    const src = args.backend.typedArrayFromHeap(x);
    for (let i = 0; i < src.length; i++) dst[i] = src[i] !== 0 ? 1 : 0;
    return out;
  }
  return runStockKernel('Cast', args);
}
