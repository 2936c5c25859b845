// How many WASM threads the training worker takes. Measured on a 2-core machine (README,
// "Threads"): with both cores the page's own work (charts, text, layout: ~5–9% of a core while
// training) lands on a core an XNNPACK thread needs, and every parallel convolution waits for the
// thread that lost its core; with one core kept for the page the app trains at ≥0.9× the bench
// loop and its main thread stays under 50 ms a task.

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
