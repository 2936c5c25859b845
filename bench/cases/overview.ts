// The network overview after an input change (forward pass with every layer read back, then every
// map painted as the panel paints it), and the gradient saliency beside it. The overview aims at
// ≤ 50 ms on WASM: `npm run bench -- --backend wasm --cases overview`.
import { setupBackend, type BackendChoice } from '../../src/ml/backend';
import { colorOf } from '../../src/components/colormap';
import { explainConv } from '../../src/ml/explain/conv-terms';
import { computeOverview, createOverviewModel, type Overview } from '../../src/ml/explain/overview';
import { gradientSaliency } from '../../src/ml/explain/saliency';
import { FEATURE_LAYERS, kernelsOf, mapAt } from '../../src/ml/features';
import { bytesToInput } from '../../src/ml/inference';
import { imageAt } from '../../src/ml/mnist/dataset';
import { createModel } from '../../src/ml/model';
import { readWeights } from '../../src/ml/weights';
import { WASM_BINARY_URLS } from '../../src/ml/wasm/wasm-urls';
import { median, round, type BenchContext } from '../bench-context';

const WARMUP = 3;
const RUNS = 30;

/** Paints every map of the overview into its own canvas, cell by cell as HeatmapCanvas does. */
function paint(overview: Overview, canvases: CanvasRenderingContext2D[]): void {
  let k = 0;
  for (const { name, channels } of FEATURE_LAYERS) {
    const layer = overview.maps[name];
    for (let c = 0; c < channels; c++) {
      const ctx = canvases[k++];
      const values = mapAt(layer, c);
      const img = ctx.createImageData(layer.side, layer.side);
      for (let i = 0; i < values.length; i++) {
        const [r, g, b] = colorOf('sequential', values[i], layer.min, layer.max);
        img.data.set([r, g, b, 255], i * 4);
      }
      ctx.putImageData(img, 0, 0);
    }
  }
}

function stats(samples: number[]) {
  const sorted = samples.slice().sort((a, b) => a - b);
  return {
    median_ms: round(median(samples), 2),
    min_ms: round(sorted[0], 2),
    max_ms: round(sorted[sorted.length - 1], 2),
    runs: samples.length,
  };
}

/** Bench-page entry: overview update, saliency and one conv2 explanation, per backend. */
export async function run(ctx: BenchContext): Promise<void> {
  const { data } = await ctx.mnist();
  const inputs = Array.from({ length: RUNS + WARMUP }, (_, i) =>
    bytesToInput(imageAt(data.test, i)),
  );
  const canvases = FEATURE_LAYERS.flatMap(({ channels, side }) =>
    Array.from({ length: channels }, () => {
      const canvas = document.createElement('canvas');
      canvas.width = side;
      canvas.height = side;
      return canvas.getContext('2d')!;
    }),
  );
  for (const backend of ctx.options.backends) {
    const setup = await setupBackend(backend as BackendChoice, {
      wasmPaths: WASM_BINARY_URLS,
      navigator,
    });
    const model = createModel({ activation: 'relu', seed: 1 });
    const overviewModel = createOverviewModel(model);
    const weights = readWeights(model);
    const kernels = kernelsOf(weights, 'conv2');
    const bias = weights.find((w) => w.name === 'conv2/bias')!.data;
    const update: number[] = [];
    const forward: number[] = [];
    const saliency: number[] = [];
    const explain: number[] = [];
    // A new test image each run: every update follows an input change.
    for (const [i, pixels] of inputs.entries()) {
      const t0 = performance.now();
      const overview = await computeOverview(overviewModel, pixels);
      const t1 = performance.now();
      paint(overview, canvases);
      const t2 = performance.now();
      gradientSaliency(model, pixels, overview.digit);
      const t3 = performance.now();
      explainConv(overview.maps.pool1, kernels, bias, i % 32, 7, 7, 'relu');
      const t4 = performance.now();
      if (i < WARMUP) continue;
      forward.push(t1 - t0);
      update.push(t2 - t0);
      saliency.push(t3 - t2);
      explain.push(t4 - t3);
    }
    const records = {
      update: update,
      forward_readback: forward,
      saliency_gradient: saliency,
      conv2_explain: explain,
    };
    for (const [name, samples] of Object.entries(records)) {
      ctx.emit({
        case: `overview.${name}`,
        backend: setup.backend,
        ...stats(samples),
        ...(name === 'update' ? { target_ms: 50 } : {}),
      });
    }
    model.dispose();
  }
}
