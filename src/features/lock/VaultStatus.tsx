/**
 * The vault state in the header ("Unlocked · locks in 4:32") and the Lock button. It also owns
 * the triggers that lock the vault: idle time, Ctrl/Cmd+L, and the system's suspend or screen
 * lock where the desktop shell reports them.
 */
import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform';
import { vault } from '../../storage';
import { ACTIVITY_EVENTS, IdleTimer, formatCountdown } from './idle-timer';

function useAutoLock(minutes: number): number {
  const [remaining, setRemaining] = useState(minutes * 60_000);
  useEffect(() => {
    const timer = new IdleTimer(minutes * 60_000, () => vault.lock(), setRemaining);
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
  return remaining;
}

export function VaultStatus({ autoLockMinutes }: { autoLockMinutes: number }) {
  const { t } = useTranslation();
  const remaining = useAutoLock(autoLockMinutes);
  useHotkeys([['mod+L', () => vault.lock()]], []);
  return (
    <Group gap="xs" wrap="nowrap">
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
