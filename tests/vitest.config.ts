import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['../packages/db/src/testing/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each end-to-end file boots the whole app and a browser; on two cores one at a time is fastest.
    fileParallelism: false,
  },
});
