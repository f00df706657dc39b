/** The frame of the screens before the vault is open: a centred card, no navigation, no data. */
import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function VaultCard({
  title,
  children,
  width = 480,
}: {
  title: string;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={width}>
        <Stack gap="md">
          <Text size="sm" c="dimmed" fw={600}>
            {t('app.name')}
          </Text>
          <Title order={1}>{title}</Title>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
