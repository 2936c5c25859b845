// Convolution gradients for the WASM backend, written as FORWARD convolutions
// so they run on XNNPACK (SIMD + threads) instead of scalar loops.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  conv2d,
  disposeInfos,
  type ExplicitPad,
  readFloat32,
  runStockKernel,
  runWasmKernel,
  transpose,
} from './kernel-utils';
import { convChooser, shapeKey } from './fma/conv-choice';
import { convOnHeap, kernelFits, type Padding } from './fma/conv-kernel';
import { filterGradFits, filterGradOnHeap } from './fma/filter-grad-kernel';
import { fmaKernels } from './fma/fma-kernels';

type Pad = 'valid' | 'same' | number | ExplicitPad;
type Rounding = 'floor' | 'round' | 'ceil' | undefined;
type Shape4 = [number, number, number, number];

interface FilterGradAttrs {
  strides: number | [number, number];
  pad: Pad;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: Rounding;
  filterShape: Shape4;
}

interface InputGradAttrs {
  strides: number | [number, number];
  pad: Pad;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: Rounding;
  inputShape: Shape4;
}

function convInfoFor(
  inShape: Shape4,
  filterShape: Shape4,
  strides: number | [number, number],
  pad: Pad,
  rounding: Rounding,
  dataFormat: 'NHWC' | 'NCHW',
): tf.backend_util.Conv2DInfo {
  const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
  return tf.backend_util.computeConv2DInfo(
    inShape,
    filterShape,
    strides,
    1,
    pad,
    rounding,
    false,
    format,
  );
}

/**
 * dW[a,b,ci,co] = sum_{n,i,j} x[n, i*s+a-pt, j*s+b-pl, ci] * dy[n,i,j,co]: our relaxed-SIMD
 * kernel (stride 1, NHWC) or XNNPACK's forward convolution, whichever the chooser timed faster.
 */
export function conv2DBackpropFilterWasm(args: {
  inputs: { x: tf.TensorInfo; dy: tf.TensorInfo };
  backend: BackendWasm;
  attrs: FilterGradAttrs;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs;
  const nchw = attrs.dataFormat === 'NCHW';
  const info = convInfoFor(
    x.shape as Shape4,
    attrs.filterShape,
    attrs.strides,
    attrs.pad,
    attrs.dimRoundingMode,
    attrs.dataFormat,
  );
  const { inHeight: H, inWidth: W, outHeight: Ho, outWidth: Wo } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { top: pt, left: pl } = info.padInfo;
  const pb = kh + (Ho - 1) * sh - H - pt;
  const pr = kw + (Wo - 1) * sw - W - pl;
  if (x.dtype !== 'float32' || dy.dtype !== 'float32' || pt < 0 || pl < 0) {
    return filterGradFallback(backend, x, dy, info, nchw);
  }
  const fma = nchw || sh !== 1 || sw !== 1 ? null : fmaKernels(backend);
  const pad: Padding = [pt, pb, pl, pr];
  const ours =
    fma && filterGradFits(x, dy, [kh, kw], pad)
      ? () => filterGradOnHeap(backend, fma.filterGrad, x, dy, [kh, kw], pad)
      : null;
  return convChooser.run('filter-grad', shapeKey(x.shape, dy.shape, pad), ours, () =>
    filterGradXnnpack(backend, x, dy, info, pad, nchw),
  );
}

/**
 * The filter gradient as a stride-1 XNNPACK convolution of x^T [Ci,H,W,N] with dy^T [Ho,Wo,N,Co]
 * dilated by the forward stride, giving [Ci,kh,kw,Co].
 */
function filterGradXnnpack(
  backend: BackendWasm,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  [pt, pb, pl, pr]: Padding,
  nchw: boolean,
): tf.TensorInfo {
  const { inHeight: H, inWidth: W, inChannels: Ci } = info;
  const { strideHeight: sh, strideWidth: sw } = info;
  // Batch becomes the contraction (channel) axis of the forward convolution.
  // (Making x the filter instead, so XNNPACK re-packs the smaller operand, was
  // measured: its larger indirection buffer ate the gain; not worth the code.)
  let xT = transpose(backend, x, nchw ? [1, 2, 3, 0] : [3, 1, 2, 0]);
  const dyT = transpose(backend, dy, nchw ? [2, 3, 0, 1] : [1, 2, 0, 3]);
  if (pb < 0 || pr < 0) {
    // Rows/cols the forward pass never read (valid padding, stride > 1): crop them.
    const cropped = runWasmKernel(
      'Slice',
      backend,
      { x: xT },
      { begin: [0, 0, 0, 0], size: [Ci, H + Math.min(pb, 0), W + Math.min(pr, 0), info.batchSize] },
    );
    disposeInfos(backend, xT);
    xT = cropped;
  }
  const pad: ExplicitPad = [
    [0, 0],
    [pt, Math.max(pb, 0)],
    [pl, Math.max(pr, 0)],
    [0, 0],
  ];
  const out = conv2d(backend, xT, dyT, pad, [sh, sw]);
  disposeInfos(backend, xT, dyT);
  const dW = transpose(backend, out, [1, 2, 0, 3]);
  disposeInfos(backend, out);
  return dW;
}

/** Plain-JS reference for cases the XNNPACK route does not cover (correct, slow). */
function filterGradFallback(
  backend: BackendWasm,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  nchw: boolean,
): tf.TensorInfo {
  const xs = readFloat32(backend, x);
  const dys = readFloat32(backend, dy);
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: Ci, outChannels: Co } = info;
  const { outHeight: Ho, outWidth: Wo, filterHeight: kh, filterWidth: kw } = info;
  const { strideHeight: sh, strideWidth: sw } = info;
  const { top: pt, left: pl } = info.padInfo;
  const xAt = nchw
    ? (n: number, h: number, w: number, c: number) => xs[((n * Ci + c) * H + h) * W + w]!
    : (n: number, h: number, w: number, c: number) => xs[((n * H + h) * W + w) * Ci + c]!;
  const dyAt = nchw
    ? (n: number, h: number, w: number, c: number) => dys[((n * Co + c) * Ho + h) * Wo + w]!
    : (n: number, h: number, w: number, c: number) => dys[((n * Ho + h) * Wo + w) * Co + c]!;
  const dW = new Float32Array(kh * kw * Ci * Co);
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      for (let ci = 0; ci < Ci; ci++) {
        for (let co = 0; co < Co; co++) {
          let sum = 0;
          for (let n = 0; n < N; n++) {
            for (let i = 0; i < Ho; i++) {
              const h = i * sh + a - pt;
              if (h < 0 || h >= H) continue;
              for (let j = 0; j < Wo; j++) {
                const w = j * sw + b - pl;
                if (w < 0 || w >= W) continue;
                sum += xAt(n, h, w, ci) * dyAt(n, i, j, co);
              }
            }
          }
          dW[((a * kw + b) * Ci + ci) * Co + co] = sum;
        }
      }
    }
  }
  return backend.makeOutput([kh, kw, Ci, Co], 'float32', undefined, dW);
}

