// `*.wat` imports are assembled at build time by scripts/vite-plugin-wat.ts.
declare module '*.wat' {
  /** The module importing an ordinary `env.memory`. */
  export const plain: Uint8Array<ArrayBuffer>;
  /** The same module importing a shared `env.memory` (threaded WASM heaps). */
  export const shared: Uint8Array<ArrayBuffer>;
}
declare module '*.wat?no-fma' {
  /** The module with separate multiply and add instead of f32x4.relaxed_madd (bench only). */
  export const plain: Uint8Array<ArrayBuffer>;
  /** The same, importing a shared memory. */
  export const shared: Uint8Array<ArrayBuffer>;
}
