import type { TrainingHistory } from '../history';

/** What a run table shows about how a run went, beside its settings. */
export interface RunStats {
  /** The training worker's TensorFlow.js backend and its WASM threads, when known. */
  backend: string | null;
  threads: number | null;
  /** Seconds spent training (steps and evaluations, pauses excluded), when recorded. */
  seconds: number | null;
  /** Training images per second over the whole run. */
  imagesPerSecond: number | null;
  /** Accuracy on all 10,000 test images at the last epoch end, or null before one. */
  finalAccuracy: number | null;
  /** The last accuracy on the 1,000-image test subset, or null before one. */
  subsetAccuracy: number | null;
}

/** The stats of a run from its history and the worker's backend. */
export function runStats(
  history: TrainingHistory | null,
  backend: { backend: string; threads?: number } | null,
): RunStats {
  const seconds = history?.loss.at(-1)?.seconds ?? null;
  const images = history ? history.stepsDone * history.config.batchSize : 0;
  const full = history?.accuracy.findLast((a) => a.scope === 'full');
  const subset = history?.accuracy.findLast((a) => a.scope === 'subset');
  return {
    backend: backend?.backend ?? null,
    threads: backend?.threads ?? null,
    seconds,
    imagesPerSecond: seconds && seconds > 0 ? images / seconds : null,
    finalAccuracy: full?.accuracy ?? null,
    subsetAccuracy: subset?.accuracy ?? null,
  };
}
