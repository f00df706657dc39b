/**
 * End-to-end suite: the built renderer (out/renderer), unchanged, in Debian's Chromium, served
 * by `vite preview` on 127.0.0.1. Each test gets a fresh browser context (its own IndexedDB).
 * Run `npm run build` first (tests/run-all.mjs does).
 */
import { defineConfig, devices } from '@playwright/test';

export const E2E_PORT = Number(process.env.HAVEN_E2E_PORT ?? 4173);
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: process.env.HAVEN_E2E_PORT ? `test-results/e2e-${E2E_PORT}` : 'test-results/e2e',
  // Tests, not files, are spread over the workers: each test has its own context and vault, and
  // the long specs (planning, a11y, rekey, kill) would otherwise keep one worker busy alone.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: E2E_ORIGIN,
    viewport: { width: 1366, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.mts --configLoader runner --host 127.0.0.1 --port ${E2E_PORT} --strictPort`,
    url: E2E_ORIGIN,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
