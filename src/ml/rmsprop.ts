import * as tf from '@tensorflow/tfjs';

/**
 * RMSprop as PyTorch computes it: v ← αv + (1−α)g², p ← p − lr·g / (√v + ε). TensorFlow.js's
 * rmsprop divides by √(v + ε) instead, which damps small gradients: with g = 1e-6 its first step
 * is about 1,000 times smaller than PyTorch's. Defaults are PyTorch's (α 0.99, ε 1e-8, no momentum).
 */
export class TorchRMSprop extends tf.Optimizer {
  /** The name tfjs serialization would use. */
  static get className(): string {
    return 'TorchRMSprop';
  }
  private readonly squareAvg = new Map<string, tf.Variable>();

  constructor(
    private readonly learningRate: number,
    private readonly alpha = 0.99,
    private readonly epsilon = 1e-8,
  ) {
    super();
  }

  /** One step for each variable named in `gradients`. */
  applyGradients(gradients: tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[]): void {
    const list = Array.isArray(gradients)
      ? gradients
      : Object.entries(gradients).map(([name, tensor]) => ({ name, tensor }));
    for (const { name, tensor: grad } of list) {
      if (grad == null) continue;
      const param = tf.engine().registeredVariables[name];
      let avg = this.squareAvg.get(name);
      if (!avg) {
        avg = tf.tidy(() => tf.zerosLike(param).variable(false));
        this.squareAvg.set(name, avg);
      }
      const v = avg;
      tf.tidy(() => {
        const next = v.mul(this.alpha).add(grad.square().mul(1 - this.alpha));
        v.assign(next);
        param.assign(param.sub(grad.div(next.sqrt().add(this.epsilon)).mul(this.learningRate)));
      });
    }
    this.incrementIterations();
  }

  /** Frees the running averages. */
  dispose(): void {
    tf.dispose([...this.squareAvg.values()]);
    this.squareAvg.clear();
  }

  /** The constants, as tfjs optimizers report theirs. */
  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, alpha: this.alpha, epsilon: this.epsilon };
  }
}
