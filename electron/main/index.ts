/**
 * Haven's main process: the app lifecycle and the wiring of Electron's objects into the plain,
 * unit-tested modules next to it (security.ts, window.ts, ipc/). Nothing here decides a rule.
 *
 * One instance at a time (a second launch focuses the first window); closing the window quits
 * the app on every platform, because a closed window must leave nothing unlocked in memory.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  screen,
  session,
} from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcEventChannel } from '../shared/ipc-contract';
import { nodeFileSystem } from './ipc/files';
import { createIpcHandlers, registerIpcHandlers } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { forwardPowerLock } from './power';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  denyAllPermissions,
  denyDownloads,
  hardenWebContents,
  installNetworkGuard,
} from './security';
import { SettingsStore } from './settings';
import { createMainWindow, isDevToolsAllowed } from './window';

const POWER_LOCK: IpcEventChannel = 'power:lock';

let mainWindow: BrowserWindow | null = null;

function start(): void {
  const devTools = isDevToolsAllowed(app.isPackaged, process.env);
  const userData = app.getPath('userData');
  const settings = new SettingsStore(join(userData, 'settings.json'));
  const appSession = session.defaultSession;

  denyAllPermissions(appSession);
  denyDownloads(appSession);
  installNetworkGuard(appSession, () => ({ tileOrigin: settings.tileOrigin, devTools }));
  appSession.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: join(__dirname, '../renderer'),
      readFile: (path) => readFile(path),
      getTileOrigin: () => settings.tileOrigin,
    }),
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, devTools)));

  const { window, loaded } = createMainWindow({
    createWindow: (options) => new BrowserWindow(options),
    preloadPath: join(__dirname, '../preload/index.js'),
    devTools,
    stateFile: join(userData, 'window-state.json'),
    displays: {
      primary: screen.getPrimaryDisplay().workArea,
      all: screen.getAllDisplays().map((display) => display.workArea),
    },
  });
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
  });

  const defaultDirectory = app.getPath('documents');
  const dialogs = {
    showSaveDialog: (options: Electron.SaveDialogOptions) => dialog.showSaveDialog(window, options),
    showOpenDialog: (options: Electron.OpenDialogOptions) => dialog.showOpenDialog(window, options),
  };
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers({
      files: { dialogs, fs: nodeFileSystem, defaultDirectory },
      print: {
        dialogs,
        fs: nodeFileSystem,
        defaultDirectory,
        printToPDF: (options) => window.webContents.printToPDF(options),
      },
      tiles: {
        dialogs: {
          showMessageBox: (options: Electron.MessageBoxOptions) =>
            dialog.showMessageBox(window, options),
        },
        settings,
      },
      appInfo: {
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        versions: process.versions,
      },
    }),
    () => mainWindow?.webContents ?? null,
  );
  forwardPowerLock(powerMonitor, (event) => {
    mainWindow?.webContents.send(POWER_LOCK, event);
  });

  loaded.catch((error: unknown) => {
    dialog.showErrorBox('Haven could not start', `The app's page failed to load: ${String(error)}`);
    app.exit(1);
  });
}

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('Haven: Electron failed to start:', error);
    app.exit(1);
  });
} else {
  app.quit();
}
