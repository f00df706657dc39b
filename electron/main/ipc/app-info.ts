/**
 * The `app:info` handler: name, version and runtime versions for the About screen and bug reports.
 * A plain function over an injected source (Electron's `app` and `process` in production).
 */
import type { AppInfo } from '../../shared/ipc-contract';

export interface AppInfoSource {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  readonly versions: { readonly electron: string; readonly chrome: string };
}

export function getAppInfo(source: AppInfoSource): AppInfo {
  return {
    name: source.name,
    version: source.version,
    platform: source.platform,
    electron: source.versions.electron,
    chrome: source.versions.chrome,
  };
}
