// Trains the tutorial's model for one epoch (Adam, lr 0.001, batch 50) without and with the app's
// augmentation, with the app's own src/ml code on the WASM backend, and measures both on a foreign
// handwriting set neither saw (render.py). Each foreign image is prepared as the Draw panel
// prepares a drawing. Run:
//   /usr/bin/python3 scripts/foreign-digits/render.py bench/out/foreign-digits
//   npx vitest run --config scripts/foreign-digits/vitest.config.ts
// STEPS=n stops each run after n steps (a quick check); the result goes to results.json there.
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
import { evaluateAccuracy, RunControl, runLoop, Trainer } from '../../src/ml/train';
import { initWasmBackend } from '../../src/ml/wasm/setup';
import { realMnist } from '../../test/fixtures/mnist';
import { WASM_DIR } from '../../test/ml/wasm/helpers';

const DIR = process.env.FOREIGN_DIR ?? 'bench/out/foreign-digits';
const STEPS = Number(process.env.STEPS ?? Infinity);

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

function only(split: MnistSplit, kinds: Uint8Array, kind: number): MnistSplit {
  const keep = [...kinds.keys()].filter((i) => kinds[i] === kind);
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
  for (const augment of [false, true]) {
    const config = { ...TUTORIAL_CONFIG, epochs: 1 };
    const trainer = new Trainer(mnist, config);
    if (augment) {
      const mixer = new BatchMixer(
        mnist.train,
        { augment: DEFAULT_AUGMENT, personal: null, share: 0 },
        config.seed,
      );
      trainer.feedWith((indices) => mixer.batch(indices));
    }
    const start = performance.now();
    await runLoop(trainer, new RunControl(), () => {}, STEPS);
    const seconds = (performance.now() - start) / 1000;
    const report = await evaluatePersonal(trainer.model, split);
    const typed = await evaluatePersonal(trainer.model, only(split, kinds, 0));
    const drawn = await evaluatePersonal(trainer.model, only(split, kinds, 1));
    const result = {
      augment,
      steps: trainer.history.stepsDone,
      seconds: Math.round(seconds),
      mnistTest: await evaluateAccuracy(trainer.model, mnist.test),
      foreign: report.accuracy,
      foreignTyped: typed.accuracy,
      foreignDrawn: drawn.accuracy,
      foreignPerDigit: report.perDigit.map((d) => d.correct / d.total),
      images: split.count,
    };
    console.log(JSON.stringify(result));
    results.push(result);
    trainer.dispose();
  }
  writeFileSync(`${DIR}/results.json`, JSON.stringify(results, null, 2) + '\n');
  expect(results).toHaveLength(2);
});
