/**
 * The decisions behind `npm start`, `npm run dist` and the Electron e2e suite, as plain functions
 * (no process, network or file access of their own: the callers pass what they found), so they
 * are unit tested (tests/unit/tools/launch-plan.test.ts).
 *
 * Electron 45 does not download its binary at `npm install`: the package fetches it the first
 * time it is loaded, and leaves `node_modules/electron/path.txt` (the executable's path inside
 * `dist/`) behind. So `npm start` looks for the binary, downloads it when missing (with
 * progress), and serves the built renderer for Chromium only when that download fails.
 */
import { join } from 'node:path';

/** Where the Electron executable sits inside an Electron dist folder, per platform. */
export const EXECUTABLE_IN_DIST = {
  linux: 'electron',
  freebsd: 'electron',
  openbsd: 'electron',
  win32: 'electron.exe',
  darwin: join('Electron.app', 'Contents', 'MacOS', 'Electron'),
};

export const DEFAULT_PORT = 4173;
/** How many ports after the default `npm start` tries before it gives up. */
export const PORT_TRIES = 10;

/**
 * Finds the Electron binary: ELECTRON_OVERRIDE_DIST_PATH (the folder Electron's own launcher
 * honours), then node_modules/electron/dist. Returns the candidates looked at, so a caller can
 * say where it looked.
 * @param {{ env: Record<string, string | undefined>, platform: string, electronDir: string | null,
 *   exists: (path: string) => boolean }} input
 * @returns {{ found: true, path: string } | { found: false, reason: string, looked: string[] }}
 */
export function findElectron({ env, platform, electronDir, exists }) {
  const executable = EXECUTABLE_IN_DIST[platform];
  if (executable === undefined)
    return { found: false, reason: `Electron has no build for ${platform}.`, looked: [] };
  const looked = [
    ...(env.ELECTRON_OVERRIDE_DIST_PATH ? [join(env.ELECTRON_OVERRIDE_DIST_PATH, executable)] : []),
    ...(electronDir ? [join(electronDir, 'dist', executable)] : []),
  ];
  const path = looked.find((candidate) => exists(candidate));
  if (path !== undefined) return { found: true, path };
  if (electronDir === null && !env.ELECTRON_OVERRIDE_DIST_PATH)
    return {
      found: false,
      reason: 'The electron package is not installed (run npm install).',
      looked,
    };
  return { found: false, reason: `No Electron binary at ${looked.join(' or ')}.`, looked };
}

/**
 * Whether `npm start` should try to download the binary: only when it is missing, the package is
 * installed, and the coordinator has not turned downloads off.
 * @param {{ found: boolean }} binary
 * @param {Record<string, string | undefined>} env
 * @param {boolean} packageInstalled
 * @returns {{ download: true } | { download: false, reason: string | null }}
 */
export function shouldDownload(binary, env, packageInstalled) {
  if (binary.found) return { download: false, reason: null };
  if (!packageInstalled)
    return { download: false, reason: 'The electron package is not installed.' };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || env.ELECTRON_SKIP_BINARY_DOWNLOAD === 'true')
    return {
      download: false,
      reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron binary was not downloaded.',
    };
  return { download: true };
}

/** Makes a download error readable: DNS and connection failures say "no internet". */
export function explainDownloadError(error) {
  const text = String(error?.message ?? error);
  const code = error?.code ?? error?.cause?.code ?? '';
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(`${code} ${text}`))
    return `the download server could not be reached (no internet or DNS here: ${code || text})`;
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|fetch failed/.test(`${code} ${text}`))
    return `the connection to the download server failed (${code || text})`;
  if (/timed out/i.test(text)) return text;
  return text.split('\n')[0];
}

/**
 * What `npm start` does, and what it tells the coordinator when it cannot open the window.
 * @param {{ found: boolean, path?: string, reason?: string }} binary after any download attempt
 * @param {string | null} downloadFailure why the download failed, or null
 * @returns {{ mode: 'electron' } | { mode: 'chromium', message: string }}
 */
export function decideLaunch(binary, downloadFailure) {
  if (binary.found) return { mode: 'electron' };
  const why = downloadFailure
    ? `The Electron binary could not be downloaded: ${downloadFailure}.`
    : (binary.reason ?? 'No Electron binary is installed.');
  return {
    mode: 'chromium',
    message:
      `${why}\n` +
      'So the desktop window cannot open on this machine. To get it: connect to the internet and\n' +
      'run `npm start` again (it downloads Electron once, about 100 MB), or set\n' +
      'ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 folder.',
  };
}

/**
 * The first free port from `preferred` (tries PORT_TRIES ports), or null when all are taken.
 * @param {number} preferred
 * @param {(port: number) => Promise<boolean>} isFree
 */
export async function pickPort(preferred, isFree, tries = PORT_TRIES) {
  for (let port = preferred; port < preferred + tries; port += 1) {
    if (await isFree(port)) return port;
  }
  return null;
}

/** The line `npm start` prints about the port it serves on. */
export function portMessage(preferred, port) {
  if (port === null)
    return `Ports ${preferred}-${preferred + PORT_TRIES - 1} are all in use: stop what uses port ${preferred} (or set HAVEN_PORT) and run npm start again.`;
  const url = `http://127.0.0.1:${port}`;
  return port === preferred
    ? `Serving Haven for Chromium: open ${url} (Ctrl+C to stop).`
    : `Port ${preferred} is in use, so Haven is served on port ${port} instead: open ${url} (Ctrl+C to stop).`;
}

/**
 * electron-builder's arguments for `npm run dist`: HAVEN_ELECTRON_DIST names an unpacked
 * Electron folder to package instead of downloading one.
 * @param {string[]} args
 * @param {Record<string, string | undefined>} env
 */
export function distArgs(args, env) {
  const dist = env.HAVEN_ELECTRON_DIST;
  return dist ? [...args, `-c.electronDist=${dist}`] : [...args];
}

/** What `npm run dist` says when electron-builder fails because it could not get Electron. */
export function explainDistFailure(output, env) {
  const network = /ENOTFOUND|EAI_AGAIN|getaddrinfo|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|github\.com/;
  if (!network.test(output)) return null;
  const given = env.HAVEN_ELECTRON_DIST
    ? `HAVEN_ELECTRON_DIST=${env.HAVEN_ELECTRON_DIST} was given, but packaging still tried to download.`
    : 'Packaging needs the Electron binary, and electron-builder could not download it (no internet here).';
  return (
    `${given}\n` +
    'Either run `npm run dist` where the internet is reachable, or point it at an unpacked\n' +
    'Electron 45 folder for this platform: HAVEN_ELECTRON_DIST=/path/to/electron-dist npm run dist\n' +
    '(node_modules/electron/dist after a successful `npm start` is one).'
  );
}
