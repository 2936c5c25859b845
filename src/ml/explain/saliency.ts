import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS, MNIST_SIDE } from '../mnist/dataset';

/** Where the input pushes one class score: the score's gradient per pixel. */
export interface Saliency {
  digit: number;
  /** ∂ score[digit] / ∂ pixel, row-major 28 × 28. Positive: brighter ink there raises the score. */
  gradient: Float32Array;
  /** Largest |gradient|, for a symmetric colour scale. */
  maxAbs: number;
}

/**
 * The gradient of class `digit`'s score (the logit, before softmax, which would flatten it once the
 * model is sure) with respect to each input pixel: one backward pass.
 */
export function gradientSaliency(
  model: tf.LayersModel,
  pixels: Float32Array,
  digit: number,
): Saliency {
  if (pixels.length !== MNIST_PIXELS) {
    throw new Error(`expected ${MNIST_PIXELS} pixels (28×28), got ${pixels.length}`);
  }
  const gradient = tf.tidy(() => {
    const score = (x: tf.Tensor) => (model.apply(x) as tf.Tensor2D).slice([0, digit], [1, 1]).sum();
    const x = tf.tensor4d(pixels, [1, MNIST_SIDE, MNIST_SIDE, 1]);
    return tf.grad(score)(x).dataSync() as Float32Array;
  });
  let maxAbs = 0;
  for (const g of gradient) if (Math.abs(g) > maxAbs) maxAbs = Math.abs(g);
  return { digit, gradient, maxAbs };
}
