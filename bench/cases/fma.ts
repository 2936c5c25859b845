// Our relaxed-SIMD (fused multiply-add) convolution against tfjs-wasm's XNNPACK one, at the
// tutorial's shapes, on the same heap and thread count. Run on request:
// `npm run bench -- --cases fma [--threads 1]`.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { setupBackend } from '../../src/ml/backend';
import { convKernel, convOnHeap, type Padding } from '../../src/ml/wasm/fma/conv-kernel';
import * as noFma from '../../src/ml/wasm/fma/conv.wat?no-fma';
import { hasRelaxedSimd } from '../../src/ml/wasm/fma/relaxed-simd';
import { WASM_BINARY_URLS } from '../../src/ml/wasm/wasm-urls';
import { median, round, type BenchContext } from '../bench-context';

/** Left out of the default run: it measures one kernel for whoever changes it. */
export const onRequestOnly = true;

const REPS = 30;

interface Shape {
  label: string;
  x: [number, number, number, number];
  filter: [number, number, number, number];
  pad: Padding;
}

const SHAPES: Shape[] = [
  { label: 'fwd conv2', x: [50, 14, 14, 16], filter: [5, 5, 16, 32], pad: [2, 2, 2, 2] },
  { label: 'dx conv2', x: [50, 14, 14, 32], filter: [5, 5, 32, 16], pad: [2, 2, 2, 2] },
  { label: 'fwd conv1', x: [50, 28, 28, 1], filter: [5, 5, 1, 16], pad: [2, 2, 2, 2] },
];

/** Median ms of f over REPS calls after 3 warm-ups, the variants taking turns call by call. */
function timeAll(fs: (() => tf.TensorContainer)[]): number[] {
  const samples = fs.map(() => [] as number[]);
  for (let i = 0; i < REPS + 3; i++) {
    fs.forEach((f, j) => {
      const t0 = performance.now();
      tf.dispose(f());
      if (i >= 3) samples[j]!.push(performance.now() - t0);
    });
  }
  return samples.map(median);
}

/** Bench-page entry. */
export async function run(ctx: BenchContext): Promise<void> {
  const setup = await setupBackend('wasm', {
    wasmPaths: WASM_BINARY_URLS,
    navigator,
    threads: ctx.options.threads ?? undefined,
  });
  if (setup.backend !== 'wasm') throw new Error(`the fma case needs wasm: ${setup.reason}`);
  const backend = tf.backend() as BackendWasm;
  const fma = hasRelaxedSimd() ? convKernel(backend) : null;
  const plainMadd = convKernel(backend, noFma);
  for (const s of SHAPES) {
    const x = tf.randomNormal(s.x) as tf.Tensor4D;
    const filter = tf.randomNormal(s.filter) as tf.Tensor4D;
    const [pt, pb, pl, pr] = s.pad;
    const tfPad: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0],
      [pt, pb],
      [pl, pr],
      [0, 0],
    ];
    const ours = (k: typeof fma) => () => {
      const info = convOnHeap(backend, k!, x, filter, s.pad);
      return tf.engine().makeTensorFromTensorInfo(info);
    };
    const xnn = () => {
      const fresh = tf.clone(filter); // training repacks a changed filter every step
      return [tf.conv2d(x, fresh, 1, tfPad), fresh];
    };
    const want = tf.conv2d(x, filter, 1, tfPad);
    const err = (k: typeof fma) => {
      if (!k) return null;
      const got = ours(k)() as tf.Tensor;
      const e = tf.max(tf.abs(tf.sub(got, want))).dataSync()[0]!;
      const scale = tf.max(tf.abs(want)).dataSync()[0]!;
      tf.dispose(got);
      return e / scale;
    };
    const variants = [xnn, ...(fma ? [ours(fma)] : []), ...(plainMadd ? [ours(plainMadd)] : [])];
    const [xnnMs, fmaMs, maddMs] = timeAll(variants);
    const flop = 2 * s.x[0]! * s.x[1]! * s.x[2]! * s.filter.reduce((a, b) => a * b, 1);
    ctx.emit({
      case: 'fma.conv',
      shape: s.label,
      threads: setup.threads ?? null,
      relaxed_simd: fma !== null,
      xnnpack_ms: round(xnnMs!, 2),
      fma_ms: fma ? round(fmaMs!, 2) : null,
      mul_add_ms: plainMadd ? round((fma ? maddMs : fmaMs)!, 2) : null,
      fma_vs_xnnpack: fma ? round(xnnMs! / fmaMs!, 2) : null,
      xnnpack_gflops: round(flop / xnnMs! / 1e6, 1),
      fma_gflops: fma ? round(flop / fmaMs! / 1e6, 1) : null,
      fma_rel_err: err(fma),
      mul_add_rel_err: err(plainMadd),
    });
    tf.dispose([x, filter, want]);
  }
}
