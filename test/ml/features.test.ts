import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeFeatureMaps,
  createFeatureModel,
  FEATURE_LAYERS,
  kernelAt,
  kernelsOf,
  mapAt,
} from '../../src/ml/features';
import { createModel } from '../../src/ml/model';
import { readWeights } from '../../src/ml/weights';

let model: tf.Sequential;
let features: tf.LayersModel;
beforeAll(async () => {
  await tf.setBackend('cpu');
  model = createModel({ activation: 'relu', seed: 3 });
  // Give the biases non-zero values so the reference must use them too.
  model.weights.forEach((w) => {
    if (w.originalName.endsWith('/bias'))
      w.write(tf.randomUniform(w.shape as number[], -0.2, 0.2, 'float32', 5));
  });
  features = createFeatureModel(model);
});
afterAll(() => model.dispose());

const pixels = new Float32Array(784).map((_, i) => ((i * 37) % 101) / 100);

/** NHWC [1, s, s, c] → channel-first flat [c, s, s]. */
function channelFirst(t: tf.Tensor4D): Float32Array {
  return tf.tidy(() => t.transpose([0, 3, 1, 2]).dataSync() as Float32Array);
}

describe('feature maps', () => {
  it('have the documented shapes and ranges', async () => {
    const maps = await computeFeatureMaps(features, pixels);
    expect(FEATURE_LAYERS.map((l) => [l.name, maps[l.name].channels, maps[l.name].side])).toEqual([
      ['conv1', 16, 28],
      ['pool1', 16, 14],
      ['conv2', 32, 14],
      ['pool2', 32, 7],
    ]);
    expect(maps.conv1.data).toHaveLength(16 * 28 * 28);
    expect(maps.pool2.data).toHaveLength(32 * 7 * 7);
    expect(mapAt(maps.conv2, 31)).toHaveLength(14 * 14);
    expect(maps.conv1.min).toBeGreaterThanOrEqual(0); // after ReLU
    expect(maps.conv1.max).toBe(Math.max(...maps.conv1.data));
  });

  it('equal a manual conv2d → relu → maxPool with the same weights', async () => {
    const maps = await computeFeatureMaps(features, pixels);
    const w = model.weights.map((v) => v.read());
    const [k1, b1, k2, b2] = w;
    const ref = tf.tidy(() => {
      const x = tf.tensor4d(pixels, [1, 28, 28, 1]);
      const c1 = tf.relu(tf.add(tf.conv2d(x, k1 as tf.Tensor4D, 1, 'same'), b1));
      const p1 = tf.maxPool(c1 as tf.Tensor4D, 2, 2, 'valid');
      const c2 = tf.relu(tf.add(tf.conv2d(p1, k2 as tf.Tensor4D, 1, 'same'), b2));
      const p2 = tf.maxPool(c2 as tf.Tensor4D, 2, 2, 'valid');
      return [c1, p1, c2, p2].map((t) => channelFirst(t as tf.Tensor4D));
    });
    FEATURE_LAYERS.forEach((l, i) => {
      const got = maps[l.name].data;
      let worst = 0;
      got.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - ref[i][j]))));
      expect(worst, l.name).toBeLessThan(1e-5);
    });
    // Some maps must be non-trivial or the comparison proves little.
    expect(maps.conv2.max).toBeGreaterThan(0);
  });

  it('leak no tensors', async () => {
    await computeFeatureMaps(features, pixels);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await computeFeatureMaps(features, pixels);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuse an input that is not 28×28', async () => {
    await expect(computeFeatureMaps(features, new Float32Array(10))).rejects.toThrow(/784/);
  });
});

describe('kernels', () => {
  it('come out as [out, in, 5, 5] with the values of the [5, 5, in, out] weights', () => {
    const weights = readWeights(model);
    const conv1 = kernelsOf(weights, 'conv1');
    const conv2 = kernelsOf(weights, 'conv2');
    expect([conv1.outChannels, conv1.inChannels, conv1.size]).toEqual([16, 1, 5]);
    expect([conv2.outChannels, conv2.inChannels, conv2.size]).toEqual([32, 16, 5]);
    expect(conv2.data).toHaveLength(32 * 16 * 25);
    const raw = weights.find((w) => w.name === 'conv2/kernel')!;
    // Kernel 7←3, row 2, column 4 is raw[2][4][3][7].
    expect(kernelAt(conv2, 7, 3)[2 * 5 + 4]).toBe(raw.data[((2 * 5 + 4) * 16 + 3) * 32 + 7]);
    expect(conv2.maxAbs).toBe(Math.max(...raw.data.map(Math.abs)));
    expect(() => kernelsOf(weights, 'out')).toThrow(/no 4-D kernel/);
  });
});
