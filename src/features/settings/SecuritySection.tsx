/** Lock now, and the auto-lock time (saved in the sealed settings record). */
import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vault } from '../../storage';
import { AUTO_LOCK_MINUTES, saveSettings, useSettings } from './use-settings';

export function SecuritySection() {
  const { t } = useTranslation();
  const settings = useSettings();
  const [minutes, setMinutes] = useState<number | string>(settings.autoLockMinutes);
  const [error, setError] = useState<string | null>(null);
  const range = { min: AUTO_LOCK_MINUTES.min, max: AUTO_LOCK_MINUTES.max };

  async function saveMinutes(): Promise<void> {
    const value = typeof minutes === 'number' ? minutes : Number.NaN;
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      setError(t('settings.security.autoLockRange', range));
      return;
    }
    setError(null);
    if (value === settings.autoLockMinutes) return;
    await saveSettings({ autoLockMinutes: value });
    notifications.show({
      message: t('settings.security.autoLockSaved', { minutes: value }),
      color: 'teal',
    });
  }

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('settings.security.title')}
      </Title>
      <Group align="flex-end" gap="sm">
        <Button leftSection={<IconLock size={16} aria-hidden />} onClick={() => vault.lock()}>
          {t('settings.security.lockNow')}
        </Button>
        <Text size="xs" c="dimmed" maw={420}>
          {t('settings.security.lockNowHint')}
        </Text>
      </Group>
      <Group align="flex-start" gap="sm">
        <NumberInput
          label={t('settings.security.autoLock')}
          description={t('settings.security.autoLockHint', range)}
          rightSection={
            <Text size="xs" c="dimmed" pr="xs">
              {t('settings.security.autoLockUnit')}
            </Text>
          }
          rightSectionWidth={70}
          value={minutes}
          onChange={setMinutes}
          onBlur={() => void saveMinutes()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void saveMinutes();
          }}
          min={range.min}
          max={range.max}
          allowDecimal={false}
          clampBehavior="none"
          error={error}
          w={360}
        />
      </Group>
    </Stack>
  );
}
