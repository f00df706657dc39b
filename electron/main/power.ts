/**
 * System suspend and screen lock become a `power:lock` event to the renderer, which locks the
 * vault (drops keys and decrypted data). Where the platform does not report these events, the
 * renderer's idle timer still locks.
 */
import type { PowerLockEvent } from '../shared/ipc-contract';

/** The part of Electron's powerMonitor that is listened to. */
export interface PowerEvents {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

export function forwardPowerLock(
  powerMonitor: PowerEvents,
  sendLock: (event: PowerLockEvent) => void,
): void {
  powerMonitor.on('suspend', () => {
    sendLock({ reason: 'suspend' });
  });
  powerMonitor.on('lock-screen', () => {
    sendLock({ reason: 'lock-screen' });
  });
}
