import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './model';
import type { WeightSnapshot } from './weights';
import { fail, isRecord } from './model-file-error';
import { readMetadata, type DigitLabMetadata } from './model-metadata';
import { forwardStaysFinite } from './forward-bound';
import { checkTopology, EXPECTED_LAYERS, OUR_LAYERS, same, topologyLayers } from './model-topology';

/** Largest model.json we accept; ours is about 5 KB. */
export const MAX_MODEL_JSON_BYTES = 5 * 1024 * 1024;
/** Largest total of weight files we accept; ours are 115,752 bytes. */
export const MAX_WEIGHT_BYTES = 10 * 1024 * 1024;

/** An uploaded file: its name and bytes. */
export interface UploadedFile {
  name: string;
  bytes: ArrayBuffer;
}

/** A checked model ready to become the current model. */
export interface ParsedModelFiles {
  config: ModelConfig;
  weights: WeightSnapshot;
  metadata: DigitLabMetadata;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantized: boolean;
}

function readManifest(json: Record<string, unknown>, file: string) {
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) {
    fail({ code: 'notLayersModel', params: { file, reason: 'no weightsManifest' } });
  }
  return manifest.map((group) => {
    if (!isRecord(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      fail({
        code: 'notLayersModel',
        params: { file, reason: 'a weightsManifest group lacks paths or weights' },
      });
    }
    const paths = group.paths.map(String);
    const weights: ManifestEntry[] = group.weights.map((w) => {
      const ok =
        isRecord(w) &&
        typeof w.name === 'string' &&
        Array.isArray(w.shape) &&
        w.shape.every((d) => Number.isInteger(d) && (d as number) >= 0);
      if (!ok) {
        fail({
          code: 'notLayersModel',
          params: { file, reason: 'a weight entry lacks name or shape' },
        });
      }
      return {
        name: w.name as string,
        shape: w.shape as number[],
        dtype: String(w.dtype ?? 'float32'),
        quantized: w.quantization != null,
      };
    });
    return { paths, weights };
  });
}

function concat(buffers: ArrayBuffer[]): ArrayBuffer {
  const out = new Uint8Array(buffers.reduce((a, b) => a + b.byteLength, 0));
  let at = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out.buffer;
}

/**
 * Checks uploaded TensorFlow.js layers-model files (one model.json plus its weight files) against
 * the tutorial CNN and returns its weights. Throws `ModelFileError` naming the first problem.
 */
