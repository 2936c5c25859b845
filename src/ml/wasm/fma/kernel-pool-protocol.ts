// The shared control block between the kernel pool and its helper threads: one slot of Int32s
// per helper. The caller writes OP and ARGS, then bumps SEQ and wakes the helper; the helper runs
// the kernel and sets DONE to that SEQ (FAILED to 1 if the kernel threw).

/** Ints per helper slot. */
export const SLOT_INTS = 16;
/** Offsets within a slot. */
export const SEQ = 0;
export const DONE = 1;
export const FAILED = 2;
export const OP = 3;
export const ARGS = 4;
/** OP that ends the helper. */
export const STOP = -1;

/** One kernel module for the helper to instantiate, and the export it calls. */
export interface HelperModule {
  module: WebAssembly.Module;
  name: string;
}

/** The message that starts a helper. */
export interface HelperStart {
  memory: WebAssembly.Memory;
  modules: HelperModule[];
  control: SharedArrayBuffer;
  slot: number;
}

/** The helper's answer once its kernels are instantiated. */
export interface HelperReady {
  ready: boolean;
  error?: string;
}
