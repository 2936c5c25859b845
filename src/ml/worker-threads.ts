// How many WASM threads the training worker takes: one per core but one. Measured on a 2-core
// machine (README, "Threads"): with both cores, every XNNPACK convolution waits for whichever
// thread lost its core to the page or to other programs — the app gained −16% to +18% and the
// bench loop lost 2–3× — while the page itself needs only ~2–3% of a core while training.

/** Why the worker has the threads it has. */
export type ThreadCause = 'requested' | 'single-core' | 'page-core';

/** The worker's thread count, why, and the cores it was decided from. */
export interface ThreadPlan {
  threads: number;
  cause: ThreadCause;
  cores: number;
}

/** The emscripten pthread pool tfjs-wasm starts has 8 workers. */
const MAX_THREADS = 8;

/** Threads for the training worker: a request (`?threads=`) wins; else one per core but one. */
export function workerThreadPlan(cores: number, requested: number | null = null): ThreadPlan {
  const n = Math.max(1, Math.floor(cores) || 1);
  if (requested !== null) {
    return { threads: Math.max(1, Math.min(MAX_THREADS, requested)), cause: 'requested', cores: n };
  }
  if (n === 1) return { threads: 1, cause: 'single-core', cores: n };
  return { threads: Math.min(MAX_THREADS, n - 1), cause: 'page-core', cores: n };
}
