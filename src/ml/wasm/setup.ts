// Starts TensorFlow.js on the WASM backend with Digit Lab's training kernels.
// Works in the main thread, in a Web Worker and in Node (tests).
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './training-kernels';

/** File name → URL (or path) of each tfjs .wasm binary, or a folder prefix ending in '/'. */
export type WasmPaths =
  | string
  | {
      'tfjs-backend-wasm.wasm': string;
      'tfjs-backend-wasm-simd.wasm': string;
      'tfjs-backend-wasm-threaded-simd.wasm': string;
    };

/** The part of the page's or worker's `navigator` the WASM start-up reads and briefly patches. */
export interface CoreCountSource {
  hardwareConcurrency: number;
}

/** Options for initWasmBackend. */
export interface WasmInitOptions {
  /** Threads for XNNPACK; default = the navigator's cores, or 1 without one. */
  threads?: number;
  /** Where the .wasm binaries are served; omit to load them next to the bundle. */
  wasmPaths?: WasmPaths;
  /**
   * The global `navigator` tfjs reads its core count from (browsers: pass `navigator`). Without it
   * threads default to 1 and tfjs keeps its own cap of half the cores.
   */
  navigator?: CoreCountSource;
}

/** What initWasmBackend actually got (threads need crossOriginIsolated). */
export interface WasmInitResult {
  threads: number;
  simd: boolean;
}

/** The emscripten pthread pool has 8 pre-spawned workers; more would deadlock. */
const MAX_THREADS = 8;

let configured = false;

/**
 * tfjs-backend-wasm 4.22 caps setThreadsCount() at navigator.hardwareConcurrency/2
 * (its C++ reads the core count once, when the module is instantiated; tfjs
 * issue #8513), so a 2-core machine gets 1 thread. We report 2× the wanted count
 * only while the module starts, then restore the real value.
 */
async function withReportedCores<T>(
  nav: CoreCountSource | undefined,
  cores: number,
  f: () => Promise<T>,
): Promise<T> {
  const own = nav ? Object.getOwnPropertyDescriptor(nav, 'hardwareConcurrency') : undefined;
  let patched = false;
  if (nav) {
    try {
      Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => cores });
      patched = true;
    } catch {
      // Non-configurable navigator: fall back to tfjs' own cap.
    }
  }
  try {
    return await f();
  } finally {
    if (nav && patched) {
      if (own) Object.defineProperty(nav, 'hardwareConcurrency', own);
      else delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
    }
  }
}

/** Threads to request when the caller gives none: one per core, 1 to 8 (the pthread pool). */
export function defaultThreadCount(cores = 1): number {
  return Math.max(1, Math.min(MAX_THREADS, Math.floor(cores) || 1));
}

/**
 * Configures (once, before the backend exists — later calls cannot change
 * threads or paths), registers the training kernels and selects 'wasm'.
 */
export async function initWasmBackend(opts: WasmInitOptions = {}): Promise<WasmInitResult> {
  let threads = 1;
  const firstInit = !configured && tf.findBackend('wasm') == null;
  if (firstInit) {
    if (opts.wasmPaths !== undefined) setWasmPaths(opts.wasmPaths);
    threads = defaultThreadCount(opts.threads ?? opts.navigator?.hardwareConcurrency);
    // Must precede backend creation: the C++ side sizes its pthreadpool at init.
    setThreadsCount(threads);
  }
  configured = true;
  registerWasmTrainingKernels();
  const select = () => tf.setBackend('wasm');
  const ok =
    firstInit && threads > 1
      ? await withReportedCores(opts.navigator, threads * 2, select)
      : await select();
  if (!ok) throw new Error('TensorFlow.js WASM backend failed to initialise');
  await tf.ready();
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  return { threads: getThreadsCount(), simd };
}
