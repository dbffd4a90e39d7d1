import { defineConfig } from 'vitest/config';

/** Firefox smoke e2e: Debian's firefox-esr over WebDriver BiDi with the built MV3 extension (tests/e2e-firefox/). */
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    hookTimeout: 90_000,
    testTimeout: 90_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
  },
});
