import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the storage benchmark page (bench/storage/index.html + bench.ts) into out/bench-storage. */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, '../../out/bench-storage'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
