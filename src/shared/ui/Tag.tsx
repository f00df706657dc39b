/**
 * Small labels that keep the word's own case (Mantine upper-cases badges): `Tag` is the base of
 * the status and risk badges; `NameTag` is a person's code name as a grey tag (a leg's
 * travellers, who sleeps at a stay).
 */
import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

const OWN_CASE = { textTransform: 'none' } as const;

export function Tag(props: Omit<BadgeProps, 'style'> & { children?: ReactNode }) {
  return <Badge {...props} style={OWN_CASE} />;
}

export function NameTag({ children }: { children: ReactNode }) {
  return (
    <Badge size="xs" variant="light" color="gray" style={OWN_CASE}>
      {children}
    </Badge>
  );
}
