import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests start servers and Chromium: never two at once on a 2-core machine.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
