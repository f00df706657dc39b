/**
 * Builds bench/ui/seed.ts into out/bench-ui/seed.js, an ES module the benchmark loads into the
 * page (same origin, through Playwright's request routing). Bench-only: the app never ships it.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: resolve(import.meta.dirname, '../../out/bench-ui'),
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: resolve(import.meta.dirname, 'seed.ts'),
      formats: ['es'],
      fileName: () => 'seed.js',
    },
  },
});
