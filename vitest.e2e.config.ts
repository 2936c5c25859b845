import { defineConfig } from 'vitest/config';
import { watModules } from './scripts/vite-plugin-wat.ts';

// Real-browser tests: the built app served on 127.0.0.1, driven through Debian's Chromium.
export default defineConfig({
  // Tests import app modules, some of which reach our WebAssembly text kernels.
  plugins: [watModules()],
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false, // two cores: one browser at a time
    // Timeouts only guard against hangs: a slow or busy machine must not fail a test. Polls
    // (expect.poll) wait up to a minute for the state they expect unless they say otherwise.
    testTimeout: 600_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 60_000 } },
  },
});
