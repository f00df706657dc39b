/**
 * The Electron implementation of the desktop seam: each method calls one narrow function of the
 * preload's `window.api` (typed from the preload itself, never written twice).
 */
import type { HavenApi } from '../../electron/shared/ipc-contract';
import type { Platform, PrintResult, TileResult } from './types';

export function createElectronPlatform(api: HavenApi): Platform {
  return {
    kind: 'electron',
    saveFile: (request) => api.saveFile(request),
    openFile: (request) => api.openFile(request),
    async printToPdf(request): Promise<PrintResult> {
      const result = await api.printToPdf(request);
      return result.saved
        ? { kind: 'pdf-saved', ...(result.path ? { path: result.path } : {}) }
        : { kind: 'cancelled' };
    },
    async appInfo() {
      const info = await api.getAppInfo();
      return { ...info, shell: 'electron' as const };
    },
    async setTileTemplate(template): Promise<TileResult> {
      const r = await api.setTileTemplate(template);
      if (template === null) return { kind: 'off' };
      return r.confirmed && r.tileOrigin
        ? { kind: 'on', origin: r.tileOrigin }
        : { kind: 'declined' };
    },
    onSystemLock: (listener) => api.onLock(listener),
  };
}
