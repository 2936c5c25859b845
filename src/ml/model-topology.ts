// Checks a saved layers-model topology against the tutorial CNN, layer by layer.
import { ACTIVATIONS, type ActivationName, type InitName } from './config';
import { fail, isRecord } from './model-file-error';
import { MNIST_SIDE, NUM_CLASSES } from './mnist/dataset';
import { LAYER_NAMES } from './model';

/** One layer of the tutorial CNN as a saved topology describes it. */
export interface LayerSpec {
  className: string;
  /** Weight shapes, kernel then bias, in the saved file's layout. */
  weights: number[][];
  check: (config: Record<string, unknown>) => string | null;
}

/** Deep equality of plain JSON values. */
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function conv(filters: number, inChannels: number): LayerSpec {
  return {
    className: 'Conv2D',
    weights: [[5, 5, inChannels, filters], [filters]],
    check: (c) =>
      c.filters !== filters
        ? `has ${String(c.filters)} filters, expected ${filters}`
        : !same(c.kernel_size, [5, 5])
          ? `kernel ${JSON.stringify(c.kernel_size)}, expected [5,5]`
          : !same(c.strides, [1, 1]) || c.padding !== 'same'
            ? `stride ${JSON.stringify(c.strides)} padding ${String(c.padding)}, expected stride [1,1] padding same`
            : null,
  };
}
const pool: LayerSpec = {
  className: 'MaxPooling2D',
  weights: [],
  check: (c) =>
    same(c.pool_size, [2, 2]) && same(c.strides, [2, 2])
      ? null
      : `pool ${JSON.stringify(c.pool_size)} stride ${JSON.stringify(c.strides)}, expected 2×2 stride 2`,
};
const FLAT = 7 * 7 * 32;
/** Layer names as createModel names them, in order. */
export const OUR_LAYERS = Object.values(LAYER_NAMES);

/** The tutorial CNN, layer by layer, as `createModel` builds it. */
export const EXPECTED_LAYERS: LayerSpec[] = [
  conv(16, 1),
  pool,
  conv(32, 16),
  pool,
  { className: 'Flatten', weights: [], check: () => null },
  {
    className: 'Dense',
    weights: [[FLAT, NUM_CLASSES], [NUM_CLASSES]],
    check: (c) =>
      c.units !== NUM_CLASSES
        ? `has ${String(c.units)} units, expected ${NUM_CLASSES}`
        : c.activation !== 'linear'
          ? `activation ${String(c.activation)}, expected linear (logits)`
          : null,
  },
];

/** The layer list of a Sequential topology (plain or wrapped in model_config). */
export function topologyLayers(
  json: Record<string, unknown>,
  file: string,
): Record<string, unknown>[] {
  let topo = json.modelTopology;
  if (isRecord(topo) && isRecord(topo.model_config)) topo = topo.model_config;
  if (!isRecord(topo) || !isRecord(topo.config)) {
    fail({ code: 'notLayersModel', params: { file, reason: 'no modelTopology' } });
  }
  if (topo.class_name !== 'Sequential') {
    fail({
      code: 'wrongTopology',
      params: { reason: `a ${String(topo.class_name)} model, expected Sequential` },
    });
  }
  const layers = topo.config.layers;
  if (!Array.isArray(layers) || !layers.every(isRecord)) {
    fail({ code: 'notLayersModel', params: { file, reason: 'modelTopology has no layer list' } });
  }
  return layers;
}

/** Checks the topology against the tutorial CNN; returns layer names and the activation. */
export function checkTopology(layers: Record<string, unknown>[]): {
  names: string[];
  activation: ActivationName;
  seed: number;
  init: InitName;
} {
  const classes = layers.map((l) => String(l.class_name));
  if (layers.length !== EXPECTED_LAYERS.length) {
    fail({
      code: 'wrongTopology',
      params: {
        reason: `${layers.length} layers (${classes.join(', ')}), expected ${EXPECTED_LAYERS.length} (${EXPECTED_LAYERS.map((l) => l.className).join(', ')})`,
      },
    });
  }
  const names: string[] = [];
  let activation: ActivationName | null = null;
  layers.forEach((layer, i) => {
    const spec = EXPECTED_LAYERS[i];
    const config = isRecord(layer.config) ? layer.config : {};
    const name = typeof config.name === 'string' ? config.name : `layer ${i + 1}`;
    if (layer.class_name !== spec.className) {
      fail({
        code: 'wrongTopology',
        params: { reason: `layer ${i + 1} is ${classes[i]}, expected ${spec.className}` },
      });
    }
    const problem = spec.check(config);
    if (problem) fail({ code: 'wrongTopology', params: { reason: `layer ${name} ${problem}` } });
    if (spec.className === 'Conv2D') {
      const act = config.activation;
      if (!ACTIVATIONS.includes(act as ActivationName) || (activation && act !== activation)) {
        fail({
          code: 'wrongTopology',
          params: {
            reason: `layer ${name} activation ${String(act)}, expected ${activation ?? ACTIVATIONS.join(' or ')}`,
          },
        });
      }
      activation = act as ActivationName;
    }
    names.push(name);
  });
  const input = (layers[0].config as Record<string, unknown>).batch_input_shape;
  if (!same(input, [null, MNIST_SIDE, MNIST_SIDE, 1])) {
    fail({
      code: 'wrongTopology',
      params: { reason: `input shape ${JSON.stringify(input)}, expected [null,28,28,1]` },
    });
  }
  // createModel seeds conv1's initializer with seed * 101 + 1; recover it when it is there.
  const init = (layers[0].config as Record<string, unknown>).kernel_initializer;
  const s = isRecord(init) && isRecord(init.config) ? init.config.seed : null;
  const seed = typeof s === 'number' && (s - 1) % 101 === 0 ? (s - 1) / 101 : 1;
  // tfjs saves glorotUniform as VarianceScaling; files from before PyTorch's initialisation became
  // the default all say that, ours since say RandomUniform.
  const glorot = isRecord(init) && init.class_name !== 'RandomUniform';
  return { names, activation: activation ?? 'relu', seed, init: glorot ? 'glorot' : 'pytorch' };
}
