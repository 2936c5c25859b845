import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkUploadSizes,
  layersModelFiles,
  MAX_MODEL_JSON_BYTES,
  parseModelFiles,
  type UploadedFile,
} from '../../src/ml/model-files';
import { ModelFileError, type ModelFileProblem } from '../../src/ml/model-file-error';
import { createModel, type ModelConfig } from '../../src/ml/model';
import { readWeights } from '../../src/ml/weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type ModelJson = Record<string, unknown> & {
  modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  weightsManifest: {
    paths: string[];
    weights: { name: string; shape: number[]; dtype: string }[];
  }[];
};

/** The two files `tf.io.browserDownloads('digit-lab-cnn')` writes for a model, built in memory. */
async function modelFiles(model: tf.LayersModel): Promise<{ json: ModelJson; bin: ArrayBuffer }> {
  let out: { json: ModelJson; bin: ArrayBuffer } | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      out = {
        json: {
          modelTopology: a.modelTopology,
          format: 'layers-model',
          generatedBy: a.generatedBy,
          convertedBy: null,
          weightsManifest: [{ paths: ['./digit-lab-cnn.weights.bin'], weights: a.weightSpecs }],
          userDefinedMetadata: a.userDefinedMetadata,
        } as unknown as ModelJson,
        bin: a.weightData as ArrayBuffer,
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return out!;
}

const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).buffer as ArrayBuffer;
const upload = (json: unknown, bin: ArrayBuffer, binName = 'digit-lab-cnn.weights.bin') => [
  { name: 'digit-lab-cnn.json', bytes: encode(json) },
  { name: binName, bytes: bin },
];

let good: { json: ModelJson; bin: ArrayBuffer };
let goodModel: tf.Sequential;
// Glorot, so the test also shows the initialisation is read back from the initializer's class.
const config: ModelConfig = { activation: 'sigmoid', seed: 4, init: 'glorot' };
beforeAll(async () => {
  goodModel = createModel(config);
  goodModel.setUserDefinedMetadata({ digitLab: { trained: true, steps: 1200, epochs: 1 } });
  good = await modelFiles(goodModel);
});

/** A deep copy of the good model.json, changed by `edit`. */
function broken(edit: (json: ModelJson) => void): ModelJson {
  const json = structuredClone(good.json);
  edit(json);
  return json;
}

function problemOf(files: UploadedFile[]): ModelFileProblem {
  try {
    parseModelFiles(files);
  } catch (err) {
    if (err instanceof ModelFileError) return err.problem;
    throw err;
  }
  throw new Error('expected the files to be rejected');
}

describe('parseModelFiles accepts', () => {
  it('our own download, with its weights, config and metadata', () => {
    const parsed = parseModelFiles(upload(good.json, good.bin));
    expect(parsed.config).toEqual(config);
    expect(parsed.metadata).toEqual({ trained: true, steps: 1200, epochs: 1 });
    const want = readWeights(goodModel);
    expect(parsed.weights.map((w) => [w.name, w.shape])).toEqual(
      want.map((w) => [w.name, w.shape]),
    );
    parsed.weights.forEach((w, i) => expect(w.data).toEqual(want[i].data));
  });

  it('the same CNN with other layer names, sharded weights, in a file list order of its own', () => {
    const json = broken((j) => {
      j.modelTopology.config.layers.forEach((l, i) => (l.config.name = `layer_${i}`));
      for (const w of j.weightsManifest[0].weights)
        w.name = w.name.replace(
          /^[a-z0-9]+/,
          (n) => `layer_${['conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'out'].indexOf(n)}`,
        );
      j.weightsManifest[0].paths = ['group1-shard1of2.bin', 'group1-shard2of2.bin'];
    });
    const parsed = parseModelFiles([
      { name: 'group1-shard2of2.bin', bytes: good.bin.slice(50_000) },
      { name: 'model.json', bytes: encode(json) },
      { name: 'group1-shard1of2.bin', bytes: good.bin.slice(0, 50_000) },
    ]);
    expect(parsed.weights.map((w) => w.name)).toEqual(readWeights(goodModel).map((w) => w.name));
    expect(parsed.weights[4].data).toEqual(readWeights(goodModel)[4].data);
  });
});

