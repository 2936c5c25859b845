// Node (single-thread SIMD) timing of one training step, in wall AND cpu time:
// cpu time stays meaningful when other jobs load the shared machine.
// Build: npx vite build --ssr bench/wasm-probe/node-step.ts --outDir bench/out/node-step
// Run:   node bench/out/node-step/node-step.js [steps] [stockKernel,...]
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { createModel } from '../../src/ml/model';
import { initWasmBackend } from '../../src/ml/wasm/setup';

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist/';
const steps = Number(process.argv[2] ?? 40);
const skip = (process.argv[3] ?? '').split(',').filter(Boolean);

await initWasmBackend({ wasmPaths: dir, threads: 1, skipKernels: skip });
const m = createModel({ activation: 'relu', seed: 1 });
const opt = tf.train.adam(1e-3);
const x = tf.randomUniform([50, 28, 28, 1]);
const y = tf.tidy(() => tf.oneHot(tf.randomUniform([50], 0, 10, 'int32') as tf.Tensor1D, 10));
const step = () =>
  opt
    .minimize(() => tf.losses.softmaxCrossEntropy(y, m.apply(x) as tf.Tensor) as tf.Scalar, true)!
    .dispose();
for (let i = 0; i < 5; i++) step();
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < steps; i++) step();
const wall = (performance.now() - t0) / steps;
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1000 / steps;
console.log(JSON.stringify({ skip, wallMs: +wall.toFixed(2), cpuMs: +cpu.toFixed(2) }));
if (process.env.PROFILE) {
  const agg: Record<string, number> = {};
  for (let r = 0; r < 5; r++) {
    const prof = await tf.profile(() => step());
    for (const k of prof.kernels) agg[k.name] = (agg[k.name] ?? 0) + (k.kernelTimeMs as number) / 5;
  }
  const rows = Object.entries(agg).sort((a, b) => b[1] - a[1]);
  console.log(rows.map(([k, v]) => `${k}:${v.toFixed(2)}`).join(' '));
}
