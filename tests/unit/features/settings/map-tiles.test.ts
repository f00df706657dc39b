// @vitest-environment jsdom
/**
 * Online tiles in the sealed settings record (issue 11): the template and on/off round-trip
 * through the vault sealed (not readable at rest) and survive a lock and unlock; a bad template
 * is refused with a message and nothing is written; "on" means nothing until the main process
 * (its real `tiles:set` handler, with the dialog injected) confirmed the host in this session, and
 * locking forgets that confirmation.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tileTemplateOrigin, type HavenApi } from '../../../../electron/shared/ipc-contract';
import {
  confirmedTileOrigin,
  onlineTilesState,
  turnOffTiles,
  turnOnTiles,
} from '../../../../src/features/settings/online-tiles';
import {
  currentSettings,
  saveSettings,
  SettingsInputError,
} from '../../../../src/features/settings/use-settings';
import { KDF_FLOOR, vault } from '../../../../src/storage';
import { rawSnapshot } from '../../storage/helpers';

const PASSPHRASE = 'ochre lantern velvet basin quarry thimble';
const TEMPLATE = 'https://tiles.haven-canary.example/{z}/{x}/{y}.png';
const ORIGIN = 'https://tiles.haven-canary.example';

// The main process as the renderer sees it through the preload: its dialog is answered `answer`
// (0 keep offline, 1 allow); on "allow" it stores the origin and lets it through. The handler and
// dialog themselves are unit-tested in tests/unit/electron/tiles.test.ts.
let answer = 0;
const showMessageBox = vi.fn(async () => ({ response: answer }));
const mainSettings = { tileOrigin: null as string | null };
async function setTileTemplate(template: string | null) {
  if (template === null) {
    mainSettings.tileOrigin = null;
    return { tileOrigin: null, confirmed: false };
  }
  const { response } = await showMessageBox();
  if (response !== 1) return { tileOrigin: mainSettings.tileOrigin, confirmed: false };
  mainSettings.tileOrigin = tileTemplateOrigin(template);
  return { tileOrigin: mainSettings.tileOrigin, confirmed: true };
}
const api: HavenApi = {
  saveFile: async () => ({ saved: false }),
  openFile: async () => ({ opened: false }),
  printToPdf: async () => ({ saved: false }),
  getAppInfo: async () => ({
    name: 'Haven',
    version: '0',
    electron: '0',
    chrome: '0',
    platform: 'linux',
  }),
  setTileTemplate,
  onLock: () => () => undefined,
} as unknown as HavenApi;
(window as unknown as { api: HavenApi }).api = api;

async function everyDatabase(): Promise<string> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? '');
  expect(names.length).toBeGreaterThan(0);
  return (await Promise.all(names.map((n) => rawSnapshot(n)))).join('\n');
}

describe('online tiles in the sealed settings', () => {
  beforeAll(() => vault.createVault(PASSPHRASE, { kdfParams: KDF_FLOOR }));
  afterAll(() => vault.lock());

  it('Given a new vault, Then tiles are off with no template', () => {
    expect(currentSettings().mapTiles).toEqual({ template: null, on: false });
  });

  it('Given a template saved on, When the vault locks and unlocks, Then it comes back, and the template is not readable at rest', async () => {
    await saveSettings({ mapTiles: { template: TEMPLATE, on: true } });
    expect(currentSettings().mapTiles).toEqual({ template: TEMPLATE, on: true });
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(currentSettings().mapTiles).toEqual({ template: TEMPLATE, on: true });
    expect(await everyDatabase()).not.toContain('haven-canary');
    await saveSettings({ mapTiles: { template: TEMPLATE, on: false } });
  });

  it.each([
    ['http://x/{z}', 'no https and no {x}/{y}'],
    ['https://tiles.example.org/{z}/{y}.png', 'no {x}'],
    ['https://10.0.0.1/{z}/{x}/{y}.png', 'an IP address'],
  ])(
    'Given the bad template %s (%s), When saved, Then it is refused with a message and nothing changes',
    async (template) => {
      const before = currentSettings();
      const error = await saveSettings({ mapTiles: { template, on: false } }).catch((e) => e);
      expect(error).toBeInstanceOf(SettingsInputError);
      expect((error as SettingsInputError).key).toBe('map.tiles.invalid');
      expect((error as Error).message).toMatch(/https tile URL such as https:\/\/tiles/);
      expect(currentSettings()).toEqual(before);
    },
  );

  it('Given no template, When saved as on, Then it is refused', async () => {
    await expect(saveSettings({ mapTiles: { template: null, on: true } })).rejects.toThrow(
      SettingsInputError,
    );
  });

  it('Given on in Settings but no confirmation, Then the map state is unconfirmed (nothing drawn); confirmed for another origin is not enough', () => {
    const setting = { template: TEMPLATE, on: true };
    expect(onlineTilesState(setting, null).state).toBe('unconfirmed');
    expect(onlineTilesState(setting, 'https://other.example.org').state).toBe('unconfirmed');
    expect(onlineTilesState(setting, ORIGIN)).toEqual({
      state: 'on',
      template: TEMPLATE,
      host: 'tiles.haven-canary.example',
    });
    expect(onlineTilesState({ template: TEMPLATE, on: false }, ORIGIN).state).toBe('off');
  });

  it('Given main declines, When tiles are turned on, Then the template is kept, tiles stay off and main lets nothing through', async () => {
    answer = 0;
    expect((await turnOnTiles(TEMPLATE)).kind).toBe('declined');
    expect(currentSettings().mapTiles).toEqual({ template: TEMPLATE, on: false });
    expect(confirmedTileOrigin()).toBeNull();
    expect(mainSettings.tileOrigin).toBeNull();
  });

  it('Given main confirms, When tiles are turned on, Then the setting is on, the origin confirmed and let through; locking forgets the confirmation; turning off closes it', async () => {
    answer = 1;
    expect(await turnOnTiles(TEMPLATE)).toEqual({ kind: 'on', origin: ORIGIN });
    expect(currentSettings().mapTiles).toEqual({ template: TEMPLATE, on: true });
    expect(confirmedTileOrigin()).toBe(ORIGIN);
    expect(mainSettings.tileOrigin).toBe(ORIGIN);
    expect(showMessageBox).toHaveBeenCalledTimes(2);

    vault.lock();
    expect(confirmedTileOrigin()).toBeNull();
    await vault.unlock(PASSPHRASE);
    expect(onlineTilesState(currentSettings().mapTiles, confirmedTileOrigin()).state).toBe(
      'unconfirmed',
    );

    // Declining another template closes the host confirmed before as well.
    answer = 1;
    await turnOnTiles(TEMPLATE);
    expect(mainSettings.tileOrigin).toBe(ORIGIN);
    answer = 0;
    expect((await turnOnTiles('https://other.example.org/{z}/{x}/{y}.png')).kind).toBe('declined');
    expect(mainSettings.tileOrigin).toBeNull();
    expect(currentSettings().mapTiles.on).toBe(false);

    answer = 1;
    await turnOnTiles(TEMPLATE);
    expect((await turnOffTiles()).kind).toBe('off');
    expect(currentSettings().mapTiles).toEqual({ template: TEMPLATE, on: false });
    expect(confirmedTileOrigin()).toBeNull();
    expect(mainSettings.tileOrigin).toBeNull();
  });
});
