/**
 * A count in a badge (the navigation's reminders, a dashboard section's total). A circle fits
 * one digit; more would be cut ("1…"), so wider counts get a pill, and past `max` (999 unless
 * told; the narrow navigation gives 99) it says "999+" ("99+"): the exact figure is in the page
 * the badge leads to.
 */
import { Badge, type BadgeProps } from '@mantine/core';

export function countText(count: number, max = 999): string {
  return count > max ? `${max}+` : String(count);
}

export function CountBadge({
  count,
  max,
  ...props
}: { count: number; max?: number; title?: string; 'aria-label'?: string } & Omit<
  BadgeProps,
  'circle'
>) {
  return (
    <Badge size="sm" {...props} circle={count < 10}>
      {countText(count, max)}
    </Badge>
  );
}
