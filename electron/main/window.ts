/**
 * Haven's one window: hardened web preferences, content protection (no screenshots or screen
 * sharing of the window where the OS supports it), and its bounds remembered across runs in
 * `window-state.json` in userData, restored only where a display can show them.
 *
 * The BrowserWindow itself is created by an injected factory so that all of this runs in unit
 * tests without Electron.
 */
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';
import { APP_ENTRY_URL } from './security';

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;

/** DevTools only in an unpackaged build started with HAVEN_DEV set (never in a release). */
export function isDevToolsAllowed(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const flag = env.HAVEN_DEV;
  return !isPackaged && flag !== undefined && flag !== '' && flag !== '0' && flag !== 'false';
}

/** The web preferences of every Haven window: the Electron security checklist, nothing optional. */
export function hardenedWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
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
    devTools,
  };
}

export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

export type WindowState = z.output<typeof windowStateSchema>;

export interface InitialBounds {
  /** Absent: let Electron center the window on the primary display. */
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function fitSize(
  width: number,
  height: number,
  area: Rectangle,
): { width: number; height: number } {
  return {
    width: clamp(width, Math.min(MIN_SIZE.width, area.width), area.width),
    height: clamp(height, Math.min(MIN_SIZE.height, area.height), area.height),
  };
}

/**
 * Where to open the window: the saved bounds moved and shrunk to lie wholly inside the work area
 * of the display they overlap most; when they overlap none (a monitor was unplugged) or there is
 * nothing saved, the saved or default size centered on the primary display.
 */
export function restoreBounds(
  saved: WindowState | null,
  displays: { readonly primary: Rectangle; readonly all: readonly Rectangle[] },
): InitialBounds {
  if (saved === null) return fitSize(DEFAULT_SIZE.width, DEFAULT_SIZE.height, displays.primary);
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of displays.all) {
    const overlap = overlapArea(saved, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (best === null) return fitSize(saved.width, saved.height, displays.primary);
  const size = fitSize(saved.width, saved.height, best);
  return {
    x: clamp(saved.x, best.x, best.x + best.width - size.width),
    y: clamp(saved.y, best.y, best.y + best.height - size.height),
    ...size,
  };
}

/** The saved window state, or null when the file is missing or invalid. */
export function loadWindowState(path: string): WindowState | null {
  const parsed = windowStateSchema.safeParse(readJsonFile(path));
  return parsed.success ? parsed.data : null;
}

/** Saves the state, rounded to whole pixels (fractional scaling can report fractions). */
export function saveWindowState(path: string, state: WindowState): void {
  writeJsonFile(path, {
    x: Math.round(state.x),
    y: Math.round(state.y),
    width: Math.round(state.width),
    height: Math.round(state.height),
    maximized: state.maximized,
  });
}

/** The options of Haven's main window. */
export function mainWindowOptions(
  preload: string,
  devTools: boolean,
  bounds: InitialBounds,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Haven',
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(preload, devTools),
  };
}

/** The parts of a BrowserWindow that `createMainWindow` uses. */
export interface MainWindow {
  setContentProtection(enable: boolean): void;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  maximize(): void;
  show(): void;
}

export interface MainWindowDeps<W extends MainWindow> {
  readonly createWindow: (options: BrowserWindowConstructorOptions) => W;
  readonly preloadPath: string;
  readonly devTools: boolean;
  /** window-state.json in userData. */
  readonly stateFile: string;
  readonly displays: { readonly primary: Rectangle; readonly all: readonly Rectangle[] };
}

/** Creates the hardened main window at its remembered place and loads app://haven/index.html. */
export function createMainWindow<W extends MainWindow>(
  deps: MainWindowDeps<W>,
): { window: W; loaded: Promise<void> } {
  const saved = loadWindowState(deps.stateFile);
  const window = deps.createWindow(
    mainWindowOptions(deps.preloadPath, deps.devTools, restoreBounds(saved, deps.displays)),
  );
  window.setContentProtection(true);
  if (saved?.maximized === true) window.maximize();
  window.once('ready-to-show', () => {
    window.show();
  });
  window.on('close', () => {
    try {
      saveWindowState(deps.stateFile, {
        ...window.getNormalBounds(),
        maximized: window.isMaximized(),
      });
    } catch (error) {
      // The bounds are a convenience: failing to save them must never keep the window open.
      console.warn('Haven: could not save the window bounds:', error);
    }
  });
  return { window, loaded: window.loadURL(APP_ENTRY_URL) };
}
