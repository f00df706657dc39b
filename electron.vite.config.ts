import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json';

/**
 * One build for the three parts of the desktop app:
 *  - main     electron/main/index.ts      -> out/main
 *  - preload  electron/preload/index.ts   -> out/preload (CommonJS, bundled: sandboxed preloads cannot require)
 *  - renderer src/index.html              -> out/renderer (served by the app:// protocol, base './')
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src'),
    base: './',
    publicDir: resolve(__dirname, 'resources/public'),
    plugins: [react()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // .vite/manifest.json: which chunks load at start (tests/e2e/bundle.spec.ts reads it).
      manifest: true,
      // electron-vite leaves the renderer unminified by default: minified, start-up parses half as much.
      minify: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/index.html') } },
    },
  },
});
