import { defineConfig } from 'vitest/config';

// The helpers under test are plain TypeScript; SvelteKit's Vite plugin is not needed to run them.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'] },
});
