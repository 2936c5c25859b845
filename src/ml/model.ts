import * as tf from '@tensorflow/tfjs';
import type { ActivationName, InitName } from './config';
import { MNIST_SIDE, NUM_CLASSES } from './mnist/dataset';

/** What shapes the network: the hidden activation, and how and from what seed its weights start. */
export interface ModelConfig {
  activation: ActivationName;
  seed: number;
  /** PyTorch's default when absent (models saved before the choice existed say nothing). */
  init?: InitName;
}

/** Layer names, fixed so weights, feature maps and saved files can refer to them. */
export const LAYER_NAMES = {
  conv1: 'conv1',
  pool1: 'pool1',
  conv2: 'conv2',
  pool2: 'pool2',
  flatten: 'flatten',
  out: 'out',
} as const;

/** Parameters of the tutorial's CNN: 416 + 12,832 + 15,690. */
export const TUTORIAL_PARAM_COUNT = 28_938;

/**
 * The tutorial's CNN: conv(1→16, 5×5, pad 2)+act+maxpool 2 → conv(16→32, 5×5, pad 2)+act+maxpool 2
 * → linear(1568→10). Input [batch, 28, 28, 1] in [0, 1]; output logits [batch, 10].
 */
export function createModel(config: ModelConfig): tf.Sequential {
  const { activation, seed, init = 'pytorch' } = config;
  // PyTorch's Conv2d/Linear reset_parameters: kaiming_uniform(a=√5) is U(±1/√fan_in) for the
  // weights, and the biases use the same bound.
  const uniform = (fanIn: number, s: number) =>
    tf.initializers.randomUniform({
      minval: -1 / Math.sqrt(fanIn),
      maxval: 1 / Math.sqrt(fanIn),
      seed: s,
    });
  const weights = (offset: number, fanIn: number) => ({
    kernelInitializer:
      init === 'glorot'
        ? tf.initializers.glorotUniform({ seed: seed * 101 + offset })
        : uniform(fanIn, seed * 101 + offset),
    biasInitializer:
      init === 'glorot' ? tf.initializers.zeros() : uniform(fanIn, seed * 101 + 50 + offset),
  });
  return tf.sequential({
    name: 'digit_lab_cnn',
    layers: [
      tf.layers.conv2d({
        name: LAYER_NAMES.conv1,
        inputShape: [MNIST_SIDE, MNIST_SIDE, 1],
        filters: 16,
        kernelSize: 5,
        strides: 1,
        padding: 'same', // = PyTorch padding 2 for a 5×5 kernel at stride 1
        activation,
        ...weights(1, 1 * 5 * 5),
      }),
      tf.layers.maxPooling2d({ name: LAYER_NAMES.pool1, poolSize: 2, strides: 2 }),
      tf.layers.conv2d({
        name: LAYER_NAMES.conv2,
        filters: 32,
        kernelSize: 5,
        strides: 1,
        padding: 'same',
        activation,
        ...weights(2, 16 * 5 * 5),
      }),
      tf.layers.maxPooling2d({ name: LAYER_NAMES.pool2, poolSize: 2, strides: 2 }),
      tf.layers.flatten({ name: LAYER_NAMES.flatten }),
      tf.layers.dense({ name: LAYER_NAMES.out, units: NUM_CLASSES, ...weights(3, 32 * 7 * 7) }),
    ],
  });
}
