/** Settings: vault security (lock, auto-lock, passphrase, key rotation), backups, and about. */
import { Divider, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platform, type AppInfo } from '../../platform';
import { MapTilesSection } from './MapTilesSection';
import { BackupSection } from './BackupSection';
import { BudgetSettingsSection } from './BudgetSettingsSection';
import { ChangePassphraseSection } from './ChangePassphraseSection';
import { LanguageSection } from './LanguageSection';
import { RestoreSection } from './RestoreSection';
import { ReviewSettingsSection } from './ReviewSettingsSection';
import { RotateKeySection } from './RotateKeySection';
import { SecuritySection } from './SecuritySection';

export function SettingsPage() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    void platform()
      .appInfo()
      .then((value) => {
        if (live) setInfo(value);
      });
    return () => {
      live = false;
    };
  }, []);

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('settings.title')}</Title>
      <SecuritySection />
      <Divider />
      <LanguageSection />
      <Divider />
      <ChangePassphraseSection />
      <Divider />
      <RotateKeySection />
      <Divider />
      <BackupSection />
      <Divider />
      <RestoreSection />
      <Divider />
      <ReviewSettingsSection />
      <BudgetSettingsSection />
      <Divider />
      <MapTilesSection />
      <Divider />
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('settings.about.title')}
        </Title>
        {info && (
          <Text size="sm" c="dimmed">
            {t('settings.about.version', {
              version: info.version,
              shell:
                info.shell === 'electron'
                  ? t('settings.about.shellElectron')
                  : t('settings.about.shellBrowser'),
            })}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
