/** Plan-check counts as small badges ("2 errors", "1 warning"), or "All clear". Same look in the list and the case header. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "2 errors · 1 warning" as small badges; "All clear" when none. */
export function FindingCounts({
  errors,
  warnings,
  size = 'xs',
}: {
  errors: number;
  warnings: number;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  if (errors === 0 && warnings === 0) {
    return (
      <Text size={size} c="dimmed">
        {t('planChecks.clear')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      {errors > 0 && (
        <Badge color="red" variant="light" size={size} style={{ textTransform: 'none' }}>
          {t('planChecks.errors', { count: errors })}
        </Badge>
      )}
      {warnings > 0 && (
        <Badge color="yellow" variant="light" size={size} style={{ textTransform: 'none' }}>
          {t('planChecks.warnings', { count: warnings })}
        </Badge>
      )}
    </Group>
  );
}
