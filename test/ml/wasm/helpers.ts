// Shared setup for the WASM kernel tests: Node loads the .wasm files from disk.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initWasmBackend } from '../../../src/ml/wasm/setup';
import { createModel } from '../../../src/ml/model';

const require = createRequire(import.meta.url);

/** Folder holding tfjs' .wasm binaries, with a trailing slash. */
export const WASM_DIR =
  path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')) + '/dist/';

/** Initialises wasm (with our kernels) once, then leaves cpu as the active backend. */
export async function setupBackends(): Promise<void> {
  await initWasmBackend({ wasmPaths: WASM_DIR, threads: 1 });
  await tf.setBackend('cpu');
}

/** Runs f on the given backend and returns its result as plain arrays. */
export async function onBackend<T extends tf.Tensor | tf.Tensor[]>(
  backend: string,
  f: () => T,
): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const out = tf.tidy(f);
  const list = Array.isArray(out) ? out : [out];
  const data = await Promise.all(list.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(list);
  return data;
}

/** max|a-b| / max|b| — robust relative error for whole tensors. */
export function relError(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let diff = 0;
  let scale = 1e-12;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return diff / scale;
}

/** Deterministic pseudo-random values in [-1, 1). */
export function randomValues(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** The PyTorch tutorial CNN, exactly as the app builds it. */
export function buildTutorialCnn(): tf.Sequential {
  return createModel({ activation: 'relu', seed: 1 });
}
