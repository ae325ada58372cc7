import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // The contracts package ships TypeScript sources: bundle it rather than import it at run time.
  ssr: { noExternal: ['@commonplace/contracts'] },
  server: {
    proxy: { '/api': process.env.API_INTERNAL_URL ?? 'http://127.0.0.1:3001' },
  },
});
