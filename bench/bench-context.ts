import type { MnistData } from '../src/ml/mnist/dataset';
import type { MnistLoadStats } from '../src/ml/mnist/load';
import type { ConvKernelMode } from '../src/ml/wasm/fma/conv-choice';

/** Options from the bench CLI, passed through the page URL. */
export interface BenchOptions {
  backends: string[];
  batches: number[];
  /** Training steps per measurement (ignored when `epochs` is set). */
  steps: number;
  /** Whole epochs to train, or null for `steps` steps. */
  epochs: number | null;
  /** Skip the full 10,000-image evaluation after training. */
  skipEval: boolean;
  /** WASM threads (`--threads`), or null for one per core. */
  threads: number | null;
  /** WASM convolution kernels (`--conv`): timed per shape, or forced. */
  conv: ConvKernelMode;
}

/** One measurement: printed by bench/run.mjs as one JSON line. */
export type BenchRecord = { case: string } & Record<string, string | number | boolean | null>;

/** What every case gets: the options, the dataset (loaded once), and a way to report. */
export interface BenchContext {
  options: BenchOptions;
  mnist: () => Promise<{ data: MnistData; stats: MnistLoadStats }>;
  emit: (record: BenchRecord) => void;
}

/** A bench case: a module in bench/cases/ exporting `run`. */
export interface BenchCase {
  run: (ctx: BenchContext) => Promise<void>;
  /** True for a case that runs only when `--cases` names it (e.g. kernel micro-benchmarks). */
  onRequestOnly?: boolean;
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Rounds to `digits` decimals, for readable JSON. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
