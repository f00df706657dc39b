/** Plan-check counts as small badges ("2 errors", "1 warning"), or "All clear". Same look in the list and the case header. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * "2 errors · 1 warning" as small badges; "All clear" when none. `stack` (the case list) puts
 * the second badge under the first when the column is too narrow for both, never cutting
 * either: rows stay 37 px high, as the dates' two lines do.
 */
export function FindingCounts({
  errors,
  warnings,
  size = 'xs',
  stack = false,
}: {
  errors: number;
  warnings: number;
  size?: 'xs' | 'sm';
  stack?: boolean;
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
    <Group
      gap={4}
      wrap={stack ? 'wrap' : 'nowrap'}
      className={stack ? 'haven-counts' : undefined}
      style={stack ? { rowGap: 2 } : undefined}
    >
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
