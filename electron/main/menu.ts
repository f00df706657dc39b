/**
 * The application menu: the usual roles (edit, zoom, full screen, window, quit) so that keyboard
 * shortcuts such as copy and paste work, and reload and DevTools only in development (a reload
 * would drop the unlocked vault; DevTools are disabled in production builds anyway).
 */
import type { MenuItemConstructorOptions } from 'electron';

export function buildMenuTemplate(
  platform: NodeJS.Platform,
  devTools: boolean,
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [platform === 'darwin' ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
