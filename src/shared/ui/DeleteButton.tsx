/** The quiet red button that opens a record's delete confirmation. */
import { Button } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

export function DeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button
      variant="subtle"
      color="red"
      size="xs"
      leftSection={<IconTrash size={14} aria-hidden />}
      onClick={onClick}
    >
      {label}
    </Button>
  );
}
