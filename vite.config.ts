import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page is served from files (desktop protocol) or the loopback host (browser mode), so
// every URL is relative, and no inline script or style may appear: the CSP forbids both.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    // Source maps: decided by scripts/build.mjs (none in a release build).
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // zod's sources carry comments Rollup cannot place; they change nothing in the output.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
});
