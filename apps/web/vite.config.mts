import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The gateway `npm run dev:web` talks to (a running `npm run up`, or `npm run start:gateway`). */
const gateway = process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    // The gateway serves this folder (WEB_DIST_DIR); `nest build` empties dist/ first, so it runs before.
    outDir: resolve(here, '../../dist/web'),
    emptyOutDir: true,
    rollupOptions: {
      input: { main: resolve(here, 'index.html'), ide: resolve(here, 'ide.html') },
      // GraphiQL's packages carry React Compiler directives ("use no memo") that bundling drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    // Same-origin in development too: the browser calls /graphql on Vite, which forwards it.
    proxy: {
      '/graphql': { target: gateway, ws: true },
      '/calendar': gateway,
      '/health': gateway,
      // The disposition of comments of a document (the SPA's own /terms/<id> stays with Vite).
      '^/terms/[^/]+/disposition\\.(md|csv)$': gateway,
    },
  },
});
