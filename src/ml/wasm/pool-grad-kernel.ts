// MaxPoolGrad for the WASM backend as one JS pass over the WASM heap. The stock
// C++ kernel re-derives each window's argmax per input pixel and costs ~12 ms a
// step for our CNN; scattering dy once per window costs about 1 ms.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runStockKernel } from './kernel-utils';
import { simdPool2x2Grad } from './simd-pool';

let useSimd = true;

/** Turns the SIMD 2×2 path off/on (tests compare it with the JS loop). */
export function setPoolGradSimd(enabled: boolean): void {
  useSimd = enabled;
}

interface MaxPoolGradAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * dx gets each dy value at its window's FIRST maximum in row-major order, the
 * same tie rule as the cpu backend (ties are common: ReLU makes many zeros).
 */
export function maxPoolGradWasm(args: {
  inputs: { dy: tf.TensorInfo; input: tf.TensorInfo; output?: tf.TensorInfo };
  backend: BackendWasm;
  attrs: MaxPoolGradAttrs;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, input } = inputs;
  if (dy.dtype !== 'float32' || input.dtype !== 'float32')
    return runStockKernel('MaxPoolGrad', args);
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const {
    batchSize: N,
    inHeight: H,
    inWidth: W,
    inChannels: C,
    outHeight: Ho,
    outWidth: Wo,
  } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
  const { top: pt, left: pl } = info.padInfo;
  const out = backend.makeOutput(input.shape, 'float32');
  // Views are taken after makeOutput: allocation may grow (and detach) the heap.
  const dx = backend.typedArrayFromHeap(out) as Float32Array;
  const x = backend.typedArrayFromHeap(input) as Float32Array;
  const g = backend.typedArrayFromHeap(dy) as Float32Array;
  const rowStride = W * C;
  if (
    kh === 2 &&
    kw === 2 &&
    sh === 2 &&
    sw === 2 &&
    pt === 0 &&
    pl === 0 &&
    H === 2 * Ho &&
    W === 2 * Wo
  ) {
    const simd = C % 4 === 0 && useSimd ? simdPool2x2Grad(backend) : null;
    if (simd) {
      const offset = (t: tf.TensorInfo) => backend.getMemoryOffset(t.dataId);
      simd(offset(input), offset(dy), offset(out), N * Ho, Wo, C);
    } else {
      pool2x2Grad(x, g, dx, N * Ho, Wo, C);
    }
    return out;
  }
  dx.fill(0);
  let gi = 0;
  for (let n = 0; n < N; n++) {
    const xBatch = n * H * rowStride;
    for (let oh = 0; oh < Ho; oh++) {
      const h0 = oh * sh - pt;
      const hStart = Math.max(0, h0);
      const hEnd = Math.min(H, h0 + kh);
      for (let ow = 0; ow < Wo; ow++) {
        const w0 = ow * sw - pl;
        const wStart = Math.max(0, w0);
        const wEnd = Math.min(W, w0 + kw);
        const base = xBatch + hStart * rowStride + wStart * C;
        for (let c = 0; c < C; c++, gi++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let h = hStart, rowBase = base + c; h < hEnd; h++, rowBase += rowStride) {
            for (let w = wStart, i = rowBase; w < wEnd; w++, i += C) {
              const v = x[i]!;
              if (v > best) {
                best = v;
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] = dx[at]! + g[gi]!;
        }
      }
    }
  }
  return out;
}

/**
 * The CNN's case (2×2 windows, stride 2, exact tiling): every input belongs to
 * one window, so each window writes its 4 outputs directly — no zero-fill pass.
 */
function pool2x2Grad(
  x: Float32Array,
  g: Float32Array,
  dx: Float32Array,
  rows: number,
  Wo: number,
  C: number,
): void {
  const rowStride = 2 * Wo * C;
  let gi = 0;
  for (let r = 0; r < rows; r++) {
    let i0 = 2 * r * rowStride;
    for (let ow = 0; ow < Wo; ow++, i0 += C) {
      for (let c = 0; c < C; c++, i0++, gi++) {
        const i1 = i0 + C;
        const i2 = i0 + rowStride;
        const i3 = i2 + C;
        const a = x[i0]!;
        const b = x[i1]!;
        const d = x[i2]!;
        const e = x[i3]!;
        const v = g[gi]!;
        // First maximum in row-major order wins ties (strict >), as on cpu;
        // NaN never wins, and an all-NaN/-Infinity window passes no gradient.
        let at = -1;
        let best = Number.NEGATIVE_INFINITY;
        if (a > best) {
          best = a;
          at = 0;
        }
        if (b > best) {
          best = b;
          at = 1;
        }
        if (d > best) {
          best = d;
          at = 2;
        }
        if (e > best) at = 3;
        dx[i0] = at === 0 ? v : 0;
        dx[i1] = at === 1 ? v : 0;
        dx[i2] = at === 2 ? v : 0;
        dx[i3] = at === 3 ? v : 0;
      }
    }
  }
}
