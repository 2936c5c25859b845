// Registers the kernels the WASM backend needs to train Digit Lab's CNN fast.
import * as tf from '@tensorflow/tfjs';
import { castWasm, identityWasm } from './alias-kernels';
import { conv2DWasm } from './conv-forward-kernel';
import { conv2DBackpropFilterWasm, conv2DBackpropInputWasm } from './conv-grad-kernels';
import { rememberStockKernel, WASM } from './kernel-utils';
import { batchMatMulWasm } from './matmul-kernel';
import { maxPoolGradWasm } from './pool-grad-kernel';
import { sumWasm } from './sum-kernel';

let registered = false;

function replaceKernel(kernelName: string, kernelFunc: tf.KernelFunc): void {
  const existing = tf.getKernel(kernelName, WASM);
  // Unregister first (registerKernel would warn), but keep the stock setupFunc:
  // it binds the C++ entry point our fallback may still call after backend init.
  if (existing != null) tf.unregisterKernel(kernelName, WASM);
  const setupFunc = existing?.setupFunc;
  tf.registerKernel({
    kernelName,
    backendName: WASM,
    kernelFunc,
    ...(setupFunc ? { setupFunc } : {}),
  });
  if (existing != null) rememberStockKernel(kernelName, existing.kernelFunc);
}

/** Names of the kernels registerWasmTrainingKernels() installs on 'wasm'. */
export const WASM_TRAINING_KERNELS: readonly string[] = [
  'Conv2D',
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'MaxPoolGrad',
  'BatchMatMul',
  'Sum',
  'Identity',
  'Cast',
];

const KERNELS: Record<string, unknown> = {
  Conv2D: conv2DWasm,
  Conv2DBackpropFilter: conv2DBackpropFilterWasm,
  Conv2DBackpropInput: conv2DBackpropInputWasm,
  MaxPoolGrad: maxPoolGradWasm,
  BatchMatMul: batchMatMulWasm,
  Sum: sumWasm,
  Identity: identityWasm,
  Cast: castWasm,
};

/** Installs the training kernels on the 'wasm' backend; safe to call repeatedly. */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  registered = true;
  for (const name of WASM_TRAINING_KERNELS) replaceKernel(name, KERNELS[name] as tf.KernelFunc);
}
