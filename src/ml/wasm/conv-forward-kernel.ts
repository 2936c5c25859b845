// The forward convolution for the WASM backend: our relaxed-SIMD kernel or XNNPACK's, whichever
// the chooser timed faster for the shape; XNNPACK for everything ours does not cover.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convChooser, shapeKey } from './fma/conv-choice';
import { convOnHeap, kernelFits, type Padding } from './fma/conv-kernel';
import { fmaKernels } from './fma/fma-kernels';
import { runStockKernel } from './kernel-utils';

interface Conv2DAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** Conv2D on wasm: x [N,H,W,Ci] * filter [kh,kw,Ci,Co]. */
export function conv2DWasm(args: {
  inputs: { x: tf.TensorInfo; filter: tf.TensorInfo };
  backend: BackendWasm;
  attrs: Conv2DAttrs;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, filter } = inputs;
  const fma = attrs.dataFormat === 'NCHW' ? null : fmaKernels(backend);
  if (fma && x.shape.length === 4 && filter.shape.length === 4) {
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      attrs.strides,
      attrs.dilations,
      attrs.pad,
      attrs.dimRoundingMode,
      false,
      'channelsLast',
    );
    const { top, bottom, left, right } = info.padInfo;
    const pad: Padding = [top, bottom, left, right];
    // tfjs sizes a numeric pad's output from the filter height on both axes: where that
    // disagrees with the pads, leave the case to the stock kernel.
    const [, H, W] = x.shape as number[];
    const unit =
      H! + top + bottom - info.filterHeight + 1 === info.outHeight &&
      W! + left + right - info.filterWidth + 1 === info.outWidth &&
      info.strideHeight === 1 &&
      info.strideWidth === 1 &&
      info.dilationHeight === 1 &&
      info.dilationWidth === 1;
    if (unit && kernelFits(x, filter, pad)) {
      return convChooser.run(
        'conv',
        shapeKey(x.shape, filter.shape, pad),
        () => convOnHeap(backend, fma.conv, x, filter, pad),
        () => runStockKernel('Conv2D', args),
      );
    }
  }
  return runStockKernel('Conv2D', args);
}