describe('parseModelFiles rejects, naming the problem', () => {
  it('no model.json, or two of them', () => {
    expect(problemOf([{ name: 'x.bin', bytes: good.bin }]).code).toBe('noJson');
    expect(
      problemOf([...upload(good.json, good.bin), { name: 'b.json', bytes: encode({}) }]),
    ).toEqual({
      code: 'manyJson',
      params: { files: 'digit-lab-cnn.json, b.json' },
    });
  });

  it('a model.json over 5 MB', () => {
    const big = new Uint8Array(MAX_MODEL_JSON_BYTES + 1).fill(32).buffer;
    expect(
      problemOf([
        { name: 'model.json', bytes: big },
        { name: 'w.bin', bytes: good.bin },
      ]),
    ).toMatchObject({
      code: 'jsonTooLarge',
      params: { bytes: MAX_MODEL_JSON_BYTES + 1 },
    });
  });

  it('a file that is not JSON (text, binary, truncated)', () => {
    const text = new TextEncoder().encode('hello, not json').buffer as ArrayBuffer;
    expect(problemOf([{ name: 'model.json', bytes: text }]).code).toBe('notJson');
    expect(
      problemOf([{ name: 'model.json', bytes: new Uint8Array([0xff, 0xfe, 0, 1]).buffer }]).code,
    ).toBe('notJson');
    const cut = encode(good.json).slice(0, 500);
    expect(
      problemOf([
        { name: 'model.json', bytes: cut },
        { name: 'digit-lab-cnn.weights.bin', bytes: good.bin },
      ]),
    ).toMatchObject({
      code: 'notJson',
      params: { file: 'model.json' },
    });
  });

  it('JSON that is not a layers model', () => {
    expect(problemOf(upload([1, 2, 3], good.bin)).code).toBe('notLayersModel');
    expect(problemOf(upload({ hello: 'world' }, good.bin))).toMatchObject({
      code: 'notLayersModel',
      params: { reason: 'no modelTopology' },
    });
    expect(problemOf(upload({ ...good.json, format: 'graph-model' }, good.bin)).code).toBe(
      'notLayersModel',
    );
    expect(problemOf(upload({ ...good.json, weightsManifest: undefined }, good.bin))).toMatchObject(
      {
        code: 'notLayersModel',
        params: { reason: 'no weightsManifest' },
      },
    );
  });

  it('another architecture: a different layer, layer count, filters, kernel, pooling, units, input, activation', async () => {
    const dense = tf.sequential({
      layers: [tf.layers.flatten({ inputShape: [28, 28, 1] }), tf.layers.dense({ units: 10 })],
    });
    const other = await modelFiles(dense);
    expect(problemOf(upload(other.json, other.bin))).toMatchObject({
      code: 'wrongTopology',
      params: { reason: expect.stringMatching(/2 layers \(Flatten, Dense\), expected 6/) },
    });
    const cases: [(j: ModelJson) => void, RegExp][] = [
      [
        (j) => (j.modelTopology.config.layers[1].class_name = 'AveragePooling2D'),
        /layer 2 is AveragePooling2D, expected MaxPooling2D/,
      ],
      [
        (j) => (j.modelTopology.config.layers[0].config.filters = 8),
        /conv1 has 8 filters, expected 16/,
      ],
      [
        (j) => (j.modelTopology.config.layers[2].config.kernel_size = [3, 3]),
        /conv2 kernel \[3,3\]/,
      ],
      [(j) => (j.modelTopology.config.layers[2].config.padding = 'valid'), /padding valid/],
      [(j) => (j.modelTopology.config.layers[3].config.pool_size = [3, 3]), /pool2 pool \[3,3\]/],
      [(j) => (j.modelTopology.config.layers[5].config.units = 12), /out has 12 units/],
      [
        (j) => (j.modelTopology.config.layers[5].config.activation = 'softmax'),
        /activation softmax, expected linear/,
      ],
      [
        (j) => (j.modelTopology.config.layers[0].config.batch_input_shape = [null, 32, 32, 3]),
        /input shape \[null,32,32,3\]/,
      ],
      [
        (j) => (j.modelTopology.config.layers[2].config.activation = 'tanh'),
        /conv2 activation tanh/,
      ],
      [(j) => j.modelTopology.config.layers.pop(), /5 layers/],
    ];
    for (const [edit, reason] of cases) {
      const p = problemOf(upload(broken(edit), good.bin));
      expect(p.code).toBe('wrongTopology');
      expect((p.params as { reason: string }).reason).toMatch(reason);
    }
  });

  it('weights of the wrong shape, dtype, name or count', () => {
    const cases: [(j: ModelJson) => void, RegExp][] = [
      [
        (j) => (j.weightsManifest[0].weights[0].shape = [3, 3, 1, 16]),
        /conv1\/kernel has shape \[3, 3, 1, 16\], expected \[5, 5, 1, 16\]/,
      ],
      [(j) => (j.weightsManifest[0].weights[5].shape = [10, 1]), /out\/bias has shape \[10, 1\]/],
      [
        (j) => (j.weightsManifest[0].weights[1].dtype = 'int32'),
        /conv1\/bias is int32, expected float32/,
      ],
      [
        (j) => (j.weightsManifest[0].weights[2].name = 'conv9/kernel'),
        /no weight named conv2\/kernel/,
      ],
      [
        (j) => j.weightsManifest[0].weights.push({ name: 'extra', shape: [1], dtype: 'float32' }),
        /7 weights listed, expected 6/,
      ],
      [
        (j) =>
          Object.assign(j.weightsManifest[0].weights[0], {
            quantization: { dtype: 'uint8', scale: 1, min: 0 },
          }),
        /quantized float32/,
      ],
    ];
    for (const [edit, reason] of cases) {
      const p = problemOf(upload(broken(edit), good.bin));
      expect(p.code).toBe('wrongWeights');
      expect((p.params as { reason: string }).reason).toMatch(reason);
    }
  });

  it('a missing, truncated, padded or absurdly large weight file', () => {
    expect(problemOf([{ name: 'digit-lab-cnn.json', bytes: encode(good.json) }])).toEqual({
      code: 'missingFile',
      params: { file: 'digit-lab-cnn.weights.bin' },
    });
    expect(problemOf(upload(good.json, good.bin, 'other.bin')).code).toBe('missingFile');
    expect(problemOf(upload(good.json, good.bin.slice(0, 100_000)))).toEqual({
      code: 'wrongSize',
      params: { files: 'digit-lab-cnn.weights.bin', expected: 115_752, actual: 100_000 },
    });
    const padded = new Uint8Array(115_756);
    padded.set(new Uint8Array(good.bin));
    expect(problemOf(upload(good.json, padded.buffer)).code).toBe('wrongSize');
    expect(problemOf(upload(good.json, new ArrayBuffer(11 * 1024 * 1024)))).toMatchObject({
      code: 'weightsTooLarge',
    });
  });

  it('weights that are NaN or infinite', () => {
    const bad = good.bin.slice(0);
    new Float32Array(bad)[416 + 20] = NaN; // inside conv2's kernel
    expect(problemOf(upload(good.json, bad))).toEqual({
      code: 'notFinite',
      params: { weight: 'conv2/kernel' },
    });
  });

  it('weights that are finite but overflow a forward pass (a file full of 3e38)', () => {
    const bad = good.bin.slice(0);
    new Float32Array(bad).fill(3e38);
    expect(problemOf(upload(good.json, bad))).toEqual({ code: 'overflows', params: {} });
  });
});

