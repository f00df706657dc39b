/** While long work runs, a quiet status line that says what is happening (read out by screen readers). */
import { Text } from '@mantine/core';

export function WorkingNote({ busy, children }: { busy: boolean; children: string }) {
  if (!busy) return null;
  return (
    <Text size="sm" c="dimmed" role="status">
      {children}
    </Text>
  );
}
