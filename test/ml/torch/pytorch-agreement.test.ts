// The proof that the bridge is exact: the app and real PyTorch give the same predictions for the
// same weights, whichever side trained them.
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { headOf } from '../../../src/ml/batches';
import { TUTORIAL_CONFIG, type TrainConfig } from '../../../src/ml/config';
import { evaluateSplit, summarize } from '../../../src/ml/evaluate';
import type { MnistData } from '../../../src/ml/mnist/dataset';
import { createModel, type ModelConfig } from '../../../src/ml/model';
import { torchStateDictFile } from '../../../src/ml/torch/export';
import { parseTorchFile } from '../../../src/ml/torch/import';
import { RunControl, runLoop } from '../../../src/ml/run-loop';
import { Trainer } from '../../../src/ml/train';
import { writeWeights, type WeightSnapshot } from '../../../src/ml/weights';
import { realMnist } from '../../fixtures/mnist';
import { setupBackends } from '../wasm/helpers';
import { agreement, expected, fixture, torchEvaluate } from './helpers';

let data: MnistData;
beforeAll(async () => {
  await setupBackends();
  await tf.setBackend('wasm');
  data = realMnist();
});

/** The app's predictions for all 10,000 test images with these weights, and its wrong count. */
async function appEvaluate(config: ModelConfig, weights: WeightSnapshot) {
  const model = createModel(config);
  writeWeights(model, weights);
  const { predicted } = await evaluateSplit(model, data.test);
  model.dispose();
  return { predicted, wrong: summarize(predicted, data.test.labels).wrong };
}

// At least 99.9% of the 10,000 predictions must be the same digit.
const MIN_SAME = 9_990;

describe('PyTorch → app', () => {
  it('predicts as PyTorch did for the tutorial-trained cnn2.pkl: same wrong count', async () => {
    const want = expected();
    const parsed = parseTorchFile(fixture('cnn2.pkl'), 'cnn2.pkl');
    const got = await appEvaluate(parsed.config, parsed.weights);
    console.log(`[torch] PyTorch ${want.torch}: ${want.wrong} wrong; app: ${got.wrong} wrong`);
    expect(got.wrong).toBe(want.wrong);
    expect(agreement(got.predicted, want.predictions)).toBeGreaterThanOrEqual(MIN_SAME);
  });

  it('predicts as PyTorch did for the same weights saved as float16', async () => {
    const want = expected().float16;
    const parsed = parseTorchFile(fixture('cnn2-float16.pkl'), 'cnn2-float16.pkl');
    const got = await appEvaluate(parsed.config, parsed.weights);
    expect(got.wrong).toBe(want.wrong);
    expect(agreement(got.predicted, want.predictions)).toBeGreaterThanOrEqual(MIN_SAME);
  });
});

describe('app → PyTorch', () => {
  it('a model trained here, saved as .pkl and evaluated by PyTorch, gets the app’s wrong count', async () => {
    const config: TrainConfig = { ...TUTORIAL_CONFIG, seed: 5 };
    const trainer = new Trainer({ train: data.train, test: headOf(data.test, 100) }, config);
    await runLoop(trainer, new RunControl(), () => {}, 60);
    const weights = trainer.weights();
    trainer.dispose();
    const app = await appEvaluate(config, weights);
    const path = join(mkdtempSync(join(tmpdir(), 'digit-lab-torch-')), 'digit-lab-cnn.pkl');
    writeFileSync(path, torchStateDictFile(weights));
    const torch = torchEvaluate(path);
    console.log(`[torch] trained here 60 steps: app ${app.wrong} wrong, PyTorch ${torch.wrong}`);
    expect(app.wrong).toBeLessThan(5_000); // it learned something, so the comparison means something
    expect(torch.wrong).toBe(app.wrong);
    expect(agreement(app.predicted, torch.predictions)).toBeGreaterThanOrEqual(MIN_SAME);
  });
});