it('ignores metadata of the wrong types', () => {
  const json = broken(
    (j) =>
      (j.userDefinedMetadata = {
        digitLab: { trained: 'yes', steps: -3, epochs: 2, trainConfig: { epochs: 'x' } },
      }),
  );
  expect(parseModelFiles(upload(json, good.bin)).metadata).toEqual({ epochs: 2 });
});

it('drops counts no run could reach instead of showing them', () => {
  const json = broken(
    (j) => (j.userDefinedMetadata = { digitLab: { trained: true, steps: 1e308, epochs: 1e6 } }),
  );
  expect(parseModelFiles(upload(json, good.bin)).metadata).toEqual({ trained: true });
});

it('refuses oversized files by size before reading them', () => {
  expect(() =>
    checkUploadSizes([
      { name: 'model.json', size: 5_000 },
      { name: 'w.bin', size: 115_752 },
    ]),
  ).not.toThrow();
  expect(() => checkUploadSizes([{ name: 'model.json', size: 6e6 }])).toThrow(/jsonTooLarge/);
  expect(() =>
    checkUploadSizes([
      { name: 'model.json', size: 5_000 },
      { name: 'a.bin', size: 6e6 },
      { name: 'b.bin', size: 6e6 },
    ]),
  ).toThrow(/weightsTooLarge/);
});

it('writes files that stock loading and our checks both read back unchanged', async () => {
  const files = await layersModelFiles(goodModel, 'digit-lab-cnn');
  expect(files.weightsName).toBe('digit-lab-cnn.weights.bin');
  const json = JSON.parse(files.json) as ModelJson;
  expect(json.weightsManifest[0].paths).toEqual(['./digit-lab-cnn.weights.bin']);
  const parsed = parseModelFiles([
    { name: 'digit-lab-cnn.json', bytes: encode(json) },
    { name: files.weightsName, bytes: files.weights },
  ]);
  expect(parsed.metadata.epochs).toBe(1);
  const stock = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights as tf.io.WeightsManifestEntry[],
      weightData: files.weights,
    }),
  );
  const x = tf.randomUniform([3, 28, 28, 1], 0, 1, 'float32', 5);
  const a = (stock.predict(x) as tf.Tensor).arraySync();
  const b = (goodModel.predict(x) as tf.Tensor).arraySync();
  expect(a).toEqual(b);
  tf.dispose([x]);
  stock.dispose();
});
