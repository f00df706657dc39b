/** The top row of a case tab: what the tab holds, in a line, and its add button. */
import { Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

export function TabToolbar(props: {
  summary: string;
  addLabel: string;
  onAdd: () => void;
  addDisabled?: boolean;
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {props.summary}
      </Text>
      <Button
        size="xs"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={props.onAdd}
        disabled={props.addDisabled}
      >
        {props.addLabel}
      </Button>
    </Group>
  );
}
