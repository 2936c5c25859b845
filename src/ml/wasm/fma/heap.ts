// The WASM backend's heap as our kernel modules see it.
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** Assembled module bytes for an ordinary and for a shared heap. */
export interface KernelBytes {
  plain: Uint8Array<ArrayBuffer>;
  shared: Uint8Array<ArrayBuffer>;
}

/** The WebAssembly.Memory behind a tfjs WASM backend, or null where the build hides it. */
export function backendMemory(backend: BackendWasm): WebAssembly.Memory | null {
  const module = backend.wasm as unknown as {
    wasmMemory?: WebAssembly.Memory;
    asm?: { memory?: WebAssembly.Memory };
  };
  return module.wasmMemory ?? module.asm?.memory ?? null;
}
