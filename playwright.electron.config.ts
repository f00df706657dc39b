/**
 * End-to-end suite of the real Electron app (Playwright's `_electron`), on the build in out/.
 * It runs where an Electron binary exists (node_modules/electron/dist, or the folder named by
 * ELECTRON_OVERRIDE_DIST_PATH); elsewhere every test reports itself skipped with the reason. It is
 * never faked. Run `npm run build` first (tests/run-all.mjs does).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e-electron',
  outputDir: 'test-results/e2e-electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/electron-report.json' }]],
});
