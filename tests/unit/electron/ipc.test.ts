/**
 * The IPC gates of electron/main/ipc/register.ts (sender check, argument validation, response
 * filtering) and the handlers behind them (files, print, app info), and the settings file loader.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { getAppInfo } from '../../../electron/main/ipc/app-info';
import { nodeFileSystem, openFile, saveFile } from '../../../electron/main/ipc/files';
import { pdfFileName, printToPdf } from '../../../electron/main/ipc/print';
import {
  createIpcHandlers,
  guardHandler,
  isTrustedSender,
  registerIpcHandlers,
  type InvokeEvent,
  type IpcMainLike,
} from '../../../electron/main/ipc/register';
import { parseSettings, SettingsStore } from '../../../electron/main/settings';
import { ipcContract, type IpcChannel } from '../../../electron/shared/ipc-contract';
import { fakeDialogs, memoryFileSystem } from './fakes';

const mainContents = { id: 1 };
const otherContents = { id: 2 };
const topFrame = (url: string) => ({ url, parent: null });

function event(overrides: Partial<InvokeEvent> = {}): InvokeEvent {
  return {
    sender: mainContents,
    senderFrame: topFrame('app://haven/index.html#/cases'),
    ...overrides,
  };
}

const bytes = (text: string) => new Uint8Array(new TextEncoder().encode(text));

describe('IPC sender check', () => {
  it('Given the main window showing app://haven/, When it calls, Then it is trusted', () => {
    expect(isTrustedSender(event(), mainContents)).toBe(true);
  });

  it.each([
    [
      'a foreign page in the main window',
      event({ senderFrame: topFrame('https://evil.example/') }),
    ],
    ['a file:// page', event({ senderFrame: topFrame('file:///tmp/x.html') })],
    ['another app:// host', event({ senderFrame: topFrame('app://evil/index.html') })],
    ['a subframe', event({ senderFrame: { url: 'app://haven/index.html', parent: {} } })],
    ['a destroyed frame', event({ senderFrame: null })],
    ['another webContents', event({ sender: otherContents })],
  ])('Given %s, When it calls, Then it is not trusted', (_label, invoke) => {
    expect(isTrustedSender(invoke, mainContents)).toBe(false);
  });

  it('Given the main window is closed, When anything calls, Then it is not trusted', () => {
    expect(isTrustedSender(event(), null)).toBe(false);
  });

  it('Given a foreign frame, When it invokes a guarded channel, Then the call is rejected and the handler never runs', async () => {
    const handler = vi.fn(() => ({ saved: true }));
    const guarded = guardHandler('files:save', handler, () => mainContents);
    await expect(
      guarded(event({ senderFrame: topFrame('https://evil.example/') }), {
        suggestedName: 'a.csv',
        bytes: bytes('x'),
        mimeType: 'text/csv',
      }),
    ).rejects.toThrow("files:save: refused, the call does not come from Haven's own window");
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('IPC argument validation', () => {
  const good = { suggestedName: 'cases.csv', bytes: bytes('a,b'), mimeType: 'text/csv' };

  it.each([
    ['a missing request', [], /files:save: invalid arguments:[\s\S]*expected object/],
    [
      'a path as the name',
      [{ ...good, suggestedName: '../../.bashrc' }],
      /suggestedName[\s\S]*not a path/,
    ],
    ['a Windows path as the name', [{ ...good, suggestedName: 'C:\\x\\y.csv' }], /suggestedName/],
    ['a string instead of bytes', [{ ...good, bytes: 'a,b' }], /bytes[\s\S]*must be a Uint8Array/],
    ['a bad MIME type', [{ ...good, mimeType: 'csv please' }], /mimeType/],
    ['an unknown field', [{ ...good, path: '/etc/passwd' }], /path/],
    ['a second argument', [good, { extra: true }], /expected one request argument, got 2/],
  ])(
    'Given %s, When files:save is invoked, Then it is rejected with a message naming the channel and the problem',
    async (_label, args, message) => {
      const handler = vi.fn(() => ({ saved: true }));
      const guarded = guardHandler('files:save', handler, () => mainContents);
      await expect(guarded(event(), ...args)).rejects.toThrow(message);
      await expect(guarded(event(), ...args)).rejects.toThrow(/^files:save: invalid arguments: /);
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('Given good arguments, When files:save is invoked, Then the handler receives them and its answer comes back', async () => {
    const handler = vi.fn(() => ({ saved: true, path: '/home/u/cases.csv' }));
    const guarded = guardHandler('files:save', handler, () => mainContents);
    await expect(guarded(event(), good)).resolves.toStrictEqual({
      saved: true,
      path: '/home/u/cases.csv',
    });
    expect(handler).toHaveBeenCalledExactlyOnceWith(good);
  });

  it('Given a handler that returns more than the contract, When it answers, Then the extra fields never reach the renderer', async () => {
    const leaky = { saved: true, path: '/x.pdf', secret: 'data key' };
    const guarded = guardHandler(
      'print:toPdf',
      () => leaky,
      () => mainContents,
    );
    await expect(guarded(event(), { suggestedName: 'x', pageSize: 'A4' })).resolves.toStrictEqual({
      saved: true,
      path: '/x.pdf',
    });
  });

  it.each([
    ['files:open', { filters: [], maxBytes: 10 }, /filters/],
    [
      'files:open',
      { filters: [{ name: 'Backup', extensions: ['.age'] }], maxBytes: 10 },
      /extension without its dot/,
    ],
    [
      'files:open',
      { filters: [{ name: 'Backup', extensions: ['age'] }], maxBytes: 1e12 },
      /maxBytes/,
    ],
    ['print:toPdf', { suggestedName: 'x', pageSize: 'A3' }, /pageSize/],
    ['app:info', { anything: 1 }, /app:info: invalid arguments/],
  ] as const)(
    'Given bad arguments for %s, When invoked, Then it is rejected',
    async (channel, request, message) => {
      const handler = vi.fn();
      const guarded = guardHandler(channel as IpcChannel, handler, () => mainContents);
      await expect(guarded(event(), request)).rejects.toThrow(message);
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('Given the handlers, When registered, Then every channel of the contract is handled, and only those', () => {
    const channels: string[] = [];
    const ipcMain: IpcMainLike = { handle: (channel) => channels.push(channel) };
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers({
        files: { dialogs: fakeDialogs({}), fs: memoryFileSystem(), defaultDirectory: '/docs' },
        print: {
          dialogs: fakeDialogs({}),
          fs: memoryFileSystem(),
          defaultDirectory: '/docs',
          printToPDF: vi.fn(),
        },
        appInfo: {
          name: 'Haven',
          version: '0.1.0',
          platform: 'linux',
          versions: { electron: '45.4.1', chrome: '140' },
        },
        tiles: {
          dialogs: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
          settings: { tileOrigin: null, setTileOrigin: vi.fn() },
        },
      }),
      () => mainContents,
    );
    expect(channels.sort()).toStrictEqual(Object.keys(ipcContract).sort());
  });
});

describe('files:save and files:open', () => {
  it('Given the user picks a path, When a file is saved, Then exactly those bytes are written there', async () => {
    const fs = memoryFileSystem();
    const dialogs = fakeDialogs({ savePath: '/home/u/Documents/cases.csv' });
    const result = await saveFile(
      { dialogs, fs, defaultDirectory: '/home/u/Documents' },
      { suggestedName: 'cases.csv', bytes: bytes('a,b'), mimeType: 'text/csv' },
    );
    expect(result).toStrictEqual({ saved: true, path: '/home/u/Documents/cases.csv' });
    expect(new TextDecoder().decode(fs.files['/home/u/Documents/cases.csv'])).toBe('a,b');
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: '/home/u/Documents/cases.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('Given the user cancels, When a file is saved, Then nothing is written', async () => {
    const fs = memoryFileSystem();
    const result = await saveFile(
      { dialogs: fakeDialogs({}), fs, defaultDirectory: '/docs' },
      { suggestedName: 'cases.csv', bytes: bytes('a,b'), mimeType: 'text/csv' },
    );
    expect(result).toStrictEqual({ saved: false });
    expect(fs.writeFile).not.toHaveBeenCalled();
  });

  it('Given a file within the limit, When opened, Then its name and bytes come back', async () => {
    const fs = memoryFileSystem({ '/in/backup.age': bytes('age-bytes') });
    const result = await openFile(
      { dialogs: fakeDialogs({ openPath: '/in/backup.age' }), fs, defaultDirectory: '/docs' },
      { filters: [{ name: 'Backup', extensions: ['age'] }], maxBytes: 100 },
    );
    expect(result).toStrictEqual({ opened: true, name: 'backup.age', bytes: bytes('age-bytes') });
  });

  it('Given a file above the limit, When opened, Then it is refused as too large', async () => {
    const fs = memoryFileSystem({ '/in/huge.age': new Uint8Array(101) });
    const result = await openFile(
      { dialogs: fakeDialogs({ openPath: '/in/huge.age' }), fs, defaultDirectory: '/docs' },
      { filters: [{ name: 'Backup', extensions: ['age'] }], maxBytes: 100 },
    );
    expect(result).toStrictEqual({ opened: false, reason: 'too-large' });
    expect(fs.readAtMost).toHaveBeenCalledExactlyOnceWith('/in/huge.age', 100);
  });

  it('Given the user cancels, When a file is opened, Then the answer says cancelled', async () => {
    const result = await openFile(
      { dialogs: fakeDialogs({}), fs: memoryFileSystem(), defaultDirectory: '/docs' },
      { filters: [{ name: 'Backup', extensions: ['age'] }], maxBytes: 100 },
    );
    expect(result).toStrictEqual({ opened: false, reason: 'cancelled' });
  });
});

describe('the real file system of files:save and files:open', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haven-files-'));

  it('Given a file of exactly the limit, When read, Then all of it comes back; one byte more, Then null', async () => {
    writeFileSync(join(dir, 'exact.bin'), new Uint8Array(3 * 1024 * 1024).fill(7));
    const bytes = await nodeFileSystem.readAtMost(join(dir, 'exact.bin'), 3 * 1024 * 1024);
    expect(bytes?.byteLength).toBe(3 * 1024 * 1024);
    expect(bytes?.every((byte) => byte === 7)).toBe(true);
    await expect(
      nodeFileSystem.readAtMost(join(dir, 'exact.bin'), 3 * 1024 * 1024 - 1),
    ).resolves.toBeNull();
  });

  it.runIf(existsSync('/dev/zero'))(
    'Given a device that never ends (/dev/zero), When read, Then it is refused at the limit instead of filling memory',
    async () => {
      await expect(nodeFileSystem.readAtMost('/dev/zero', 1024)).resolves.toBeNull();
    },
  );

  it.runIf(process.platform !== 'win32')(
    'Given bytes to save, When written, Then the file is readable by its owner only (0600)',
    async () => {
      await nodeFileSystem.writeFile(join(dir, 'export.csv'), bytes('name,amount'));
      expect(statSync(join(dir, 'export.csv')).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, 'export.csv'), 'utf8')).toBe('name,amount');
    },
  );

  it.runIf(process.platform !== 'win32')(
    'Given a file already there with mode 0644, When saved over, Then it is 0600 afterwards and holds the new bytes',
    async () => {
      const path = join(dir, 'existing.csv');
      writeFileSync(path, 'old', { mode: 0o644 });
      chmodSync(path, 0o644);
      await nodeFileSystem.writeFile(path, bytes('name,amount'));
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readFileSync(path, 'utf8')).toBe('name,amount');
    },
  );
});

describe('print:toPdf', () => {
  it('Given the user picks a path, When printing, Then the window is printed with the page size and written there', async () => {
    const fs = memoryFileSystem();
    const printToPDF = vi.fn(() => Promise.resolve(bytes('%PDF-1.7')));
    const dialogs = fakeDialogs({ savePath: '/docs/itinerary.pdf' });
    const result = await printToPdf(
      { dialogs, fs, defaultDirectory: '/docs', printToPDF },
      { suggestedName: 'itinerary', pageSize: 'Letter', landscape: true },
    );
    expect(result).toStrictEqual({ saved: true, path: '/docs/itinerary.pdf' });
    expect(printToPDF).toHaveBeenCalledExactlyOnceWith({
      pageSize: 'Letter',
      landscape: true,
      printBackground: true,
      // The page's @page rule (size, margins, Confidential footer, page numbers) decides.
      preferCSSPageSize: true,
      displayHeaderFooter: false,
    });
    expect(new TextDecoder().decode(fs.files['/docs/itinerary.pdf'])).toBe('%PDF-1.7');
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '/docs/itinerary.pdf' }),
    );
  });

  it('Given the user cancels, When printing, Then nothing is rendered or written', async () => {
    const fs = memoryFileSystem();
    const printToPDF = vi.fn(() => Promise.resolve(bytes('%PDF')));
    const result = await printToPdf(
      { dialogs: fakeDialogs({}), fs, defaultDirectory: '/docs', printToPDF },
      { suggestedName: 'itinerary.pdf', pageSize: 'A4' },
    );
    expect(result).toStrictEqual({ saved: false });
    expect(printToPDF).not.toHaveBeenCalled();
    expect(fs.writeFile).not.toHaveBeenCalled();
  });

  it('Given names with and without .pdf, Then the file name ends in .pdf once', () => {
    expect(pdfFileName('trip')).toBe('trip.pdf');
    expect(pdfFileName('trip.PDF')).toBe('trip.PDF');
  });
});

describe('app:info and the settings file', () => {
  it('Given the runtime, When app:info is asked, Then the contract fields come back', () => {
    expect(
      getAppInfo({
        name: 'Haven',
        version: '0.1.0',
        platform: 'linux',
        versions: { electron: '45.4.1', chrome: '140.0' },
      }),
    ).toStrictEqual({
      name: 'Haven',
      version: '0.1.0',
      platform: 'linux',
      electron: '45.4.1',
      chrome: '140.0',
    });
  });

  it('Given the contract, Then the only setting channel is tiles:set, which asks main to confirm (tests/unit/electron/tiles.test.ts)', () => {
    expect(Object.keys(ipcContract).sort()).toStrictEqual(
      ['app:info', 'files:open', 'files:save', 'print:toPdf', 'tiles:set'].sort(),
    );
    expect(Object.keys(ipcContract).filter((channel) => /tile|settings/i.test(channel))).toEqual([
      'tiles:set',
    ]);
  });

  it('Given a settings file edited to hold a plain-http host, When loaded, Then the host is ignored', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'haven-settings-')), 'settings.json');
    writeFileSync(file, JSON.stringify({ tileOrigin: 'http://tracker.example' }));
    expect(new SettingsStore(file).tileOrigin).toBeNull();
    writeFileSync(file, 'not json');
    expect(new SettingsStore(file).tileOrigin).toBeNull();
  });

  it.each([
    'https://localhost',
    'https://127.0.0.1',
    'https://[::1]',
    'https://10.0.0.1:8443',
    'https://0x7f000001',
    'https://tiles',
    'https://tiles.example.org.',
    'https://TILES.example.org',
    'https://tiles_1.example.org',
    'https://-tiles.example.org',
    'https://tiles..example.org',
    'https://tiles.example.123',
    'https://tiles.example.org:0',
    'https://tiles.example.org:70000',
    'https://tiles.example.org/',
    'https://tiles.example.org?x=1',
    'https://user@tiles.example.org',
    'https://tiles.example.org%2f.evil.example',
    'https://xn--.example.org',
    ` https://tiles.example.org`,
    `https://${'a'.repeat(64)}.example.org`,
  ])(
    'Given a settings file holding the junk host %j, When loaded, Then zero egress (null)',
    (origin) => {
      expect(parseSettings({ tileOrigin: origin })).toStrictEqual({ tileOrigin: null });
    },
  );

  it('Given a settings file with a valid host but an unknown extra key or a non-string, Then the defaults', () => {
    expect(parseSettings({ tileOrigin: 'https://tiles.example.org', allow: '*' })).toStrictEqual({
      tileOrigin: null,
    });
    expect(parseSettings({ tileOrigin: 42 })).toStrictEqual({ tileOrigin: null });
    expect(parseSettings([])).toStrictEqual({ tileOrigin: null });
  });

  it.each([
    'https://tiles.example.org',
    'https://a.tile.openstreetmap.org',
    'https://xn--bcher-kva.example:8443',
  ])('Given a settings file holding the valid host %j, When loaded, Then it is kept', (origin) => {
    expect(parseSettings({ tileOrigin: origin })).toStrictEqual({ tileOrigin: origin });
    const file = join(mkdtempSync(join(tmpdir(), 'haven-settings-')), 'settings.json');
    writeFileSync(file, JSON.stringify({ tileOrigin: origin }));
    expect(new SettingsStore(file).tileOrigin).toBe(origin);
  });
});
