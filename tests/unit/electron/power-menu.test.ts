/**
 * System suspend / screen lock forwarding (electron/main/power.ts) and the application menu
 * (electron/main/menu.ts): no reload or DevTools entries outside development.
 */
import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { forwardPowerLock } from '../../../electron/main/power';

describe('power lock', () => {
  it.each(['suspend', 'lock-screen'] as const)(
    'Given the system reports %s, Then the renderer is told to lock, with the reason',
    (reason) => {
      const powerMonitor = new EventEmitter();
      const send = vi.fn();
      forwardPowerLock(powerMonitor, send);
      expect(send).not.toHaveBeenCalled();
      powerMonitor.emit(reason);
      expect(send).toHaveBeenCalledExactlyOnceWith({ reason });
    },
  );

  it('Given other power events (resume, unlock), Then nothing is sent', () => {
    const powerMonitor = new EventEmitter();
    const send = vi.fn();
    forwardPowerLock(powerMonitor, send);
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(send).not.toHaveBeenCalled();
  });
});

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'Given production on %s, Then the menu has edit and zoom roles but no reload or DevTools',
    (platform) => {
      const menuRoles = roles(buildMenuTemplate(platform, false));
      expect(menuRoles).toEqual(
        expect.arrayContaining(['editMenu', 'zoomIn', 'togglefullscreen', 'windowMenu']),
      );
      expect(menuRoles).not.toContain('toggleDevTools');
      expect(menuRoles).not.toContain('reload');
      expect(menuRoles).not.toContain('forceReload');
    },
  );

  it('Given development, Then reload and DevTools are offered', () => {
    expect(roles(buildMenuTemplate('linux', true))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('Given macOS, Then the app menu comes first', () => {
    expect(buildMenuTemplate('darwin', false)[0]).toStrictEqual({ role: 'appMenu' });
    expect(roles(buildMenuTemplate('linux', false))).not.toContain('appMenu');
  });
});
