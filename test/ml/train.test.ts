import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { headOf } from '../../src/ml/batches';
import { TUTORIAL_CONFIG, type TrainConfig } from '../../src/ml/config';
import type { MnistData } from '../../src/ml/mnist/dataset';
import { RunControl, runLoop } from '../../src/ml/run-loop';
import { logLine, Trainer } from '../../src/ml/train';
import { initWasmBackend } from '../../src/ml/wasm/setup';
import { realMnist } from '../fixtures/mnist';
import { WASM_DIR } from './wasm/helpers';

// The loop runs on the backend the app trains on where WebGL is software or missing: WASM with our
// kernels (tfjs's cpu backend takes ~0.3 s per image per step here). The runs stay tiny anyway.
let real: MnistData;
beforeAll(async () => {
  await initWasmBackend({ wasmPaths: WASM_DIR, threads: 1 });
  expect(tf.getBackend()).toBe('wasm');
  real = realMnist();
});
const subset = (train: number, test: number): MnistData => ({
  train: headOf(real.train, train),
  test: headOf(real.test, test),
});
const config = (over: Partial<TrainConfig>): TrainConfig => ({ ...TUTORIAL_CONFIG, ...over });

async function lossOn(trainer: Trainer, data: MnistData): Promise<number> {
  const { makeBatch } = await import('../../src/ml/batches');
  const idx = Array.from({ length: data.train.count }, (_, i) => i);
  const { xs, ys } = makeBatch(data.train, idx);
  const loss = tf.tidy(() =>
    tf.losses.softmaxCrossEntropy(ys, trainer.model.predict(xs) as tf.Tensor),
  );
  const value = (await loss.data())[0];
  tf.dispose([xs, ys, loss]);
  return value;
}

