import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Opening hours are evaluated on wall-clock dates: the process runs in UTC, as the server does.
    env: { TZ: 'UTC' },
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests start servers and Chromium: never two at once on a 2-core machine.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
