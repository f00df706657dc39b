import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

/**
 * Unit tests for src/ and electron/. Node environment by default (IndexedDB through
 * fake-indexeddb, WebCrypto from Node); React component tests opt into jsdom with
 * a `// @vitest-environment jsdom` comment at their top.
 */
export default defineConfig({
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default leaves one core to its own process (cores - 1), which on CI's 2-core
    // machine ran every file in one worker: 222 s. The main process is idle while files run,
    // so every core gets a worker: 116 s.
    maxWorkers: availableParallelism(),
  },
});
