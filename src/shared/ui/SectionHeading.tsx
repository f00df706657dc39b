/** A settings section's heading and the line under it that says what the section does. */
import { Text, Title } from '@mantine/core';

export function SectionHeading({ title, hint }: { title: string; hint: string }) {
  return (
    <>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
    </>
  );
}
