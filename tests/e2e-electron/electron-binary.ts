/**
 * Where the Electron binary is, if anywhere: ELECTRON_OVERRIDE_DIST_PATH (the folder Electron's
 * own launcher honours) or node_modules/electron/dist. On the offline build machines neither
 * exists (the binary download is skipped), and the Electron e2e suite is skipped with that reason.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const EXECUTABLE_IN_DIST: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: join('Electron.app', 'Contents', 'MacOS', 'Electron'),
};

export const projectRoot = join(__dirname, '../..');

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  const executable = EXECUTABLE_IN_DIST[process.platform];
  if (executable === undefined)
    return { found: false, reason: `No Electron binary for platform ${process.platform}` };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidates = [
    ...(override ? [join(override, executable)] : []),
    join(projectRoot, 'node_modules', 'electron', 'dist', executable),
  ];
  const path = candidates.find((candidate) => existsSync(candidate));
  if (path !== undefined) return { found: true, path };
  return {
    found: false,
    reason:
      `No Electron binary on this machine: looked for ${candidates.join(' and ')} ` +
      '(the download is skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1; set ELECTRON_OVERRIDE_DIST_PATH to an Electron 45 folder to run this suite)',
  };
}