describe('the training loop', () => {
  it('lowers the loss over a few dozen steps on a small subset', async () => {
    const data = subset(48, 50);
    const trainer = new Trainer(data, config({ batchSize: 2, epochs: 1, seed: 3 }));
    const before = await lossOn(trainer, data);
    const reports: number[] = [];
    const end = await runLoop(trainer, new RunControl(), (r) => reports.push(r.loss));
    const after = await lossOn(trainer, data);
    expect(end).toEqual({ reason: 'completed' });
    expect(reports).toHaveLength(24);
    expect(trainer.history.epochsDone).toBe(1);
    // Seeded, so the same numbers every run: 2.31 → 2.27 from PyTorch's small initial weights in
    // 24 steps of 2 images. No update at all would leave 2.31.
    expect(after).toBeLessThan(before - 0.03);
    // Epoch end: one subset point at step 0, one full-test point at the last step.
    expect(trainer.history.accuracy.map((a) => [a.step, a.scope])).toEqual([
      [0, 'subset'],
      [23, 'full'],
    ]);
    expect(trainer.history.log[0]).toBe(
      logLine(0, reports[0], trainer.history.accuracy[0].accuracy),
    );
    expect(trainer.history.log[0]).toMatch(
      /^Epoch: 0 \| train loss: \d\.\d{4} \| test accuracy: \d\.\d{2}$/,
    );
    trainer.dispose();
  });

  it('leaks no tensors: as many after N steps (across an epoch end) as after 1', async () => {
    const trainer = new Trainer(subset(8, 20), config({ batchSize: 2, epochs: 3 }));
    await trainer.step();
    const afterOne = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) expect((await trainer.step()).kind).toBe('step');
    expect(trainer.history.epochsDone).toBe(1);
    expect(tf.memory().numTensors).toBe(afterOne);
    trainer.dispose();
  });

  it('repeats a run exactly from the same seed', async () => {
    const run = async (seed: number) => {
      const trainer = new Trainer(subset(40, 10), config({ batchSize: 2, seed }));
      const losses: number[] = [];
      await runLoop(trainer, new RunControl(), (r) => losses.push(r.loss), 3);
      const weights = trainer.weights();
      trainer.dispose();
      return { losses, weights };
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(b.losses).toEqual(a.losses);
    expect(b.weights[0].data).toEqual(a.weights[0].data);
    expect(c.losses).not.toEqual(a.losses);
  });

  it('stops on a NaN or infinite loss and keeps the last good weights', async () => {
    const trainer = new Trainer(
      subset(40, 10),
      config({ batchSize: 2, optimizer: 'sgd', learningRate: 1e30 }),
    );
    let lastGood = trainer.weights();
    let outcome = await trainer.step();
    for (let i = 0; i < 20 && outcome.kind === 'step'; i++) {
      const beforeStep = trainer.weights();
      outcome = await trainer.step();
      if (outcome.kind === 'step') lastGood = beforeStep;
    }
    expect(outcome.kind).toBe('diverged');
    if (outcome.kind !== 'diverged') return;
    expect(Number.isFinite(outcome.loss)).toBe(false);
    const kept = trainer.weights();
    expect(kept.every((w) => w.data.every(Number.isFinite))).toBe(true);
    kept.forEach((w, i) => expect(w.data).toEqual(lastGood[i].data));
    expect(trainer.history.stepsDone).toBe(outcome.step);
    trainer.dispose();
  });

  it('refuses a Continue it cannot honour and leaves the run unchanged', async () => {
    const trainer = new Trainer(subset(8, 10), config({ batchSize: 2, epochs: 1 }));
    while (!trainer.finished) await trainer.step();
    const before = trainer.runConfig;
    const weights = trainer.weights();
    // Another seed or activation would be another network; no epoch left means nothing to do.
    expect(trainer.continueWith({ ...before, seed: before.seed + 1, epochs: 2 })).toBe(false);
    expect(trainer.continueWith({ ...before, activation: 'sigmoid', epochs: 2 })).toBe(false);
    expect(trainer.continueWith({ ...before, learningRate: 0.01 })).toBe(false);
    expect(trainer.runConfig).toBe(before);
    expect(trainer.history.config).toEqual(before);
    trainer.weights().forEach((w, i) => expect(w.data).toEqual(weights[i].data));
    // More epochs with the same network goes on.
    expect(trainer.continueWith({ ...before, epochs: 2 })).toBe(true);
    expect(trainer.finished).toBe(false);
    trainer.dispose();
  });

  it('restores saved weights and history, then goes on from the next step', async () => {
    const data = subset(40, 10);
    const a = new Trainer(data, config({ batchSize: 2 }));
    await a.step();
    await a.step();
    const b = new Trainer(data, config({ batchSize: 2, seed: 9 }));
    const bad = a.weights();
    bad[5] = { ...bad[5], shape: [3], data: new Float32Array(3) };
    expect(() => b.restore(bad, a.history)).toThrow(/expected shape \[10\], got \[3\]/);
    expect(b.history.stepsDone).toBe(0);
    b.restore(a.weights(), a.history);
    b.weights().forEach((w, i) => expect(w.data).toEqual(a.weights()[i].data));
    expect(b.history.loss).toEqual(a.history.loss);
    const next = await b.step();
    expect(next.kind === 'step' && next.report.step).toBe(2);
    // Training time goes on from the saved run's, so a seconds axis has no jump back to 0.
    const savedSeconds = a.history.loss[1].seconds ?? 0;
    expect(savedSeconds).toBeGreaterThan(a.history.loss[0].seconds ?? Infinity);
    expect(next.kind === 'step' && next.report.seconds).toBeGreaterThan(savedSeconds);
    expect(a.history.loss).toHaveLength(2); // the saved history was copied, not shared
    a.dispose();
    b.dispose();
  });

  it('goes on mid-epoch after a restore: same batches, the epoch ends on time', async () => {
    // SGD keeps no optimizer state, so a restored run must match an uninterrupted one exactly.
    const c = config({ batchSize: 4, optimizer: 'sgd', learningRate: 0.05, epochs: 2 });
    const data = subset(20, 10); // 5 steps an epoch
    const whole = new Trainer(data, c);
    for (let i = 0; i < 3; i++) await whole.step();
    const saved = { weights: whole.weights(), history: structuredClone(whole.history) };
    const resumed = new Trainer(data, c);
    resumed.restore(saved.weights, saved.history);
    expect(resumed.stepsIntoEpoch).toBe(3);
    for (let i = 0; i < 3; i++) {
      const [a, b] = [await whole.step(), await resumed.step()];
      expect(b.kind === 'step' && b.report.stepInEpoch).toBe(
        a.kind === 'step' && a.report.stepInEpoch,
      );
    }
    resumed.weights().forEach((w, i) => expect(w.data).toEqual(whole.weights()[i].data));
    expect(resumed.history.epochsDone).toBe(1); // the epoch closed at step 5, as uninterrupted
    whole.dispose();
    resumed.dispose();
  });

  it('pauses between steps and stops on request', async () => {
    const trainer = new Trainer(subset(40, 10), config({ batchSize: 2 }));
    let held = 0;
    const control = new RunControl(() => held++);
    control.pause();
    const loop = runLoop(trainer, control, () => {});
    await new Promise((r) => setTimeout(r, 50));
    expect(held).toBe(1);
    expect(trainer.history.stepsDone).toBe(0);
    control.resume();
    control.stop();
    expect(await loop).toEqual({ reason: 'stopped' });
    trainer.dispose();
  });
});
