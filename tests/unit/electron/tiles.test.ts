import { describe, expect, it, vi } from 'vitest';
import { setTileTemplate, tileConfirmation } from '../../../electron/main/ipc/tiles';
import { SettingsStore } from '../../../electron/main/settings';
import { isRequestAllowed } from '../../../electron/main/security';
import { setTileTemplateRequestSchema } from '../../../electron/shared/ipc-contract';

const TEMPLATE = 'https://tiles.example.org/{z}/{x}/{y}.png';

function store() {
  const writes: string[] = [];
  const settings = new SettingsStore('/nonexistent/settings.json', (_path, text) =>
    writes.push(text),
  );
  return { settings, writes };
}

describe('online tiles: the main process confirms', () => {
  it('given the coordinator keeps the map offline, then nothing is stored and nothing is let through', async () => {
    const { settings, writes } = store();
    const showMessageBox = vi.fn(async (_options: Electron.MessageBoxOptions) => ({ response: 0 }));
    const result = await setTileTemplate(
      { dialogs: { showMessageBox }, settings },
      { template: TEMPLATE },
    );
    expect(result).toEqual({ tileOrigin: null, confirmed: false });
    expect(settings.tileOrigin).toBeNull();
    expect(writes).toEqual([]);
    expect(
      isRequestAllowed('https://tiles.example.org/3/4/2.png', {
        tileOrigin: settings.tileOrigin,
        devTools: false,
      }),
    ).toBe(false);
    // The dialog says what the server learns, and keeping the map offline is the default.
    const options = showMessageBox.mock.calls[0]?.[0];
    expect(options?.detail).toContain('every place you look at');
    expect(options?.defaultId).toBe(0);
    expect(options?.cancelId).toBe(0);
  });

  it('given the coordinator allows it, then only that origin is stored and let through; off closes it', async () => {
    const { settings, writes } = store();
    const dialogs = { showMessageBox: vi.fn(async () => ({ response: 1 })) };
    expect(await setTileTemplate({ dialogs, settings }, { template: TEMPLATE })).toEqual({
      tileOrigin: 'https://tiles.example.org',
      confirmed: true,
    });
    expect(writes).toEqual(['{"tileOrigin":"https://tiles.example.org"}']);
    const policy = () => ({ tileOrigin: settings.tileOrigin, devTools: false });
    expect(isRequestAllowed('https://tiles.example.org/3/4/2.png', policy())).toBe(true);
    expect(isRequestAllowed('https://other.example.org/3/4/2.png', policy())).toBe(false);

    dialogs.showMessageBox.mockClear();
    expect(await setTileTemplate({ dialogs, settings }, { template: null })).toEqual({
      tileOrigin: null,
      confirmed: false,
    });
    expect(dialogs.showMessageBox).not.toHaveBeenCalled();
    expect(settings.tileOrigin).toBeNull();
    expect(writes.at(-1)).toBe('{"tileOrigin":null}');
    expect(isRequestAllowed('https://tiles.example.org/3/4/2.png', policy())).toBe(false);
  });

  it('given a template, then the dialog names its host', () => {
    expect(tileConfirmation('https://tiles.example.org:8443').message).toContain(
      'tiles.example.org:8443',
    );
  });

  it('given bad templates, then the contract refuses them before any dialog', () => {
    for (const template of [
      'http://tiles.example.org/{z}/{x}/{y}.png',
      'https://127.0.0.1/{z}/{x}/{y}.png',
      'https://localhost/{z}/{x}/{y}.png',
      'https://tiles.example.org/tiles.png',
      'https://user@tiles.example.org/{z}/{x}/{y}.png',
    ])
      expect(setTileTemplateRequestSchema.safeParse({ template }).success, template).toBe(false);
    expect(setTileTemplateRequestSchema.safeParse({ template: TEMPLATE }).success).toBe(true);
  });
});
