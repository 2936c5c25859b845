// Builds the WASM training probe page (bench only; the app has its own config).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { tfjsWasmThreadsFix } from '../../scripts/vite-plugin-wasm-threads.ts';

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: process.env.PROBE_OUT ?? fileURLToPath(new URL('../out/wasm-probe', import.meta.url)),
    emptyOutDir: true,
    minify: process.env.PROBE_MINIFY !== '0',
  },
  plugins: [tfjsWasmThreadsFix()],
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsFix()] },
  server: { headers: isolation },
  preview: { headers: isolation },
});
