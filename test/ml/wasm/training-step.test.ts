import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTutorialCnn, randomValues, relError, setupBackends } from './helpers';

// Small: the cpu reference's convolution gradients cost ~0.3 s an image in Node.
const BATCH = 4;

interface StepResult {
  loss: number;
  grads: Float32Array[];
  weights: Float32Array[];
}

/** One forward+backward+Adam step from fixed weights, on the given backend. */
async function trainStep(backend: string, init: Float32Array[]): Promise<StepResult> {
  await tf.setBackend(backend);
  const model = buildTutorialCnn();
  model.setWeights(model.getWeights().map((w, i) => tf.tensor(init[i]!, w.shape)));
  const x = tf.tensor4d(
    randomValues(BATCH * 784, 11).map((v) => v * 0.5 + 0.5),
    [BATCH, 28, 28, 1],
  );
  const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 10);
  const lossFn = () =>
    tf.losses.softmaxCrossEntropy(labels, model.apply(x) as tf.Tensor) as tf.Scalar;
  // One backward pass: its gradients are compared, then Adam applies them.
  const { value, grads } = tf.variableGrads(lossFn);
  const names = Object.keys(grads).sort();
  const gradData = await Promise.all(names.map((n) => grads[n]!.data() as Promise<Float32Array>));
  const opt = tf.train.adam(1e-3);
  opt.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
  const result = {
    loss: (await value.data())[0]!,
    grads: gradData,
    weights: await Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>)),
  };
  tf.dispose([value, ...Object.values(grads), x, labels]);
  opt.dispose();
  model.dispose();
  return result;
}

describe('tutorial CNN training on wasm', () => {
  beforeAll(setupBackends);

  it('one Adam step matches the cpu backend', async () => {
    await tf.setBackend('cpu');
    const seedModel = buildTutorialCnn();
    // Fixed weights, not the layers' random initialiser: with random ones a max-pool tie or a
    // pre-activation at exactly 0 can now and then flip between backends and fail the comparison.
    const init = seedModel
      .getWeights()
      .map((w, i) => randomValues(w.size, 101 + i).map((v) => v * 0.1));
    seedModel.dispose();
    const cpu = await trainStep('cpu', init);
    const wasm = await trainStep('wasm', init);
    expect(Math.abs(wasm.loss - cpu.loss)).toBeLessThan(1e-4);
    cpu.grads.forEach((g, i) => expect(relError(wasm.grads[i]!, g)).toBeLessThanOrEqual(1e-4));
    // One Adam step moves each weight by ~lr; a wrong gradient sign would show as 2e-3.
    cpu.weights.forEach((w, i) =>
      expect(relError(wasm.weights[i]!, w) * Math.max(...w.map(Math.abs))).toBeLessThan(1e-4),
    );
  });

  it('repeated steps leak neither tensors nor wasm buffers', async () => {
    await tf.setBackend('wasm');
    const model = buildTutorialCnn();
    const opt = tf.train.adam(1e-3);
    const x = tf.randomUniform([BATCH, 28, 28, 1]);
    const y = tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32') as tf.Tensor1D, 10);
    const step = () => {
      const loss = opt.minimize(
        () => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor) as tf.Scalar,
        true,
      )!;
      loss.dispose();
    };
    step();
    step();
    const tensors = tf.memory().numTensors;
    const buffers = tf.backend().numDataIds();
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.backend().numDataIds()).toBe(buffers);
    tf.dispose([x, y]);
    opt.dispose();
    model.dispose();
  });

  it('model.fit runs on wasm and lowers the loss', async () => {
    await tf.setBackend('wasm');
    const model = buildTutorialCnn();
    model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
    const x = tf.randomUniform([BATCH, 28, 28, 1]);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 10);
    const probs = tf.sequential({ layers: [model, tf.layers.softmax()] });
    probs.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
    const hist = await probs.fit(x, y, { epochs: 5, batchSize: BATCH, verbose: 0 });
    const losses = hist.history['loss'] as number[];
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]!);
    tf.dispose([x, y]);
    probs.dispose();
  });
});
