import { defineConfig } from 'vite';

/**
 * Serves the renderer that `electron-vite build` wrote to out/renderer, unchanged, for the
 * browser end-to-end suite and for `npm start` where no Electron binary exists.
 * The headers mirror the CSP that the Electron app:// protocol sends.
 */
import { CONTENT_SECURITY_POLICY } from './electron/shared/csp';

export default defineConfig({
  build: { outDir: 'out/renderer' },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
});
