import { defineConfig } from 'vitest/config';

// Real-browser tests: the built app served on 127.0.0.1, driven through Debian's Chromium.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false, // two cores: one browser at a time
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
