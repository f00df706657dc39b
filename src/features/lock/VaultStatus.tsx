/**
 * The vault state in the header ("Unlocked · locks in 4:32") and the Lock button. It also owns
 * the triggers that lock the vault: idle time, Ctrl/Cmd+L, and the system's suspend or screen
 * lock where the desktop shell reports them.
 */
import { Alert, Button, Group, Portal, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconClockExclamation, IconLock } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform';
import { vault } from '../../storage';
import { ACTIVITY_EVENTS, IdleTimer, formatCountdown } from './idle-timer';

interface AutoLock {
  remaining: number;
  /** True in the last minute before the lock. */
  warning: boolean;
  /** Restarts the countdown ("Stay unlocked"). */
  stay: () => void;
}

function useAutoLock(minutes: number): AutoLock {
  const [remaining, setRemaining] = useState(minutes * 60_000);
  const [warning, setWarning] = useState(false);
  const timerRef = useRef<IdleTimer | null>(null);
  useEffect(() => {
    const timer = new IdleTimer(
      minutes * 60_000,
      () => vault.lock(),
      setRemaining,
      undefined,
      setWarning,
    );
    timerRef.current = timer;
    const onActivity = (): void => timer.activity();
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { passive: true, capture: true });
    timer.start();
    const stopSystem = platform().onSystemLock(() => vault.lock());
    return () => {
      timer.stop();
      stopSystem();
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes]);
  return { remaining, warning, stay: () => timerRef.current?.activity() };
}

/**
 * The last minute before the auto-lock: said aloud (role="alert") and shown above any open
 * dialog, with a button that keeps Haven unlocked. Any key or pointer movement does the same.
 */
function IdleWarning({ remaining, onStay }: { remaining: number; onStay: () => void }) {
  const { t } = useTranslation();
  return (
    <Portal>
      <Alert
        role="alert"
        color="orange"
        variant="filled"
        icon={<IconClockExclamation aria-hidden />}
        title={t('vault.idleWarning.title', { time: formatCountdown(remaining) })}
        style={{
          position: 'fixed',
          top: 12,
          left: '50%',
          transform: 'translateX(-50%)',
          zIndex: 1000,
          maxWidth: 'min(32rem, calc(100vw - 24px))',
          boxShadow: 'var(--mantine-shadow-lg)',
        }}
      >
        <Text size="sm" mb="xs">
          {t('vault.idleWarning.body')}
        </Text>
        <Button size="xs" variant="white" color="orange" onClick={onStay} data-autofocus>
          {t('vault.idleWarning.stay')}
        </Button>
      </Alert>
    </Portal>
  );
}

export function VaultStatus({ autoLockMinutes }: { autoLockMinutes: number }) {
  const { t } = useTranslation();
  const { remaining, warning, stay } = useAutoLock(autoLockMinutes);
  useHotkeys([['mod+L', () => vault.lock()]], []);
  return (
    <Group gap="xs" wrap="nowrap">
      {warning && <IdleWarning remaining={remaining} onStay={stay} />}
      <Text size="sm" c="dimmed" aria-live="off" data-testid="vault-status">
        {t('vault.status.unlocked', { time: formatCountdown(remaining) })}
      </Text>
      <Tooltip label={t('vault.status.lockShortcut')}>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconLock size={14} aria-hidden />}
          onClick={() => vault.lock()}
        >
          {t('vault.status.lock')}
        </Button>
      </Tooltip>
    </Group>
  );
}
