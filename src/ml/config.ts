/** Optimizers the user can pick. */
export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;
/** An optimizer name. */
export type OptimizerName = (typeof OPTIMIZERS)[number];
/** Hidden-layer activations the user can pick (tutorial §2.1). */
export const ACTIVATIONS = ['relu', 'sigmoid'] as const;
/** An activation name. */
export type ActivationName = (typeof ACTIVATIONS)[number];
/**
 * How initial weights are drawn: PyTorch's default for Conv2d/Linear (weights and biases from
 * U(±1/√fan_in)), or Glorot uniform with zero biases (Keras's default).
 */
export const INITS = ['pytorch', 'glorot'] as const;
/** An initialisation name. */
export type InitName = (typeof INITS)[number];

/** Every hyperparameter of a run, serializable (and carried in the URL). */
export interface TrainConfig {
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  activation: ActivationName;
  init: InitName;
  seed: number;
}

/** The tutorial's settings: Adam, lr 0.001, batch 50, 10 epochs, PyTorch's initialisation. */
export const TUTORIAL_CONFIG: Readonly<TrainConfig> = Object.freeze({
  epochs: 10,
  batchSize: 50,
  learningRate: 0.001,
  optimizer: 'adam',
  activation: 'relu',
  init: 'pytorch',
  seed: 1,
});
