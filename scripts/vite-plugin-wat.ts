// Build-time assembly (Vite plugin) of the hand-written WebAssembly text kernels in src/ml/wasm/.
// `import { plain, shared } from './x.wat'` gives the module's bytes twice: importing an ordinary
// memory, and a shared one (tfjs' threaded build runs on a SharedArrayBuffer heap, and an import
// must say which it takes). wabt (the WebAssembly Binary Toolkit, compiled to JS) does the
// assembling, so the repository holds only the readable source and no committed binary.
// `?no-fma` swaps each f32x4.relaxed_madd for a separate multiply and add: the bench uses it to
// measure what the fused instruction itself brings.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import wabtInit from 'wabt';

const MEMORY_IMPORT = '(import "env" "memory" (memory 1))';
const SHARED_IMPORT = '(import "env" "memory" (memory 1 65536 shared))';
const MADD =
  /\(f32x4\.relaxed_madd (\(local\.get \$\w+\)) (\(local\.get \$\w+\)) (\(local\.get \$\w+\))\)/g;

let wabt: ReturnType<typeof wabtInit> | null = null;

/**
 * Assembles WAT text to a binary (SIMD, relaxed SIMD and threads enabled). wabt.js's validate()
 * rejects every shared memory whatever its features say, so only the ordinary-memory variant is
 * validated; the shared one differs from it in the import's limits alone.
 */
export async function assembleWat(
  name: string,
  text: string,
  validate = true,
): Promise<Uint8Array> {
  const tools = await (wabt ??= wabtInit());
  const module = tools.parseWat(name, text, { simd: true, relaxed_simd: true, threads: true });
  try {
    if (validate) module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** The WAT source with its memory import made shared, and optionally without fused multiply-add. */
export function watVariants(text: string, noFma: boolean): { plain: string; shared: string } {
  if (!text.includes(MEMORY_IMPORT)) throw new Error(`a kernel must import ${MEMORY_IMPORT}`);
  const plain = noFma ? text.replace(MADD, '(f32x4.add (f32x4.mul $1 $2) $3)') : text;
  return { plain, shared: plain.replace(MEMORY_IMPORT, SHARED_IMPORT) };
}

const toModule = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Vite plugin: `*.wat` imports become `{ plain, shared }` Uint8Arrays of assembled WebAssembly. */
export function watModules(): Plugin {
  return {
    name: 'digit-lab:wat',
    async load(id) {
      const [file, query = ''] = id.split('?');
      if (!file?.endsWith('.wat')) return null;
      this.addWatchFile(file);
      const variants = watVariants(await readFile(file, 'utf8'), query.includes('no-fma'));
      const plain = toModule(await assembleWat(file, variants.plain));
      const shared = toModule(await assembleWat(file, variants.shared, false));
      const bytes = (b64: string) =>
        `Uint8Array.from(atob(${JSON.stringify(b64)}), (c) => c.charCodeAt(0))`;
      return `export const plain = ${bytes(plain)};\nexport const shared = ${bytes(shared)};\n`;
    },
  };
}
