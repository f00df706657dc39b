/** Budget defaults: the reporting currency new cases start with, and how per diem days are counted. */
import { Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PER_DIEM_CONVENTIONS, type PerDiemConvention } from '../../domain/budget';
import { currencyChoices } from '../../shared/ui/choices';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { saveSettings, useSettings } from './use-settings';

export function BudgetSettingsSection() {
  const { t } = useTranslation();
  const s = useSettings();
  const save = (patch: Parameters<typeof saveSettings>[0]) =>
    saveSettings(patch)
      .then(() => notifications.show({ message: t('budget.settings.saved') }))
      .catch((e: unknown) => notifyFailure(t, t('budget.export.failed'), e));
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('budget.settings.title')}
      </Title>
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label={t('budget.settings.currency')}
          description={t('budget.settings.currencyHelp')}
          data={currencyChoices()}
          searchable
          allowDeselect={false}
          value={s.defaultReportingCurrency}
          onChange={(v) => v && void save({ defaultReportingCurrency: v })}
        />
        <Select
          label={t('budget.settings.convention')}
          description={t('budget.settings.conventionHelp')}
          data={PER_DIEM_CONVENTIONS.map((c) => ({
            value: c,
            label: t(`budget.conventionStatement.${c}`),
          }))}
          allowDeselect={false}
          value={s.perDiemConvention}
          onChange={(v) => v && void save({ perDiemConvention: v as PerDiemConvention })}
        />
      </SimpleGrid>
    </Stack>
  );
}
