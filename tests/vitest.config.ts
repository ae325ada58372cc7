import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['../packages/db/src/testing/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each end-to-end file boots the whole app and a browser; on two cores one at a time is fastest.
    fileParallelism: false,
    // The app answers a browser in well under a second, but a loaded 2-core CI machine can take
    // longer: a poll waits for what a person would see arrive, up to 10 s, not Vitest's 1 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
