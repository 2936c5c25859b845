import * as tf from '@tensorflow/tfjs';
import { MNIST_PIXELS, MNIST_SIDE } from './mnist/dataset';
import { LAYER_NAMES } from './model';
import type { WeightSnapshot } from './weights';

/** The layers whose activations the network view shows, in forward order. */
export const FEATURE_LAYERS = [
  { name: LAYER_NAMES.conv1, channels: 16, side: 28 },
  { name: LAYER_NAMES.pool1, channels: 16, side: 14 },
  { name: LAYER_NAMES.conv2, channels: 32, side: 14 },
  { name: LAYER_NAMES.pool2, channels: 32, side: 7 },
] as const;

/** A feature layer's name. */
export type FeatureLayerName = (typeof FEATURE_LAYERS)[number]['name'];

/** One layer's activations, channel-first: `data` has shape [channels, side, side]. */
export interface LayerMaps {
  channels: number;
  side: number;
  data: Float32Array;
  min: number;
  max: number;
}

/**
 * Activations for one input. conv1 [16, 28, 28] (after its activation), pool1 [16, 14, 14],
 * conv2 [32, 14, 14] (after its activation), pool2 [32, 7, 7].
 */
export type FeatureMaps = Record<FeatureLayerName, LayerMaps>;

/**
 * A model sharing the layers (and so the weights) of `model`, with the four feature layers as
 * outputs; dispose it with `.dispose()` only if the source model is gone too, since layers are shared.
 */
export function createFeatureModel(model: tf.LayersModel): tf.LayersModel {
  return tf.model({
    inputs: model.inputs,
    outputs: FEATURE_LAYERS.map((l) => model.getLayer(l.name).output as tf.SymbolicTensor),
  });
}

/** Map `index` of a layer as a view, shape [side, side]. */
export function mapAt(layer: LayerMaps, index: number): Float32Array {
  const size = layer.side * layer.side;
  return layer.data.subarray(index * size, (index + 1) * size);
}

/** The smallest and largest of the values (Infinity and -Infinity when there are none). */
export function minMax(data: Float32Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Runs one image (784 values in [0, 1]) through `featureModel`, reading all maps back at once. */
export async function computeFeatureMaps(
  featureModel: tf.LayersModel,
  pixels: Float32Array,
): Promise<FeatureMaps> {
  if (pixels.length !== MNIST_PIXELS) {
    throw new Error(`expected ${MNIST_PIXELS} pixels (28×28), got ${pixels.length}`);
  }
  // One concatenated tensor, one readback: each GPU download costs far more than the copy.
  const all = tf.tidy(() => {
    const outs = featureModel.predict(
      tf.tensor4d(pixels, [1, MNIST_SIDE, MNIST_SIDE, 1]),
    ) as tf.Tensor4D[];
    return tf.concat(outs.map((o) => o.transpose([0, 3, 1, 2]).reshape([-1])));
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
  return maps;
}

/** A conv layer's kernels, `data` shape [outChannels, inChannels, size, size]. */
export interface KernelSet {
  outChannels: number;
  inChannels: number;
  size: number;
  data: Float32Array;
  /** Largest absolute weight, for a symmetric diverging colour scale. */
  maxAbs: number;
}

/** Kernel `out`←`in` of a set as a view, shape [size, size]. */
export function kernelAt(set: KernelSet, out: number, inChannel: number): Float32Array {
  const size = set.size * set.size;
  const start = (out * set.inChannels + inChannel) * size;
  return set.data.subarray(start, start + size);
}

/** Reorders a conv layer's kernel ([size, size, in, out] in TensorFlow.js) into a KernelSet. */
export function kernelsOf(weights: WeightSnapshot, layer: string): KernelSet {
  const w = weights.find((t) => t.name === `${layer}/kernel`);
  if (!w || w.shape.length !== 4) throw new Error(`no 4-D kernel named ${layer}/kernel`);
  const [size, size2, inChannels, outChannels] = w.shape;
  if (size !== size2) throw new Error(`${layer}/kernel is not square: [${w.shape.join(', ')}]`);
  const data = new Float32Array(w.data.length);
  let maxAbs = 0;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      for (let i = 0; i < inChannels; i++) {
        for (let o = 0; o < outChannels; o++) {
          const v = w.data[((r * size + c) * inChannels + i) * outChannels + o];
          data[((o * inChannels + i) * size + r) * size + c] = v;
          if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
        }
      }
    }
  }
  return { outChannels, inChannels, size, data, maxAbs };
}
