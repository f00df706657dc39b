// @vitest-environment jsdom
/**
 * The renderer picks its desktop seam at start-up: Electron's when the preload exposed a complete
 * api, the browser's otherwise. The browser seam saves through a download link and refuses files
 * that are too large before reading them.
 */
import { describe, expect, it, vi } from 'vitest';
import { isHavenApi, selectPlatform, type PlatformHost } from '../../../src/platform';
import { PRINT_DIALOG_MESSAGE } from '../../../src/platform/browser';

function host(api?: unknown): PlatformHost & { printed: number } {
  const state = { printed: 0 };
  return {
    api,
    document,
    print: () => {
      state.printed += 1;
    },
    navigator: { userAgent: 'test-agent' },
    URL: { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined },
    get printed() {
      return state.printed;
    },
  };
}

function fakeApi() {
  return {
    saveFile: vi.fn(async () => ({ saved: true, path: '/tmp/x.csv' })),
    openFile: vi.fn(async () => ({ opened: false as const })),
    printToPdf: vi.fn(async () => ({ saved: true, path: '/tmp/pack.pdf' })),
    getAppInfo: vi.fn(async () => ({
      name: 'Haven',
      version: '1.2.3',
      platform: 'linux',
      electron: '45',
      chrome: '140',
    })),
    setTileTemplate: vi.fn(async () => ({ tileOrigin: null, confirmed: false })),
    onLock: vi.fn(() => () => undefined),
  };
}

describe('choosing the platform implementation', () => {
  it('given a complete window.api from the preload, when the platform is chosen, then it is the Electron one and calls go through the api', async () => {
    const api = fakeApi();
    const platform = selectPlatform(host(api), '0.1.0');
    expect(platform.kind).toBe('electron');
    const result = await platform.printToPdf({ suggestedName: 'pack.pdf', pageSize: 'A4' });
    expect(result).toEqual({ kind: 'pdf-saved', path: '/tmp/pack.pdf' });
    expect(api.printToPdf).toHaveBeenCalledTimes(1);
    expect((await platform.appInfo()).shell).toBe('electron');
  });

  it('given no window.api, when the platform is chosen, then it is the browser one', async () => {
    const platform = selectPlatform(host(undefined), '0.1.0');
    expect(platform.kind).toBe('browser');
    expect(await platform.appInfo()).toMatchObject({ shell: 'browser', version: '0.1.0' });
  });

  it('given a window.api missing a function, when the platform is chosen, then it is not trusted and the browser one is used', () => {
    const { onLock: _dropped, ...partial } = fakeApi();
    expect(isHavenApi(partial)).toBe(false);
    expect(selectPlatform(host(partial), '0.1.0').kind).toBe('browser');
    expect(isHavenApi(null)).toBe(false);
    expect(isHavenApi('api')).toBe(false);
  });
});

describe('the browser platform', () => {
  it('given bytes to save, when saved, then a download link with the suggested name is clicked and removed', async () => {
    const platform = selectPlatform(host(undefined), '0.1.0');
    const clicked: { download: string; href: string }[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.href });
    });
    const result = await platform.saveFile({
      suggestedName: 'budget.csv',
      bytes: new TextEncoder().encode('a,b'),
      mimeType: 'text/csv',
    });
    spy.mockRestore();
    expect(result.saved).toBe(true);
    expect(clicked).toEqual([{ download: 'budget.csv', href: 'blob:test' }]);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });

  it('given a chosen file larger than the limit, when opened, then it is refused with a message naming both sizes', async () => {
    const platform = selectPlatform(host(undefined), '0.1.0');
    const spy = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (
      this: HTMLInputElement,
    ) {
      const big = new File([new Uint8Array(3 * 1024 * 1024)], 'backup.age');
      Object.defineProperty(this, 'files', { value: [big] });
      this.dispatchEvent(new Event('change'));
    });
    const result = await platform.openFile({
      filters: [{ name: 'Backup', extensions: ['age'] }],
      maxBytes: 1024 * 1024,
    });
    spy.mockRestore();
    expect(result).toEqual({
      opened: false,
      reason: 'too-large',
      message: 'The file is 3.0 MB; files up to 1.0 MB can be opened.',
    });
  });

  it('given a print to PDF, when asked in the browser, then the print dialog opens and the answer says how to get a PDF', async () => {
    const h = host(undefined);
    const platform = selectPlatform(h, '0.1.0');
    const result = await platform.printToPdf({ suggestedName: 'pack.pdf', pageSize: 'Letter' });
    expect(result).toEqual({ kind: 'print-dialog', message: PRINT_DIALOG_MESSAGE });
    expect(h.printed).toBe(1);
  });
});
