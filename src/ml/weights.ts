import * as tf from '@tensorflow/tfjs';

/** One weight variable as plain data, e.g. conv1's kernel with shape [5, 5, 1, 16]. */
export interface WeightTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** All of a model's weights, in the model's own order; transferable between threads. */
export type WeightSnapshot = WeightTensor[];

/** Reads a model's weights out as plain arrays. */
export function readWeights(model: tf.LayersModel): WeightSnapshot {
  return model.weights.map((w) => {
    const value = w.read();
    return {
      name: w.originalName,
      shape: value.shape.slice(),
      data: value.dataSync() as Float32Array,
    };
  });
}

/** Writes a snapshot into a model of the same architecture; throws if names or shapes differ. */
export function writeWeights(model: tf.LayersModel, snapshot: WeightSnapshot): void {
  if (snapshot.length !== model.weights.length) {
    throw new Error(`expected ${model.weights.length} weight tensors, got ${snapshot.length}`);
  }
  const tensors = snapshot.map((w, i) => {
    const target = model.weights[i];
    const same =
      w.shape.length === target.shape.length && w.shape.every((d, j) => d === target.shape[j]);
    if (!same || w.data.length !== w.shape.reduce((a, b) => a * b, 1)) {
      throw new Error(
        `weight ${target.originalName}: expected shape [${target.shape.join(', ')}], got [${w.shape.join(', ')}]`,
      );
    }
    return tf.tensor(w.data, w.shape);
  });
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/** The buffers of a snapshot, for a postMessage transfer list. */
export function weightBuffers(snapshot: WeightSnapshot): ArrayBuffer[] {
  return snapshot.map((w) => w.data.buffer as ArrayBuffer);
}
