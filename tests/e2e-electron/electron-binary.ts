/**
 * Where the Electron binary is, if anywhere, decided as `npm start` decides it (the same
 * findElectron of electron/tools/launch-plan.mjs): ELECTRON_OVERRIDE_DIST_PATH (the folder
 * Electron's own launcher honours), then node_modules/electron/dist. Where neither exists (the
 * offline build machines, where the binary cannot be downloaded), the Electron e2e suite is
 * skipped with that reason, printed on the console as well as in the report.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findElectron } from '../../electron/tools/launch-plan.mjs';

export const projectRoot = join(__dirname, '../..');

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  const electronDir = join(projectRoot, 'node_modules', 'electron');
  const result = findElectron({
    env: process.env,
    platform: process.platform,
    electronDir: existsSync(join(electronDir, 'package.json')) ? electronDir : null,
    exists: existsSync,
  });
  if (result.found) return result;
  return {
    found: false,
    reason:
      `${result.reason} Run \`npm start\` once where the internet is reachable (it downloads ` +
      'Electron), or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 folder, to run this suite.',
  };
}

/** Prints why the suite does not run, once, on the console (not only in the report). */
export function announceSkip(binary: ElectronBinary): void {
  if (!binary.found) console.log(`Electron e2e suite skipped: ${binary.reason}`);
}