export function parseModelFiles(files: UploadedFile[]): ParsedModelFiles {
  const jsons = files.filter((f) => /\.json$/i.test(f.name));
  if (jsons.length === 0) fail({ code: 'noJson', params: {} });
  if (jsons.length > 1) {
    fail({ code: 'manyJson', params: { files: jsons.map((f) => f.name).join(', ') } });
  }
  const jsonFile = jsons[0];
  const file = jsonFile.name;
  if (jsonFile.bytes.byteLength > MAX_MODEL_JSON_BYTES) {
    fail({
      code: 'jsonTooLarge',
      params: { file, bytes: jsonFile.bytes.byteLength, max: MAX_MODEL_JSON_BYTES },
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(jsonFile.bytes));
  } catch (err) {
    fail({
      code: 'notJson',
      params: { file, reason: err instanceof Error ? err.message : String(err) },
    });
  }
  if (!isRecord(json)) {
    fail({ code: 'notLayersModel', params: { file, reason: 'not a JSON object' } });
  }
  if (json.format !== undefined && json.format !== 'layers-model') {
    fail({
      code: 'notLayersModel',
      params: { file, reason: `format "${String(json.format)}", expected "layers-model"` },
    });
  }
  const layers = topologyLayers(json, file);
  const { names, activation, seed, init } = checkTopology(layers);
  const groups = readManifest(json, file);

  // Every expected weight, by its name in the file ("<layer>/kernel") and in createModel's model.
  const expected = EXPECTED_LAYERS.flatMap((spec, i) =>
    spec.weights.map((shape, j) => {
      const suffix = j === 0 ? 'kernel' : 'bias';
      return { name: `${names[i]}/${suffix}`, ours: `${OUR_LAYERS[i]}/${suffix}`, shape };
    }),
  );
  const entries = groups.flatMap((g) => g.weights);
  for (const e of entries) {
    if (e.dtype !== 'float32' || e.quantized) {
      fail({
        code: 'wrongWeights',
        params: {
          reason: `${e.name} is ${e.quantized ? 'quantized ' : ''}${e.dtype}, expected float32`,
        },
      });
    }
  }
  for (const want of expected) {
    const got = entries.find((e) => e.name === want.name);
    if (!got) fail({ code: 'wrongWeights', params: { reason: `no weight named ${want.name}` } });
    if (!same(got.shape, want.shape)) {
      fail({
        code: 'wrongWeights',
        params: {
          reason: `${want.name} has shape [${got.shape.join(', ')}], expected [${want.shape.join(', ')}]`,
        },
      });
    }
  }
  if (entries.length !== expected.length) {
    fail({
      code: 'wrongWeights',
      params: { reason: `${entries.length} weights listed, expected ${expected.length}` },
    });
  }

  // Weight files: all present, not absurd, and exactly as long as the manifest says.
  const byName = new Map(files.map((f) => [baseName(f.name), f]));
  const groupBytes = groups.map((g) => {
    const buffers = g.paths.map((p) => {
      const f = byName.get(baseName(p));
      if (!f) fail({ code: 'missingFile', params: { file: baseName(p) } });
      return f.bytes;
    });
    return { g, buffers };
  });
  const totalBytes = groupBytes.reduce(
    (a, { buffers }) => a + buffers.reduce((s, b) => s + b.byteLength, 0),
    0,
  );
  if (totalBytes > MAX_WEIGHT_BYTES) {
    fail({ code: 'weightsTooLarge', params: { bytes: totalBytes, max: MAX_WEIGHT_BYTES } });
  }
  const data = new Map<string, Float32Array>();
  for (const { g, buffers } of groupBytes) {
    const bytes = concat(buffers);
    const want = g.weights.reduce((a, w) => a + 4 * w.shape.reduce((x, y) => x * y, 1), 0);
    if (bytes.byteLength !== want) {
      fail({
        code: 'wrongSize',
        params: {
          files: g.paths.map(baseName).join(', '),
          expected: want,
          actual: bytes.byteLength,
        },
      });
    }
    let at = 0;
    for (const w of g.weights) {
      const n = w.shape.reduce((x, y) => x * y, 1);
      const values = new Float32Array(bytes, at, n);
      if (!values.every(Number.isFinite)) fail({ code: 'notFinite', params: { weight: w.name } });
      data.set(w.name, values);
      at += 4 * n;
    }
  }
  // In createModel's order and with its names, so writeWeights and saved files agree.
  const weights: WeightSnapshot = expected.map((w) => ({
    name: w.ours,
    shape: w.shape,
    data: data.get(w.name)!,
  }));
  // Finite but huge weights (3e38) overflow the first forward pass into NaN probabilities.
  if (!forwardStaysFinite(weights, activation)) fail({ code: 'overflows', params: {} });
  return { config: { activation, seed, init }, weights, metadata: readMetadata(json) };
}

/** Refuses absurdly large files by their sizes alone, before any of them is read into memory. */
export function checkUploadSizes(files: { name: string; size: number }[]): void {
  for (const f of files) {
    if (/\.json$/i.test(f.name) && f.size > MAX_MODEL_JSON_BYTES) {
      fail({
        code: 'jsonTooLarge',
        params: { file: f.name, bytes: f.size, max: MAX_MODEL_JSON_BYTES },
      });
    }
  }
  const weights = files.filter((f) => !/\.json$/i.test(f.name)).reduce((a, f) => a + f.size, 0);
  if (weights > MAX_WEIGHT_BYTES) {
    fail({ code: 'weightsTooLarge', params: { bytes: weights, max: MAX_WEIGHT_BYTES } });
  }
}

/** The two files of a TensorFlow.js layers model: model.json and its single weights file. */
export interface LayersModelFiles {
  json: string;
  weights: ArrayBuffer;
  weightsName: string;
}

/**
 * Writes a model as `tf.io.browserDownloads(prefix)` would: `<prefix>.json` naming
 * `<prefix>.weights.bin` in its manifest, loadable with stock `tf.loadLayersModel`.
 */
export async function layersModelFiles(
  model: tf.LayersModel,
  prefix: string,
): Promise<LayersModelFiles> {
  const weightsName = `${prefix}.weights.bin`;
  let files: LayersModelFiles | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      const weights = a.weightData;
      if (!(weights instanceof ArrayBuffer)) throw new Error('expected one weights buffer');
      const json = {
        modelTopology: a.modelTopology,
        format: 'layers-model',
        generatedBy: a.generatedBy,
        convertedBy: a.convertedBy ?? null,
        weightsManifest: [{ paths: [`./${weightsName}`], weights: a.weightSpecs }],
        ...(a.userDefinedMetadata ? { userDefinedMetadata: a.userDefinedMetadata } : {}),
      };
      files = { json: JSON.stringify(json), weights, weightsName };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return files!;
}
