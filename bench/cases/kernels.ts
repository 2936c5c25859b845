// Our WASM training kernels against stock tfjs-wasm, and the convolution shapes they are built
// from, on the WASM backend the app trains on. Run on request: `npm run bench -- --cases kernels`.
import * as tf from '@tensorflow/tfjs';
import { setupBackend } from '../../src/ml/backend';
import { TUTORIAL_CONFIG } from '../../src/ml/config';
import type { MnistData } from '../../src/ml/mnist/dataset';
import { tuneConvolutions } from '../../src/ml/backend-timing';
import { Trainer } from '../../src/ml/train';
import { convChooser } from '../../src/ml/wasm/fma/conv-choice';
import { runStockKernel } from '../../src/ml/wasm/kernel-utils';
import { WASM_TRAINING_KERNELS } from '../../src/ml/wasm/training-kernels';
import { WASM_BINARY_URLS } from '../../src/ml/wasm/wasm-urls';
import { median, round, type BenchContext } from '../bench-context';

/** Left out of the default run: it measures kernels for whoever changes them, not the app. */
export const onRequestOnly = true;

// Stock tfjs-wasm has no Conv2DBackpropFilter (tensorflow/tfjs#8474): without ours it cannot train.
const NO_STOCK = new Set(['Conv2DBackpropFilter']);
const WARMUP = 3;
const REPS = 15;

type Shape4 = [number, number, number, number];
type Pad = [[number, number], [number, number], [number, number], [number, number]];
const pad = (h: number, w: number): Pad => [
  [0, 0],
  [h, h],
  [w, w],
  [0, 0],
];

/** Runs `f` with tfjs-wasm's own kernel registered as `name` instead of ours, then puts ours back. */
async function withStockKernel<T>(name: string, f: () => Promise<T>): Promise<T> {
  const ours = tf.getKernel(name, 'wasm');
  if (!ours) throw new Error(`no wasm ${name} kernel is registered`);
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({
    kernelName: name,
    backendName: 'wasm',
    kernelFunc: (args) => runStockKernel(name, args),
  });
  try {
    return await f();
  } finally {
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel(ours);
  }
}

