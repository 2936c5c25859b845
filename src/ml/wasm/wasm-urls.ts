// Vite-only: asks the bundler to emit the tfjs .wasm binaries and gives their
// URLs. Kept apart from setup.ts so Node/vitest can pass file paths instead.
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { WasmPaths } from './setup';

/** Served URLs of the three tfjs WASM binaries, for initWasmBackend({ wasmPaths }). */
export const WASM_BINARY_URLS: WasmPaths = {
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': simdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
};
