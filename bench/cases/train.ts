import * as tf from '@tensorflow/tfjs';
import { setupBackend, type BackendChoice } from '../../src/ml/backend';
import { tuneConvolutions } from '../../src/ml/backend-timing';
import { TUTORIAL_CONFIG } from '../../src/ml/config';
import { bytesToInput, predictOne } from '../../src/ml/inference';
import { imageAt } from '../../src/ml/mnist/dataset';
import { RunControl, runLoop } from '../../src/ml/run-loop';
import { evaluateAccuracy, Trainer } from '../../src/ml/train';
import { median, round, type BenchContext } from '../bench-context';
import { convChooser, type StepCheck } from '../../src/ml/wasm/fma/conv-choice';
import { WASM_BINARY_URLS } from '../../src/ml/wasm/wasm-urls';

/** "kept fma (per-shape 16.1 / fma 12.4 / xnnpack 17.0 ms)". */
function stepCheckText({ kept, ms }: StepCheck): string {
  const parts = Object.entries(ms).map(([set, v]) => `${set} ${v.toFixed(1)}`);
  return `kept ${kept} (${parts.join(' / ')} ms)`;
}

/** The chooser's per-shape decisions, e.g. "conv 50x14x14x16…: fma 4.9 / xnnpack 9.3 ms". */
function convChoices(): string | null {
  const list = convChooser
    .choices()
    .map(
      (c) =>
        `${c.op} ${c.shape}: ${c.kernel} (fma ${round(c.fmaMs, 2)} / xnnpack ${round(c.xnnpackMs, 2)} ms)`,
    );
  return list.length ? list.join('; ') : null;
}

/** The step the wall-clock figure counts from (the app case's `--app-from-step` default). */
const WALL_FROM_STEP = 50;

/** Training throughput, full-test evaluation and single-image latency, per backend and batch size. */
export async function run(ctx: BenchContext): Promise<void> {
  const { data, stats } = await ctx.mnist();
  ctx.emit({
    case: 'dataset',
    dataset_load_ms: round(stats.ms),
    dataset_mb: round(stats.compressedBytes / 1e6, 2),
    dataset_raw_mb: round(stats.rawBytes / 1e6, 2),
  });
  for (const backend of ctx.options.backends) {
    const setup = await setupBackend(backend as BackendChoice, {
      wasmPaths: WASM_BINARY_URLS,
      navigator,
      threads: ctx.options.threads ?? undefined,
    });
    for (const batchSize of ctx.options.batches) {
      convChooser.reset();
      // As the worker does before a run: time the convolution kernels for this batch size.
      const tuneStart = performance.now();
      const tuned = setup.backend === 'wasm' ? await tuneConvolutions(batchSize) : null;
      const tuneMs = performance.now() - tuneStart;
      const epochs = ctx.options.epochs ?? 1;
      const trainer = new Trainer(data, { ...TUTORIAL_CONFIG, batchSize, epochs });
      const steps =
        ctx.options.epochs === null ? ctx.options.steps : epochs * trainer.stepsPerEpoch;
      const stepMs: number[] = [];
      // When each step's report came, its in-loop evaluation included.
      const doneAt: number[] = [];
      let evalMs = 0;
      const t0 = performance.now();
      // The same loop the worker runs.
      const end = await runLoop(
        trainer,
        new RunControl(),
        (r) => {
          stepMs.push(r.ms);
          doneAt.push(performance.now());
          evalMs += r.evalMs;
        },
        steps,
      );
      const loopS = (performance.now() - t0) / 1000;
      // The first steps compile shaders/kernels: leave them out of the median when there are enough.
      const warm = stepMs.length > 6 ? stepMs.slice(2) : stepMs;
      const ms = median(warm);
      const measured = trainer.history.epochsDone > 0;
      const wallFrom = Math.min(WALL_FROM_STEP, Math.floor(doneAt.length / 3));
      const wallMs = doneAt.length > wallFrom + 1 ? doneAt.at(-1)! - doneAt[wallFrom]! : null;
      const wallImagesPerS =
        wallMs === null
          ? null
          : round(((doneAt.length - 1 - wallFrom) * batchSize * 1000) / wallMs);
      // `--skip-eval` leaves out the full test pass (68 s on software WebGL) for quick A/B runs.
      const e0 = performance.now();
      const accuracy = ctx.options.skipEval
        ? null
        : await evaluateAccuracy(trainer.model, data.test);
      const evalS = ctx.options.skipEval ? null : (performance.now() - e0) / 1000;
      const epochAccuracy = trainer.history.accuracy
        .filter((a) => a.scope === 'full')
        .map((a) => round(a.accuracy, 4))
        .join(' ');
      const pixels = bytesToInput(imageAt(data.test, 0));
      for (let i = 0; i < 3; i++) predictOne(trainer.model, pixels);
      const predictMs: number[] = [];
      for (let i = 0; i < 20; i++) {
        const p0 = performance.now();
        predictOne(trainer.model, pixels);
        predictMs.push(performance.now() - p0);
      }
      ctx.emit({
        case: 'train',
        backend: setup.backend,
        requested: backend,
        backend_reason: setup.reason,
        threads: setup.threads ?? null,
        flags: new URLSearchParams(location.search).get('flags'),
        renderer: setup.backend === 'webgl' ? setup.renderer : null,
        software_renderer: setup.backend === 'webgl' ? setup.softwareRenderer : null,
        batch: batchSize,
        steps: stepMs.length,
        end: end.reason,
        median_step_ms: round(ms),
        images_per_s: round((batchSize * 1000) / ms),
        // As the app case counts: wall clock from a warm step on, evaluations included.
        wall_from_step: wallFrom,
        wall_images_per_s: wallImagesPerS,
        epoch_s: round(
          measured ? loopS / trainer.history.epochsDone : (ms * trainer.stepsPerEpoch) / 1000,
        ),
        epoch_s_kind: measured ? 'measured' : 'extrapolated',
        in_loop_eval_s: round(evalMs / 1000, 2),
        test_accuracy: accuracy === null ? null : round(accuracy, 4),
        epoch_test_accuracy: epochAccuracy || null,
        eval_10k_s: evalS === null ? null : round(evalS, 2),
        predict_ms: round(median(predictMs), 2),
        num_tensors: tf.memory().numTensors,
        conv_kernels: setup.backend === 'wasm' ? ctx.options.conv : null,
        // Threads our kernels ran on (helpers of our own beside the page's).
        fma_threads: tuned?.fmaThreads ?? null,
        conv_choices: setup.backend === 'wasm' ? convChoices() : null,
        // Where our kernels have helper threads: whole-step ms of each kernel set, and the kept one.
        conv_step_check: tuned?.stepCheck ? stepCheckText(tuned.stepCheck) : null,
        // What the worker spends before a run's first step: the helpers' start, warm-up and tuning.
        conv_tune_ms: tuned ? round(tuneMs, 0) : null,
      });
      trainer.dispose();
    }
  }
}