/**
 * For stride 1, dx = conv(dy padded by k-1-p, filter rotated 180° with in/out
 * channels swapped). Other strides and NCHW use the stock (loop) kernel.
 */
export function conv2DBackpropInputWasm(args: {
  inputs: { dy: tf.TensorInfo; filter: tf.TensorInfo };
  backend: BackendWasm;
  attrs: InputGradAttrs;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, filter } = inputs;
  const info = convInfoFor(
    attrs.inputShape,
    filter.shape as Shape4,
    attrs.strides,
    attrs.pad,
    attrs.dimRoundingMode,
    attrs.dataFormat,
  );
  const { inHeight: H, inWidth: W, outHeight: Ho, outWidth: Wo } = info;
  const { filterHeight: kh, filterWidth: kw } = info;
  const pt = kh - 1 - info.padInfo.top;
  const pl = kw - 1 - info.padInfo.left;
  const pb = H + kh - 1 - Ho - pt;
  const pr = W + kw - 1 - Wo - pl;
  const fast =
    info.strideHeight === 1 &&
    info.strideWidth === 1 &&
    attrs.dataFormat !== 'NCHW' &&
    dy.dtype === 'float32' &&
    filter.dtype === 'float32' &&
    Math.min(pt, pl, pb, pr) >= 0;
  if (!fast) {
    return runStockKernel('Conv2DBackpropInput', args);
  }
  const flipped = runWasmKernel('Reverse', backend, { x: filter }, { dims: [0, 1] });
  const rotated = transpose(backend, flipped, [0, 1, 3, 2]);
  disposeInfos(backend, flipped);
  const pad: Padding = [pt, pb, pl, pr];
  const fma = fmaKernels(backend);
  const ours =
    fma && kernelFits(dy, rotated, pad)
      ? () => convOnHeap(backend, fma.conv, dy, rotated, pad)
      : null;
  const xnnpack = () =>
    conv2d(
      backend,
      dy,
      rotated,
      [
        [0, 0],
        [pt, pb],
        [pl, pr],
        [0, 0],
      ],
      [1, 1],
    );
  const dx = convChooser.run('input-grad', shapeKey(dy.shape, filter.shape, pad), ours, xnnpack);
  disposeInfos(backend, rotated);
  return dx;
}
