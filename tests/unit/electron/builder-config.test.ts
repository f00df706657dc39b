/**
 * electron-builder.yml: valid against electron-builder's own schema (checked offline with its
 * validator, since packaging cannot run here without the Electron download), with the fuses,
 * targets, icons and packaged files that the security design requires.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, debugLogger: unknown) => Promise<void>;
};
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (
    from: string,
    to: string,
    macroExpander: (pattern: string) => string,
    patterns: string[],
  ) => { createFilter(): (file: string, stat: object) => boolean };
};
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (isEnabled: boolean) => unknown;
};

const root = join(__dirname, '../../..');

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string; category: string; maintainer: string };
  win: { target: string[]; icon: string };
  mac: {
    target: string[];
    icon: string;
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
  };
}

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(join(root, path));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('Given the config, When electron-builder validates it against its schema, Then it is accepted', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('Given a misspelt fuse, When validated, Then the schema refuses it (the validator really validates)', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });

  it("Given the config, Then the identity and output folders are Haven's", () => {
    expect(config.appId).toBe('org.haven.planner');
    expect(config.productName).toBe('Haven');
    expect(config.directories).toStrictEqual({ output: 'dist', buildResources: 'resources' });
    expect(config.asar).toBe(true);
  });

  it('Given the fuses, Then Node modes and inspect are off and ASAR integrity and cookie encryption are on', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('Given the packaged files, Then out/ and package.json go in, source maps and type-check output do not', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', '!out/**/*.map']));
  });

  it.each([
    ['out/main/index.js', true],
    ['out/preload/index.js', true],
    ['out/renderer/index.html', true],
    ['out/renderer/assets/index-abc.js', true],
    ['package.json', true],
    ['node_modules/zod/index.js', true],
    ['out/renderer/assets/index-abc.js.map', false],
    ['out/.tsc-node/electron/main/index.js', false],
    ['out/.tsc-web/src/main.js', false],
    ['out/e2e-profile/IndexedDB/app_haven_0.indexeddb.leveldb/000003.log', false],
    ['out/notes.txt', false],
    ['node_modules/dexie/dist/dexie.js', false],
    ['src/storage/vault.ts', false],
  ])(
    "Given electron-builder's own file matcher over the files list, When it meets %s, Then packaged is %s",
    (path, packaged) => {
      const matcher = new FileMatcher(root, '/app', (pattern) => pattern, config.files);
      const filter = matcher.createFilter();
      const stat = { isDirectory: () => false, isFile: () => true, isSymbolicLink: () => false };
      expect(filter(join(root, path), stat)).toBe(packaged);
    },
  );

  it('Given the targets, Then Linux AppImage and deb, Windows NSIS and macOS dmg with hardened runtime are built', () => {
    expect(config.linux.target).toStrictEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/.+ <.+@.+>/);
    expect(config.win.target).toStrictEqual(['nsis']);
    expect(config.mac.target).toStrictEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(existsSync(join(root, config.mac.entitlements))).toBe(true);
    expect(existsSync(join(root, config.mac.entitlementsInherit))).toBe(true);
  });

  it('Given the icons, Then the Windows/macOS icon is a 512x512 PNG and the Linux set holds 256 and 512', () => {
    expect(pngSize(config.win.icon)).toStrictEqual({ width: 512, height: 512 });
    expect(pngSize(config.mac.icon)).toStrictEqual({ width: 512, height: 512 });
    expect(pngSize(join(config.linux.icon, '256x256.png'))).toStrictEqual({
      width: 256,
      height: 256,
    });
    expect(pngSize(join(config.linux.icon, '512x512.png'))).toStrictEqual({
      width: 512,
      height: 512,
    });
  });
});
