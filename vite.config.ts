import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { mnistAssets } from './scripts/vite-plugin-mnist.ts';
import { securityHeaders } from './scripts/vite-plugin-security-headers.ts';
import { serviceWorker } from './scripts/vite-plugin-service-worker.ts';
import { tfjsWasmThreadsFix } from './scripts/vite-plugin-wasm-threads.ts';
import { watModules } from './scripts/vite-plugin-wat.ts';

// Cross-origin isolation lets the WASM backend use SharedArrayBuffer threads.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [
    react(),
    mnistAssets(),
    tfjsWasmThreadsFix(),
    watModules(),
    securityHeaders(),
    serviceWorker(),
  ],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsFix(), watModules()] },
  build: {
    chunkSizeWarningLimit: 4000,
    // Rolldown's timing advice names the worker's sub-build and the MNIST gzip, both expected
    // and explained (the plugin logs its own line); as a yellow block it read like an error.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Node 20's V8 has relaxed SIMD behind a flag (on by default from Node 22): the WASM kernel
    // tests run it.
    execArgv:
      Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-wasm-relaxed-simd'] : [],
    // Only a guard against hangs: tests wait for results, and CI machines may be slow or busy.
    testTimeout: 300_000,
  },
});
