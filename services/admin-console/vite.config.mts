import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The admin console: a static single-page app the platform serves at `/`, calling `/api` on the same origin. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    // The platform's public language (reference data, allowed transitions), from its source.
    alias: {
      '@sfp/contracts': fileURLToPath(
        new URL('../../libs/contracts/src/index.ts', import.meta.url),
      ),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" (for React Server Components);
        // a client-only bundle has nothing to keep of it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client'))
          return;
        warn(warning);
      },
    },
  },
  server: {
    // `npx vite services/admin-console` during development: the API of a running `npm start`.
    proxy: { '/api': process.env.SFP_URL ?? 'http://127.0.0.1:3000' },
  },
});
