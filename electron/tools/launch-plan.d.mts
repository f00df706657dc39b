/** Types of ./launch-plan.mjs for the TypeScript callers (tests, the Electron e2e suite). */
export declare const EXECUTABLE_IN_DIST: Partial<Record<string, string>>;
export declare const DEFAULT_PORT: number;
export declare const PORT_TRIES: number;
export type ElectronBinary =
  { found: true; path: string } | { found: false; reason: string; looked: string[] };
export declare function findElectron(input: {
  env: Record<string, string | undefined>;
  platform: string;
  electronDir: string | null;
  exists: (path: string) => boolean;
}): ElectronBinary;
export declare function shouldDownload(
  binary: { found: boolean },
  env: Record<string, string | undefined>,
  packageInstalled: boolean,
): { download: true } | { download: false; reason: string | null };
export declare function explainDownloadError(error: unknown): string;
export declare function decideLaunch(
  binary: { found: boolean; reason?: string },
  downloadFailure: string | null,
): { mode: 'electron' } | { mode: 'chromium'; message: string };
export declare function pickPort(
  preferred: number,
  isFree: (port: number) => Promise<boolean>,
  tries?: number,
): Promise<number | null>;
export declare function portMessage(preferred: number, port: number | null): string;
export declare function distArgs(args: string[], env: Record<string, string | undefined>): string[];
export declare function explainDistFailure(
  output: string,
  env: Record<string, string | undefined>,
): string | null;
