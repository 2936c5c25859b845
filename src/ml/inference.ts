import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS, MNIST_SIDE } from './mnist/dataset';

/** A prediction for one image: raw logits and softmax probabilities, each length 10. */
export interface Prediction {
  logits: Float32Array;
  probabilities: Float32Array;
  /** The most probable digit. */
  digit: number;
}

/** Predicts one image given as 784 values in [0, 1] (row-major 28×28). */
export function predictOne(model: tf.LayersModel, pixels: Float32Array): Prediction {
  if (pixels.length !== MNIST_PIXELS) {
    throw new Error(`expected ${MNIST_PIXELS} pixels (28×28), got ${pixels.length}`);
  }
  const [logits, probabilities] = tf.tidy(() => {
    const out = model.predict(tf.tensor4d(pixels, [1, MNIST_SIDE, MNIST_SIDE, 1])) as tf.Tensor;
    return [out.dataSync() as Float32Array, tf.softmax(out).dataSync() as Float32Array];
  });
  let digit = 0;
  probabilities.forEach((p, i) => {
    if (p > probabilities[digit]) digit = i;
  });
  return { logits, probabilities, digit };
}

/** Scales MNIST bytes (0–255) to the network's [0, 1] input. */
export function bytesToInput(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] / 255;
  return out;
}
