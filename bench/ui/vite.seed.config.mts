/**
 * Builds bench/ui/seed.ts into out/bench-ui/seed.js and bench/ui/budget.ts into
 * out/bench-ui/budget.js (with the chunks they load on demand), ES modules the benchmark loads
 * into the page (same origin, through Playwright's request routing). Bench-only: the app never
 * ships them.
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
      entry: {
        seed: resolve(import.meta.dirname, 'seed.ts'),
        budget: resolve(import.meta.dirname, 'budget.ts'),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
});
