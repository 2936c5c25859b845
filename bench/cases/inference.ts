import type * as tf from '@tensorflow/tfjs';
import { computeFeatureMaps, createFeatureModel } from '../../src/ml/features';
import { setupBackend, type BackendChoice } from '../../src/ml/backend';
import { predictOne } from '../../src/ml/inference';
import { createModel } from '../../src/ml/model';
import type { GrayImage } from '../../src/ml/image';
import { preprocess } from '../../src/ml/preprocess';
import { round, type BenchContext } from '../bench-context';
import { WASM_BINARY_URLS } from '../../src/ml/wasm/wasm-urls';

/** Median and spread of one timed case, in milliseconds. */
export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

function summarize(samples: number[]): Timing {
  const sorted = samples.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { medianMs, minMs: sorted[0], maxMs: sorted[sorted.length - 1], runs: sorted.length };
}

/** A 280 × 280 canvas-sized drawing of a "7" (two thick strokes), as the drawing pad hands it over. */
export function syntheticDrawing(side = 280): GrayImage {
  const data = new Float32Array(side * side);
  const radius = side / 28;
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    for (let t = 0; t <= 1; t += 0.005) {
      const cx = (x0 + (x1 - x0) * t) * side;
      const cy = (y0 + (y1 - y0) * t) * side;
      for (let y = Math.floor(cy - radius); y <= cy + radius; y++) {
        for (let x = Math.floor(cx - radius); x <= cx + radius; x++) {
          if ((x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2) data[y * side + x] = 1;
        }
      }
    }
  };
  line(0.25, 0.2, 0.75, 0.2);
  line(0.75, 0.2, 0.45, 0.85);
  return { data, width: side, height: side };
}

/** Drawn canvas → prediction (preprocess + predictOne), timed per run after `warmup` runs. */
export async function timeDrawnToPrediction(
  model: tf.LayersModel,
  { runs = 50, warmup = 5, drawing = syntheticDrawing() } = {},
): Promise<Timing> {
  const once = () => {
    const result = preprocess(drawing);
    if (result.status !== 'ok') throw new Error('the synthetic drawing has no ink');
    return predictOne(model, result.final).digit;
  };
  for (let i = 0; i < warmup; i++) once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    once();
    samples.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 0)); // let the page breathe, as between real strokes
  }
  return summarize(samples);
}

/** All four layers' feature maps for one input (one readback), timed per run after `warmup` runs. */
export async function timeFeatureMaps(
  model: tf.LayersModel,
  { runs = 20, warmup = 3, drawing = syntheticDrawing() } = {},
): Promise<Timing> {
  const result = preprocess(drawing);
  if (result.status !== 'ok') throw new Error('the synthetic drawing has no ink');
  const features = createFeatureModel(model);
  for (let i = 0; i < warmup; i++) await computeFeatureMaps(features, result.final);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await computeFeatureMaps(features, result.final);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** Preprocessing alone (no model), to separate its share of the prediction time. */
export function timePreprocess({ runs = 50, drawing = syntheticDrawing() } = {}): Timing {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    preprocess(drawing);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** Bench-page entry: drawing → prediction, feature maps and preprocessing, per backend. */
export async function run(ctx: BenchContext): Promise<void> {
  for (const backend of ctx.options.backends) {
    const setup = await setupBackend(backend as BackendChoice, {
      wasmPaths: WASM_BINARY_URLS,
      navigator,
    });
    const model = createModel({ activation: 'relu', seed: 1 });
    const timings = {
      drawn_to_prediction: await timeDrawnToPrediction(model),
      feature_maps: await timeFeatureMaps(model),
      preprocess: timePreprocess(),
    };
    for (const [name, t] of Object.entries(timings)) {
      ctx.emit({
        case: `inference.${name}`,
        backend: setup.backend,
        median_ms: round(t.medianMs, 2),
        min_ms: round(t.minMs, 2),
        max_ms: round(t.maxMs, 2),
        runs: t.runs,
      });
    }
    model.dispose();
  }
}
