import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from './config';
import { TorchRMSprop } from './rmsprop';

/** The optimizer a config names, with PyTorch's default constants and formulas where tf's differ. */
export function makeOptimizer(config: TrainConfig): tf.Optimizer {
  switch (config.optimizer) {
    case 'adam':
      return tf.train.adam(config.learningRate, 0.9, 0.999, 1e-8);
    case 'sgd':
      return tf.train.sgd(config.learningRate);
    case 'rmsprop':
      return new TorchRMSprop(config.learningRate);
  }
}
