/** First run: create a vault, or try a demo vault with sample data for training. */
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VaultCard } from './VaultCard';

export function FirstRunScreen({ onCreate, onDemo }: { onCreate: () => void; onDemo: () => void }) {
  const { t } = useTranslation();
  return (
    <VaultCard title={t('vault.firstRun.title')}>
      <Text size="sm">{t('vault.firstRun.body')}</Text>
      <Stack gap="xs">
        <Button onClick={onCreate} autoFocus>
          {t('vault.firstRun.create')}
        </Button>
        <Button variant="default" onClick={onDemo}>
          {t('vault.firstRun.demo')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('vault.firstRun.demoHint')}
        </Text>
      </Stack>
    </VaultCard>
  );
}
