/** Builds the test-only harness page into out/e2e-harness (never part of the app). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/__harness/',
  logLevel: 'warn',
  define: { __APP_VERSION__: JSON.stringify('harness') },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../../out/e2e-harness', import.meta.url)),
    emptyOutDir: true,
  },
});
