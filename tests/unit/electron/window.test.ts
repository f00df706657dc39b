/**
 * The main window of electron/main/window.ts: exactly hardened options, content protection, the
 * app:// entry, DevTools only in development, and bounds remembered and clamped to a display.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  createMainWindow,
  hardenedWebPreferences,
  isDevToolsAllowed,
  loadWindowState,
  restoreBounds,
  type MainWindow,
  type WindowState,
} from '../../../electron/main/window';

const PRIMARY: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT: Rectangle = { x: 1920, y: 0, width: 1280, height: 984 };
const ONE_DISPLAY = { primary: PRIMARY, all: [PRIMARY] };
const TWO_DISPLAYS = { primary: PRIMARY, all: [PRIMARY, RIGHT] };

function state(partial: Partial<WindowState>): WindowState {
  return { x: 100, y: 100, width: 1200, height: 800, maximized: false, ...partial };
}

describe('web preferences', () => {
  it('Given production, Then the preferences are exactly the hardened set, DevTools off', () => {
    expect(hardenedWebPreferences('/app/out/preload/index.js', false)).toStrictEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('Given any mode, Then no Blink feature is ever enabled', () => {
    expect(hardenedWebPreferences('/p', true)).not.toHaveProperty('enableBlinkFeatures');
  });

  it.each([
    [false, { HAVEN_DEV: '1' }, true],
    [true, { HAVEN_DEV: '1' }, false],
    [false, {}, false],
    [false, { HAVEN_DEV: '' }, false],
    [false, { HAVEN_DEV: '0' }, false],
    [false, { HAVEN_DEV: 'false' }, false],
  ])('Given isPackaged=%s and env %j, Then DevTools allowed is %s', (isPackaged, env, expected) => {
    expect(isDevToolsAllowed(isPackaged, env)).toBe(expected);
  });
});

describe('bounds restore', () => {
  it('Given nothing saved, Then the default size is centered (no position)', () => {
    expect(restoreBounds(null, ONE_DISPLAY)).toStrictEqual({ ...DEFAULT_SIZE });
  });

  it('Given bounds inside a display, Then they are kept', () => {
    expect(restoreBounds(state({}), ONE_DISPLAY)).toStrictEqual({
      x: 100,
      y: 100,
      width: 1200,
      height: 800,
    });
  });

  it('Given bounds on a monitor that is gone, Then the window is centered on the primary display', () => {
    expect(restoreBounds(state({ x: 2500, y: 200 }), ONE_DISPLAY)).toStrictEqual({
      width: 1200,
      height: 800,
    });
  });

  it('Given bounds on the second monitor, Then they stay there', () => {
    expect(restoreBounds(state({ x: 2000, y: 50 }), TWO_DISPLAYS)).toStrictEqual({
      x: 2000,
      y: 50,
      width: 1200,
      height: 800,
    });
  });

  it('Given bounds hanging off the bottom-right edge, Then they are moved back inside', () => {
    expect(restoreBounds(state({ x: 1500, y: 900 }), ONE_DISPLAY)).toStrictEqual({
      x: 720,
      y: 240,
      width: 1200,
      height: 800,
    });
  });

  it('Given bounds above and left of the screen, Then they are moved to its corner', () => {
    expect(restoreBounds(state({ x: -300, y: -200 }), ONE_DISPLAY)).toStrictEqual({
      x: 0,
      y: 0,
      width: 1200,
      height: 800,
    });
  });

  it('Given bounds larger than the display, Then they are shrunk to its work area', () => {
    expect(
      restoreBounds(state({ x: 10, y: 10, width: 5000, height: 3000 }), TWO_DISPLAYS),
    ).toStrictEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
    });
  });

  it('Given a tiny saved size, Then the minimum size is restored', () => {
    expect(restoreBounds(state({ width: 10, height: 10 }), ONE_DISPLAY)).toMatchObject({
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
    });
  });

  it('Given a corrupt or missing state file, Then nothing is restored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-window-'));
    writeFileSync(join(dir, 'bad.json'), '{"x": "left", ');
    writeFileSync(
      join(dir, 'wrong.json'),
      JSON.stringify({ x: 1, y: 2, width: -5, height: 3, maximized: false }),
    );
    expect(loadWindowState(join(dir, 'bad.json'))).toBeNull();
    expect(loadWindowState(join(dir, 'wrong.json'))).toBeNull();
    expect(loadWindowState(join(dir, 'missing.json'))).toBeNull();
  });
});

class FakeWindow implements MainWindow {
  readonly setContentProtection = vi.fn();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly maximize = vi.fn();
  readonly show = vi.fn();
  readonly listeners = new Map<string, () => void>();
  bounds: Rectangle = { x: 0, y: 0, width: 0, height: 0 };
  maximized = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {}

  once(event: string, listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }

  on(event: string, listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }

  getNormalBounds(): Rectangle {
    return this.bounds;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  emit(event: string): void {
    this.listeners.get(event)?.();
  }
}

describe('createMainWindow', () => {
  function open(stateFile: string, displays = ONE_DISPLAY) {
    return createMainWindow({
      createWindow: (options) => new FakeWindow(options),
      preloadPath: '/app/out/preload/index.js',
      devTools: false,
      stateFile,
      displays,
    }).window;
  }

  it('Given a first start, When the window is created, Then it is hardened, protected, hidden until ready and loads app://haven/', () => {
    const window = open(join(mkdtempSync(join(tmpdir(), 'haven-window-')), 'window-state.json'));
    expect(window.options.webPreferences).toStrictEqual(
      hardenedWebPreferences('/app/out/preload/index.js', false),
    );
    expect(window.options.show).toBe(false);
    expect(window.setContentProtection).toHaveBeenCalledExactlyOnceWith(true);
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://haven/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('Given a window moved and maximized, When it closes and Haven starts again, Then its bounds and maximized state come back', () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'haven-window-')), 'window-state.json');
    const first = open(stateFile);
    first.bounds = { x: 200.4, y: 150, width: 1000, height: 700 };
    first.maximized = true;
    first.emit('close');
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toStrictEqual({
      x: 200,
      y: 150,
      width: 1000,
      height: 700,
      maximized: true,
    });

    const second = open(stateFile);
    expect(second.options).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 });
    expect(second.maximize).toHaveBeenCalledOnce();
  });

  it('Given bounds saved on a monitor that is now unplugged, When Haven starts, Then the window opens centered on the primary display', () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'haven-window-')), 'window-state.json');
    const first = open(stateFile, TWO_DISPLAYS);
    first.bounds = { x: 2100, y: 100, width: 1000, height: 700 };
    first.emit('close');
    const second = open(stateFile, ONE_DISPLAY);
    expect(second.options.x).toBeUndefined();
    expect(second.options.y).toBeUndefined();
    expect(second.options).toMatchObject({ width: 1000, height: 700 });
  });
});
