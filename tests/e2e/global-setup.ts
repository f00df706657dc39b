/** Before the e2e suite: build the test-only harness page (the app itself is built by `npm run build`). */
import { execFileSync } from 'node:child_process';

export default function globalSetup(): void {
  execFileSync('npx', ['vite', 'build', '--config', 'tests/e2e/harness/vite.config.mts'], {
    stdio: 'inherit',
  });
}
