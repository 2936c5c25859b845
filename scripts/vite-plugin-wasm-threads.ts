// Build-time fix (Vite plugin) for the threaded tfjs WASM backend under minification.
// tfjs starts each pthread worker by eval'ing `factory.toString()` outside its
// closure. The factory guards a closure variable with
// `typeof _scriptDir !== "undefined" && _scriptDir`; minifiers fold that to
// `e !== void 0 && e`, which throws "e is not defined" in the worker. The guard
// only picks a base URL for files, which tfjs' locateFile already supplies, so
// it is removed.
import type { Plugin } from 'vite';

const TARGET = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const GUARD = 'if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}';

/** Vite plugin that keeps multi-threaded tfjs WASM working in minified builds. */
export function tfjsWasmThreadsFix(): Plugin {
  return {
    name: 'digit-lab:tfjs-wasm-threads-fix',
    enforce: 'pre',
    transform(code, id) {
      if (!TARGET.test(id.split('?')[0] ?? id)) return null;
      if (!code.includes(GUARD)) {
        this.warn('tfjs threaded-simd glue changed; check that minified builds still get threads');
        return null;
      }
      return { code: code.replace(GUARD, ''), map: null };
    },
  };
}
