import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // Every stylesheet of the app is small: inlined, none holds up the first paint (the reader's
    // long page most of all) while it is fetched.
    inlineStyleThreshold: 16 * 1024,
  },
};