/** Median milliseconds of `f` (its result disposed) after a few warm-up calls. */
function time(f: () => tf.TensorContainer): number {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + REPS; i++) {
    const t0 = performance.now();
    tf.dispose(f());
    if (i >= WARMUP) samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** One kernel call at the tutorial's shapes for batch `b`. */
interface KernelCall {
  label: string;
  kernel: string;
  inputs: Record<string, tf.Tensor>;
  attrs: tf.NamedAttrMap;
}

function kernelCalls(b: number): KernelCall[] {
  const r = (shape: number[]) => tf.randomNormal(shape);
  const conv = { strides: 1, pad: 'same', dataFormat: 'NHWC' };
  const maxPoolGrad = (label: string, shape: Shape4): KernelCall => {
    const input = r(shape) as tf.Tensor4D;
    const output = tf.maxPool(input, 2, 2, 'valid');
    const dy = r(output.shape);
    return {
      label,
      kernel: 'MaxPoolGrad',
      inputs: { dy, input, output },
      attrs: { filterSize: 2, strides: 2, pad: 'valid' },
    };
  };
  return [
    {
      label: 'dW conv1',
      kernel: 'Conv2DBackpropFilter',
      inputs: { x: r([b, 28, 28, 1]), dy: r([b, 28, 28, 16]) },
      attrs: { ...conv, filterShape: [5, 5, 1, 16] },
    },
    {
      label: 'dW conv2',
      kernel: 'Conv2DBackpropFilter',
      inputs: { x: r([b, 14, 14, 16]), dy: r([b, 14, 14, 32]) },
      attrs: { ...conv, filterShape: [5, 5, 16, 32] },
    },
    {
      label: 'dx conv2',
      kernel: 'Conv2DBackpropInput',
      inputs: { dy: r([b, 14, 14, 32]), filter: r([5, 5, 16, 32]) },
      attrs: { ...conv, inputShape: [b, 14, 14, 16] },
    },
    {
      label: 'dW linear (xᵀ·dy)',
      kernel: 'BatchMatMul',
      inputs: { a: r([b, 1568]), b: r([b, 10]) },
      attrs: { transposeA: true, transposeB: false },
    },
    {
      label: 'dx linear (dy·Wᵀ)',
      kernel: 'BatchMatMul',
      inputs: { a: r([b, 10]), b: r([1568, 10]) },
      attrs: { transposeA: false, transposeB: true },
    },
    maxPoolGrad('pool1', [b, 28, 28, 16]),
    maxPoolGrad('pool2', [b, 14, 14, 32]),
    {
      label: 'bias grad conv1',
      kernel: 'Sum',
      inputs: { x: r([b, 28, 28, 16]) },
      attrs: { axis: [0, 1, 2], keepDims: false },
    },
    {
      label: 'bias grad conv2',
      kernel: 'Sum',
      inputs: { x: r([b, 14, 14, 32]) },
      attrs: { axis: [0, 1, 2], keepDims: false },
    },
    { label: 'relu mask copy', kernel: 'Identity', inputs: { x: r([b, 28, 28, 16]) }, attrs: {} },
    {
      label: 'relu mask cast',
      kernel: 'Cast',
      inputs: { x: r([b, 28, 28, 16]) },
      attrs: { dtype: 'float32' },
    },
  ];
}

/** Convolution and matmul shapes the gradient kernels use or were chosen over (N = batch). */
function shapeCases(b: number): { label: string; x: Shape4; filter: Shape4; pad: Pad }[] {
  return [
    { label: 'fwd conv1', x: [b, 28, 28, 1], filter: [5, 5, 1, 16], pad: pad(2, 2) },
    { label: 'fwd conv2', x: [b, 14, 14, 16], filter: [5, 5, 16, 32], pad: pad(2, 2) },
    { label: 'dx2 as conv', x: [b, 14, 14, 32], filter: [5, 5, 32, 16], pad: pad(2, 2) },
    { label: 'dW1 as used', x: [1, 28, 28, b], filter: [28, 28, b, 16], pad: pad(2, 2) },
    { label: 'dW1 swapped', x: [16, 28, 28, b], filter: [28, 28, b, 1], pad: pad(2, 2) },
    { label: 'dW1 wide K', x: [5, 28, 1, 28 * b], filter: [28, 1, 28 * b, 16], pad: pad(2, 0) },
    { label: 'dW2 as used', x: [16, 14, 14, b], filter: [14, 14, b, 32], pad: pad(2, 2) },
    { label: 'dW2 swapped', x: [32, 14, 14, b], filter: [14, 14, b, 16], pad: pad(2, 2) },
    { label: 'dW2 wide K', x: [80, 14, 1, 14 * b], filter: [14, 1, 14 * b, 32], pad: pad(2, 0) },
  ];
}

function shapeTimings(ctx: BenchContext, b: number, threads: number | null): void {
  for (const c of shapeCases(b)) {
    const x = tf.randomNormal(c.x) as tf.Tensor4D;
    const filter = tf.randomNormal(c.filter) as tf.Tensor4D;
    ctx.emit({
      case: 'kernels.conv',
      shape: c.label,
      x: c.x.join('x'),
      filter: c.filter.join('x'),
      batch: b,
      threads,
      // Training changes the weights every step, so XNNPACK repacks a fresh filter every call.
      fresh_filter_ms: round(
        time(() => {
          const fresh = tf.clone(filter);
          return [tf.conv2d(x, fresh, 1, c.pad), fresh];
        }),
        2,
      ),
      reused_filter_ms: round(
        time(() => tf.conv2d(x, filter, 1, c.pad)),
        2,
      ),
    });
    tf.dispose([x, filter]);
  }
  // The im2col alternative for dW2, and the transpose the gradient kernels pay for.
  const patches = tf.randomNormal([400, 14 * 14 * b]) as tf.Tensor2D;
  const dy = tf.randomNormal([14 * 14 * b, 32]) as tf.Tensor2D;
  const act = tf.randomNormal([b, 14, 14, 16]);
  const others: [string, () => tf.Tensor][] = [
    ['dW2 im2col matmul', () => tf.matMul(patches, dy)],
    ['transpose [N,14,14,16] to [16,14,14,N]', () => tf.transpose(act, [3, 1, 2, 0])],
  ];
  for (const [label, f] of others) {
    ctx.emit({ case: 'kernels.op', op: label, batch: b, threads, median_ms: round(time(f), 2) });
  }
  tf.dispose([patches, dy, act]);
}

async function kernelTimings(ctx: BenchContext, b: number, threads: number | null): Promise<void> {
  for (const call of kernelCalls(b)) {
    const once = () => tf.engine().runKernel(call.kernel, call.inputs, call.attrs) as tf.Tensor;
    const oursMs = time(once);
    const stockMs = NO_STOCK.has(call.kernel)
      ? null
      : await withStockKernel(call.kernel, async () => time(once));
    ctx.emit({
      case: 'kernels.kernel',
      kernel: call.kernel,
      shape: call.label,
      batch: b,
      threads,
      ours_ms: round(oursMs, 4),
      stock_ms: stockMs === null ? null : round(stockMs, 3),
      speedup: stockMs === null || oursMs === 0 ? null : round(stockMs / oursMs, 1),
    });
    tf.dispose(Object.values(call.inputs));
  }
}

/** One training step as the app runs it (batch, forward, backward, Adam, loss read back), in ms. */
async function stepMs(trainer: Trainer): Promise<number> {
  const outcome = await trainer.step();
  if (outcome.kind !== 'step') throw new Error(`training diverged at step ${outcome.step}`);
  return outcome.report.ms;
}

/**
 * Whole steps with all our kernels, and with each stock kernel put back in turn. The variants take
 * turns step by step, so a change in the shared machine's load hits them all alike.
 */
async function stepTimings(
  ctx: BenchContext,
  data: MnistData,
  b: number,
  threads: number | null,
): Promise<void> {
  const config = { ...TUTORIAL_CONFIG, batchSize: b, seed: 1 };
  const variants = [null, ...WASM_TRAINING_KERNELS.filter((k) => !NO_STOCK.has(k))].map(
    (stock) => ({ stock, trainer: new Trainer(data, config), samples: [] as number[] }),
  );
  for (let i = 0; i < WARMUP + ctx.options.steps; i++) {
    for (const v of variants) {
      const step = () => stepMs(v.trainer);
      const ms = v.stock === null ? await step() : await withStockKernel(v.stock, step);
      if (i >= WARMUP) v.samples.push(ms);
    }
  }
  const oursMs = median(variants[0].samples);
  for (const { stock, trainer, samples } of variants) {
    const ms = median(samples);
    ctx.emit({
      case: 'kernels.step',
      kernels: stock === null ? 'ours' : `ours, stock ${stock}`,
      batch: b,
      threads,
      steps: samples.length,
      median_step_ms: round(ms, 2),
      images_per_s: round((b * 1000) / ms),
      vs_ours: round(ms / oursMs, 3),
    });
    trainer.dispose();
  }
}

/** The step's convolutions: forward and both gradients. */
const CONV_KERNELS = ['Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter'];

/** Steps in one profile; its figures are per step, averaged over them. */
const PROFILED_STEPS = 5;

/** Where one step's time goes with our kernels, kernel by kernel (the top 12). */
async function stepProfile(
  ctx: BenchContext,
  data: MnistData,
  b: number,
  threads: number | null,
): Promise<void> {
  const trainer = new Trainer(data, { ...TUTORIAL_CONFIG, batchSize: b, seed: 1 });
  for (let i = 0; i < WARMUP; i++) await stepMs(trainer);
  const profile = await tf.profile(async () => {
    for (let i = 0; i < PROFILED_STEPS; i++) await trainer.step();
  });
  trainer.dispose();
  const byKernel = new Map<string, { ms: number; calls: number }>();
  // `name__op` entries are op scopes around kernels already listed: counting them would double.
  for (const k of profile.kernels.filter((k) => !k.name.endsWith('__op'))) {
    const entry = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
    entry.ms += (k.kernelTimeMs as number) / PROFILED_STEPS;
    entry.calls += 1 / PROFILED_STEPS;
    byKernel.set(k.name, entry);
  }
  const top = [...byKernel].sort((x, y) => y[1].ms - x[1].ms).slice(0, 12);
  for (const [kernel, { ms, calls }] of top) {
    ctx.emit({
      case: 'kernels.profile',
      kernel,
      batch: b,
      threads,
      ms: round(ms, 2),
      calls: round(calls, 1),
    });
  }
  const convMs = CONV_KERNELS.reduce((sum, k) => sum + (byKernel.get(k)?.ms ?? 0), 0);
  const allMs = [...byKernel.values()].reduce((sum, k) => sum + k.ms, 0);
  ctx.emit({
    case: 'kernels.profile.conv',
    conv_kernels: ctx.options.conv,
    batch: b,
    threads,
    conv_ms: round(convMs, 2),
    all_kernels_ms: round(allMs, 2),
  });
}

/** Bench-page entry: kernel A/B against stock, convolution shapes, whole steps, a step profile. */
export async function run(ctx: BenchContext): Promise<void> {
  const setup = await setupBackend('wasm', {
    wasmPaths: WASM_BINARY_URLS,
    navigator,
    threads: ctx.options.threads ?? undefined,
  });
  if (setup.backend !== 'wasm') throw new Error(`the kernels case needs wasm: ${setup.reason}`);
  const threads = setup.threads ?? null;
  const { data } = await ctx.mnist();
  for (const b of ctx.options.batches) {
    await kernelTimings(ctx, b, threads);
    shapeTimings(ctx, b, threads);
    // The steps below run the convolution kernels the worker would choose (or `--conv` forces).
    convChooser.reset();
    await tuneConvolutions(b);
    await stepTimings(ctx, data, b, threads);
    await stepProfile(ctx, data, b, threads);
  }
}
