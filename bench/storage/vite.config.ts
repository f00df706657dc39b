import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the storage benchmark page (bench/storage/index.html + bench.ts) into out/bench-storage. */
export default defineConfig({
  root: resolve(__dirname),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir: resolve(__dirname, '../../out/bench-storage'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
