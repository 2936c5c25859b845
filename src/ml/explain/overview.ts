import * as tf from '@tensorflow/tfjs';
import { FEATURE_LAYERS, minMax, type FeatureMaps } from '../features';
import { MNIST_PIXELS, MNIST_SIDE } from '../mnist/dataset';
import { LAYER_NAMES } from '../model';

/** Everything the overview draws for one input: the four feature layers and the class scores. */
export interface Overview {
  maps: FeatureMaps;
  /** The linear layer's outputs (class scores before softmax), length 10. */
  logits: Float32Array;
  /** Softmax of the logits, length 10, summing to 1. */
  probabilities: Float32Array;
  /** The most probable digit. */
  digit: number;
}

/**
 * A model sharing `model`'s layers (so it always holds the current weights) with the four feature
 * layers and the logits as outputs. Never dispose it apart from its source: the layers are shared.
 */
export function createOverviewModel(model: tf.LayersModel): tf.LayersModel {
  return tf.model({
    inputs: model.inputs,
    outputs: [
      ...FEATURE_LAYERS.map((l) => model.getLayer(l.name).output as tf.SymbolicTensor),
      model.getLayer(LAYER_NAMES.out).output as tf.SymbolicTensor,
    ],
  });
}

/** One forward pass of one image (784 values in [0, 1]) with a single readback of every output. */
export async function computeOverview(
  overviewModel: tf.LayersModel,
  pixels: Float32Array,
): Promise<Overview> {
  if (pixels.length !== MNIST_PIXELS) {
    throw new Error(`expected ${MNIST_PIXELS} pixels (28×28), got ${pixels.length}`);
  }
  // One concatenated tensor, one readback: on WebGL each download costs far more than the copy.
  const all = tf.tidy(() => {
    const outs = overviewModel.predict(
      tf.tensor4d(pixels, [1, MNIST_SIDE, MNIST_SIDE, 1]),
    ) as tf.Tensor[];
    const logits = outs[outs.length - 1] as tf.Tensor2D;
    const maps = outs.slice(0, -1).map((o) => o.transpose([0, 3, 1, 2]).reshape([-1]));
    return tf.concat([...maps, logits.reshape([-1]), tf.softmax(logits).reshape([-1])]);
  });
  const flat = (await all.data()) as Float32Array;
  all.dispose();
  const maps = {} as FeatureMaps;
  let offset = 0;
  for (const { name, channels, side } of FEATURE_LAYERS) {
    const data = flat.slice(offset, offset + channels * side * side);
    offset += data.length;
    maps[name] = { channels, side, data, ...minMax(data) };
  }
  const logits = flat.slice(offset, offset + 10);
  const probabilities = flat.slice(offset + 10, offset + 20);
  let digit = 0;
  probabilities.forEach((p, i) => {
    if (p > probabilities[digit]) digit = i;
  });
  return { maps, logits, probabilities, digit };
}
