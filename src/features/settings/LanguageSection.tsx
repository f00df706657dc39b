/** The UI language, saved in the sealed settings record; "Follow system" is the default. */
import { Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguageChoice, LANGUAGE_CHOICES } from '../../i18n/languages';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { saveSettings, useSettings } from './use-settings';

export function LanguageSection() {
  const { t } = useTranslation();
  const settings = useSettings();
  const value = settings.language ?? 'system';

  async function choose(next: string | null): Promise<void> {
    if (!isLanguageChoice(next) || next === value) return;
    try {
      await saveSettings({ language: next });
    } catch (error) {
      notifyFailure(t, t('form.saveFailed'), error);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('settings.language.title')}
      </Title>
      <Select
        label={t('settings.language.label')}
        description={t('settings.language.hint')}
        data={LANGUAGE_CHOICES.map((choice) => ({
          value: choice,
          label: t(`settings.language.choices.${choice}`),
        }))}
        value={value}
        onChange={(next) => void choose(next)}
        allowDeselect={false}
        w={360}
      />
      <Text size="xs" c="dimmed" maw={560}>
        {t('settings.language.beforeUnlock')}
      </Text>
    </Stack>
  );
}
