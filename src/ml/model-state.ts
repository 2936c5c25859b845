import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from './config';
import type { DigitLabMetadata } from './model-metadata';
import { createModel, type ModelConfig } from './model';
import { writeWeights, type WeightSnapshot } from './weights';

/** A model as plain data: architecture, weights and how much training is behind them. */
export interface ModelState {
  config: ModelConfig;
  weights: WeightSnapshot;
  trained: boolean;
  steps: number;
  epochs: number;
}

/**
 * A fresh TensorFlow.js model holding `state`'s weights, with Digit Lab's metadata attached so
 * saved and downloaded files remember their training. The caller disposes it.
 */
export function modelFromState(state: ModelState, trainConfig: TrainConfig | null): tf.Sequential {
  const model = createModel(state.config);
  writeWeights(model, state.weights);
  const meta: DigitLabMetadata = {
    trained: state.trained,
    steps: state.steps,
    epochs: state.epochs,
    ...(trainConfig ? { trainConfig } : {}),
  };
  model.setUserDefinedMetadata({ digitLab: meta });
  return model;
}
