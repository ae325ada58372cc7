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
    // Only this site's scripts run, and SvelteKit's own inline ones by a nonce made per page;
    // the inlined stylesheets above carry the nonce too.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // style="" attributes (a progress bar's width, a popover's place) cannot run code.
        'style-src-attr': ['unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};
