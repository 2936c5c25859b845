// Where the app must do what PyTorch 1.13 does, checked against what PyTorch itself printed
// (scripts/torch/fidelity.py wrote test/fixtures/torch/fidelity.json).
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { stepsPerEpoch } from '../../../src/ml/batches';
import { TUTORIAL_CONFIG, type OptimizerName } from '../../../src/ml/config';
import { createModel } from '../../../src/ml/model';
import { makeOptimizer } from '../../../src/ml/optimizers';
import { Trainer } from '../../../src/ml/train';
import { setupBackends } from '../wasm/helpers';
import { FIXTURES } from './helpers';

interface Stats {
  min: number;
  max: number;
  std: number;
}
interface Fidelity {
  init: Record<
    'conv1' | 'conv2' | 'out',
    { fan_in: number; bound: number; weight: Stats; bias: Stats }
  >;
  loader: { count: number; batch: number; batches: number; last: number }[];
  optimizers: { params: number[]; grads: number[][]; steps: Record<OptimizerName, number[][]> };
}
const torch = JSON.parse(readFileSync(`${FIXTURES}/fidelity.json`, 'utf8')) as Fidelity;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function stats(values: Float32Array) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return { min: Math.min(...values), max: Math.max(...values), std };
}

describe('initialisation', () => {
  it('draws weights and biases from U(±1/√fan_in) as PyTorch does (bounds 0.2, 0.05, 0.025)', () => {
    const model = createModel({ activation: 'relu', seed: 1 });
    const layers = ['conv1', 'conv2', 'out'] as const;
    layers.forEach((layer, i) => {
      const want = torch.init[layer];
      const [kernel, bias] = model.weights
        .slice(2 * i, 2 * i + 2)
        .map((w) => w.read().dataSync() as Float32Array);
      const w = stats(kernel);
      const b = stats(bias);
      expect(1 / Math.sqrt(want.fan_in)).toBeCloseTo(want.bound, 9);
      // Inside the bound and reaching near it, as PyTorch's samples do; the spread of a uniform.
      for (const s of [w, b]) {
        expect(Math.max(-s.min, s.max)).toBeLessThanOrEqual(want.bound);
      }
      expect(Math.min(-w.min, w.max)).toBeGreaterThan(0.97 * want.bound);
      expect(w.std / want.weight.std).toBeGreaterThan(0.9);
      expect(w.std / want.weight.std).toBeLessThan(1.1);
      expect(b.std).toBeGreaterThan(0.3 * want.bias.std); // biases are drawn too, not zero
    });
    model.dispose();
  });

  it('keeps Glorot uniform with zero biases as the other choice', () => {
    const model = createModel({ activation: 'relu', seed: 1, init: 'glorot' });
    const [k1, b1] = model.weights.slice(0, 2).map((w) => w.read().dataSync() as Float32Array);
    model.dispose();
    const bound = Math.sqrt(6 / (25 + 400)); // fan_in 1·5·5, fan_out 16·5·5: 0.119
    const max = Math.max(...k1.map(Math.abs));
    expect(max).toBeLessThanOrEqual(bound);
    expect(max).toBeGreaterThan(0.95 * bound);
    expect(b1.every((v) => v === 0)).toBe(true);
  });
});

describe('batches per epoch', () => {
  it('counts batches as DataLoader(shuffle=True) does, the last one smaller', () => {
    for (const { count, batch, batches, last } of torch.loader) {
      const steps = stepsPerEpoch(count, batch);
      expect(steps, `${count}/${batch}`).toBe(batches);
      expect(count - (steps - 1) * batch).toBe(last);
    }
  });

  it('trains the smaller last batch: 10 images at batch 4 are one epoch of 3 steps', async () => {
    await setupBackends(); // tfjs's cpu backward convolutions take tens of seconds here
    await tf.setBackend('wasm');
    const images = new Uint8Array(10 * 784).map((_, i) => (i * 7) % 256);
    const split = { count: 10, images, labels: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) };
    const trainer = new Trainer(
      { train: split, test: split },
      { ...TUTORIAL_CONFIG, batchSize: 4, epochs: 1 },
    );
    const steps = [];
    while (!trainer.finished) {
      const outcome = await trainer.step();
      if (outcome.kind === 'step') steps.push(outcome.report.stepInEpoch);
    }
    expect(steps).toEqual([0, 1, 2]);
    trainer.dispose();
    await tf.setBackend('cpu');
  });
});

describe('optimizers', () => {
  const { params, grads, steps } = torch.optimizers;
  /** Runs our optimizer for the config's name over PyTorch's parameters and gradients. */
  function run(optimizer: tf.Optimizer): number[][] {
    const p = tf.variable(tf.tensor1d(params));
    const out = grads.map((g) => {
      tf.tidy(() => optimizer.applyGradients({ [p.name]: tf.tensor1d(g) }));
      return Array.from(p.dataSync());
    });
    optimizer.dispose();
    p.dispose();
    return out;
  }
  const lr = { adam: 0.001, rmsprop: 0.01, sgd: 0.1 } as const;
  const close = (got: number[][], want: number[][]) =>
    got.every((row, i) =>
      row.every((v, j) => Math.abs(v - want[i][j]) <= 1e-6 + 1e-5 * Math.abs(want[i][j])),
    );

  it('takes PyTorch’s steps for Adam, RMSprop and SGD, tiny gradients included', () => {
    for (const name of ['adam', 'rmsprop', 'sgd'] as const) {
      const got = run(
        makeOptimizer({ ...TUTORIAL_CONFIG, optimizer: name, learningRate: lr[name] }),
      );
      expect(close(got, steps[name]), `${name}: ${JSON.stringify(got)}`).toBe(true);
    }
  });

  it('would not with tfjs’s own rmsprop, whose ε sits inside the square root', () => {
    const got = run(tf.train.rmsprop(lr.rmsprop, 0.99, 0, 1e-8));
    expect(close(got, steps.rmsprop)).toBe(false);
    // The gradient of 1e-6: PyTorch moves the parameter by 0.091, tfjs by 1e-4.
    expect(steps.rmsprop[0][4] - params[4]).toBeCloseTo(0.0909, 3);
    expect(got[0][4] - params[4]).toBeCloseTo(0.0001, 4);
  });
});
