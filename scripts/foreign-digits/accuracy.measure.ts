// Trains the tutorial's model for one epoch (Adam, lr 0.001, batch 50) without and with the app's
// augmentation, with the app's own src/ml code on the WASM backend, and measures both on a foreign
// handwriting set neither saw (render.py). Each foreign image is prepared as the Draw panel
// prepares a drawing. Run:
//   /usr/bin/python3 scripts/foreign-digits/render.py bench/out/foreign-digits
//   npx vitest run --config scripts/foreign-digits/vitest.config.ts
// STEPS=n stops each run after n steps (a quick check); SEEDS=1,2,3 repeats it for each seed.
// Then the unaugmented model is fine-tuned as the Your digits panel does (200 steps, a quarter of
// each batch from the even-numbered foreign images, augmented) and measured on the odd-numbered
// ones, which it never saw. The results go to results.json in FOREIGN_DIR.
import { readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { DEFAULT_AUGMENT } from '../../src/ml/augment';
import { TUTORIAL_CONFIG } from '../../src/ml/config';
import { BatchMixer } from '../../src/ml/mix';
import { MNIST_PIXELS, type MnistSplit } from '../../src/ml/mnist/dataset';
import { parseIdxImages, parseIdxLabels } from '../../src/ml/mnist/idx';
import { evaluatePersonal } from '../../src/ml/my-digits/report';
import { toBytes } from '../../src/ml/my-digits/set';
import { preprocess } from '../../src/ml/preprocess';
import { RunControl, runLoop } from '../../src/ml/run-loop';
import { evaluateAccuracy, Trainer } from '../../src/ml/train';
import { initWasmBackend } from '../../src/ml/wasm/setup';
import { realMnist } from '../../test/fixtures/mnist';
import { WASM_DIR } from '../../test/ml/wasm/helpers';

const DIR = process.env.FOREIGN_DIR ?? 'bench/out/foreign-digits';
const STEPS = Number(process.env.STEPS ?? Infinity);
const SEEDS = (process.env.SEEDS ?? '1').split(',').map(Number);
const FINE_TUNE_STEPS = 200;

function foreignSet(): { split: MnistSplit; kinds: Uint8Array } {
  const read = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}`));
  const raw = parseIdxImages(read('images-idx3-ubyte'), 'foreign images');
  const labels = parseIdxLabels(read('labels-idx1-ubyte'), 'foreign labels');
  const kinds = parseIdxLabels(read('kinds-idx1-ubyte'), 'foreign kinds');
  const side = raw.rows * raw.cols;
  const images = new Uint8Array(raw.count * MNIST_PIXELS);
  for (let i = 0; i < raw.count; i++) {
    const data = Float32Array.from(raw.pixels.subarray(i * side, (i + 1) * side), (v) => v / 255);
    const result = preprocess({ data, width: raw.cols, height: raw.rows });
    if (result.status !== 'ok') throw new Error(`foreign image ${i} is blank`);
    images.set(toBytes(result.final), i * MNIST_PIXELS);
  }
  return { split: { count: raw.count, images, labels }, kinds };
}

function only(split: MnistSplit, keep: number[]): MnistSplit {
  const images = new Uint8Array(keep.length * MNIST_PIXELS);
  keep.forEach((i, j) =>
    images.set(split.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), j * MNIST_PIXELS),
  );
  return { count: keep.length, images, labels: Uint8Array.from(keep, (i) => split.labels[i]) };
}

it('measures the 1-epoch model on foreign handwriting, without and with augmentation', async () => {
  await initWasmBackend({ wasmPaths: WASM_DIR, threads: 1 });
  expect(tf.getBackend()).toBe('wasm');
  const mnist = realMnist();
  const { split, kinds } = foreignSet();
  const results = [];
  const ofKind = (kind: number) => [...kinds.keys()].filter((i) => kinds[i] === kind);
  // Image 2k is typed, 2k + 1 drawn: halves by pair, so each half holds both kinds.
  const byParity = (odd: number) => [...kinds.keys()].filter((i) => Math.floor(i / 2) % 2 === odd);
  const typedSet = only(split, ofKind(0));
  const drawnSet = only(split, ofKind(1));
  const measure = async (model: tf.LayersModel, test: MnistSplit) => ({
    mnistTest: await evaluateAccuracy(model, mnist.test),
    foreign: (await evaluatePersonal(model, test)).accuracy,
  });
  for (const seed of SEEDS) {
    for (const augment of [false, true]) {
      const config = { ...TUTORIAL_CONFIG, epochs: 1, seed };
      const trainer = new Trainer(mnist, config);
      const mixer = new BatchMixer(
        mnist.train,
        { augment: DEFAULT_AUGMENT, personal: null, share: 0 },
        seed,
      );
      if (augment) trainer.feedWith((indices) => mixer.batch(indices));
      const start = performance.now();
      await runLoop(trainer, new RunControl(), () => {}, STEPS);
      const seconds = Math.round((performance.now() - start) / 1000);
      const report = await evaluatePersonal(trainer.model, split);
      const result: Record<string, unknown> = {
        seed,
        augment,
        steps: trainer.history.stepsDone,
        seconds,
        mnistTest: await evaluateAccuracy(trainer.model, mnist.test),
        foreign: report.accuracy,
        foreignTyped: (await evaluatePersonal(trainer.model, typedSet)).accuracy,
        foreignDrawn: (await evaluatePersonal(trainer.model, drawnSet)).accuracy,
        foreignPerDigit: report.perDigit.map((d) => d.correct / d.total),
        images: split.count,
      };
      if (!augment) {
        // As the panel fine-tunes: from the trained weights, a share of each batch personal.
        const seen = only(split, byParity(0));
        const unseen = only(split, byParity(1));
        const before = await measure(trainer.model, unseen);
        const tuner = new BatchMixer(
          mnist.train,
          { augment: DEFAULT_AUGMENT, personal: seen, share: 0.25 },
          seed,
        );
        trainer.feedWith((indices) => tuner.batch(indices));
        trainer.continueWith({ ...config, epochs: 2 });
        await runLoop(trainer, new RunControl(), () => {}, FINE_TUNE_STEPS);
        result.fineTune = {
          steps: FINE_TUNE_STEPS,
          trainedOn: seen.count,
          measuredOn: unseen.count,
          before,
          after: await measure(trainer.model, unseen),
        };
      }
      console.log(JSON.stringify(result));
      results.push(result);
      trainer.dispose();
    }
  }
  writeFileSync(`${DIR}/results.json`, JSON.stringify(results, null, 2) + '\n');
  expect(results).toHaveLength(2);
});
