/** A page whose feature is not built yet: its heading, and one sentence on what it will hold. No fake data. */
import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PlannedPage({ title, description }: { title: string; description: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Alert variant="light" color="gray" title={t('pages.notBuilt')}>
        {description}
      </Alert>
    </Stack>
  );
}
