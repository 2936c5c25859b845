// The measured backend choice: where WebGL runs on a real GPU, time a few training steps of the
// tutorial CNN on WebGL and on WASM and train on the faster. A GPU is not always faster here: an
// integrated or a busy one can lose to WASM's SIMD kernels on a fast CPU, and the only way to know
// is to time it. The decision itself is pure (below), so it is tested with fake timings.
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, type BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { TUTORIAL_CONFIG } from './config';
import { createModel } from './model';
import { makeOptimizer } from './optimizers';
import {
  convChooser,
  fastestSet,
  TIMED_CALLS,
  WARMUP_CALLS,
  type ConvolutionReport,
  type KernelSet,
  type StepCheck,
} from './wasm/fma/conv-choice';
import { fmaKernels, startFmaThreads } from './wasm/fma/fma-kernels';

/** Backends the measured choice compares. */
export type TimedBackend = 'webgl' | 'wasm';

/** Median ms of one training step on each backend; null where it could not start or run. */
export interface BackendTimings {
  webgl: number | null;
  wasm: number | null;
}

/** Steps timed per backend after the warm-up (shader compiles, kernel setup). */
export const TIMED_STEPS = 5;
/** Untimed steps first: WebGL compiles its shaders on the first steps. */
export const WARMUP_STEPS = 3;

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** True where the measured choice runs: 'auto' and a WebGL renderer that is a real GPU. */
export function shouldTimeBackends(
  auto: boolean,
  renderer: string | null,
  software: boolean,
): boolean {
  return auto && renderer !== null && !software;
}

/**
 * The faster backend by median step time; WASM when neither figure exists. A tie goes to WebGL,
 * which leaves the CPU free for the page.
 */
export function fasterBackend(t: BackendTimings): TimedBackend {
  if (t.webgl === null) return 'wasm';
  if (t.wasm === null) return 'webgl';
  return t.webgl <= t.wasm ? 'webgl' : 'wasm';
}

/**
 * Median ms of a tutorial training step (batch, forward, backward, Adam, loss read back) on the
 * active backend, from random inputs: the time does not depend on the pixel values.
 */
export async function timeTrainingStep(
  batchSize = TUTORIAL_CONFIG.batchSize,
  steps = TIMED_STEPS,
  warmup = WARMUP_STEPS,
): Promise<number> {
  const model = createModel({ activation: 'relu', seed: 1 });
  const optimizer = makeOptimizer(TUTORIAL_CONFIG);
  const xs = tf.randomUniform([batchSize, 28, 28, 1]);
  const ys = tf.tidy(() => tf.oneHot(tf.randomUniform([batchSize], 0, 10, 'int32'), 10));
  const samples: number[] = [];
  try {
    for (let i = 0; i < warmup + steps; i++) {
      const t0 = performance.now();
      const loss = optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs, { training: true }) as tf.Tensor),
        true,
      );
      await loss?.data();
      loss?.dispose();
      if (i >= warmup) samples.push(performance.now() - t0);
    }
  } finally {
    tf.dispose([xs, ys]);
    optimizer.dispose();
    model.dispose();
  }
  return median(samples);
}

/**
 * On WASM: times our relaxed-SIMD convolutions against XNNPACK's for a batch size (throwaway
 * training steps on random inputs until the chooser has settled every shape; once per batch size)
 * and says what was chosen.
 */
export async function tuneConvolutions(
  batchSize: number = TUTORIAL_CONFIG.batchSize,
): Promise<ConvolutionReport> {
  const backend = tf.backend() as BackendWasm;
  const available = fmaKernels(backend) !== null;
  let stepCheck: StepCheck | undefined;
  // Ours on every thread the backend has, before they are timed against XNNPACK's.
  const fmaThreads =
    available && convChooser.mode !== 'xnnpack'
      ? await startFmaThreads(backend, getThreadsCount())
      : 1;
  if (available && convChooser.mode === 'auto' && convChooser.firstTuning(`batch ${batchSize}`)) {
    convChooser.tuning = true;
    try {
      // Each step makes every convolution once; a shape settles after TRIAL calls.
      const trial = 2 * (WARMUP_CALLS + TIMED_CALLS);
      for (let i = 0; i < 2 && (i === 0 || convChooser.openTrials() > 0); i++) {
        await timeTrainingStep(batchSize, 1, trial - 1);
      }
    } finally {
      convChooser.tuning = false;
    }
    if (fmaThreads > 1) stepCheck = await checkWholeSteps(batchSize);
  }
  const report = { mode: convChooser.mode, available, fmaThreads, choices: convChooser.choices() };
  return stepCheck ? { ...report, stepCheck } : report;
}

/** Rounds of the whole-step check; each times every kernel set once, in turn. */
export const STEP_CHECK_ROUNDS = 3;

/**
 * With helper threads, timing one call at a time can misjudge ours: after each of XNNPACK's
 * threaded calls tfjs's own pool thread spins on a core for a while, and a call of ours timed
 * then runs at one thread's speed (4-6 ms instead of 2.3 for conv2 at 2 threads), which real
 * training on ours alone does not see. So the per-shape choices are checked against ours and
 * XNNPACK's for every shape, by whole training steps taken in turn, and the fastest set is kept.
 */
async function checkWholeSteps(batchSize: number): Promise<StepCheck | undefined> {
  const kernels = convChooser.choices().map((c) => c.kernel);
  if (kernels.length === 0) return undefined;
  const sets: KernelSet[] = ['per-shape'];
  if (kernels.some((k) => k !== 'fma')) sets.push('fma');
  if (kernels.some((k) => k !== 'xnnpack')) sets.push('xnnpack');
  const samples = new Map<KernelSet, number[]>(sets.map((s) => [s, []]));
  try {
    for (let round = 0; round < STEP_CHECK_ROUNDS; round++) {
      for (const set of sets) {
        convChooser.assign(set === 'per-shape' ? null : set);
        samples.get(set)!.push(await timeTrainingStep(batchSize, 3, 1));
      }
    }
  } finally {
    convChooser.assign(null);
  }
  const ms: StepCheck['ms'] = {};
  for (const [set, values] of samples) ms[set] = median(values);
  const kept = fastestSet(ms);
  convChooser.assign(kept === 'per-shape' ? null : kept);
  return { kept, ms };
}
