import { defineConfig } from 'vitest/config';

// The foreign-handwriting measurement: two 1-epoch trainings, minutes of CPU, so never in CI.
export default defineConfig({
  test: {
    include: ['scripts/foreign-digits/*.measure.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
  },
});
