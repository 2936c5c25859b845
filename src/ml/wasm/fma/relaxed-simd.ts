// Feature detection for relaxed SIMD: a tiny module that uses f32x4.relaxed_madd validates only
// where the engine has it (Chromium 114+, Firefox 145+; Node 20 only behind a flag).
import { plain } from './probe.wat';

let cached: boolean | null = null;

/** True where this engine compiles f32x4.relaxed_madd. */
export function hasRelaxedSimd(): boolean {
  cached ??= typeof WebAssembly !== 'undefined' && WebAssembly.validate(plain);
  return cached;
}
