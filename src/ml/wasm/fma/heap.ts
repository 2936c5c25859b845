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

/**
 * A kernel export of ours: byte offsets on the heap of its three arrays, then the sizes
 * n, hp, wp, ci, ho, wo, co, kh, kw (each kernel's own file says which arrays).
 */
export type HeapKernel = (
  a: number,
  b: number,
  c: number,
  n: number,
  hp: number,
  wp: number,
  ci: number,
  ho: number,
  wo: number,
  co: number,
  kh: number,
  kw: number,
) => void;
