import { defineConfig } from 'vitest/config';

/** Browser e2e: real Chromium with the built extension (tests/e2e/). Bounded so a hang fails fast. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    hookTimeout: 60_000,
    testTimeout: 60_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
  },
});
