/**
 * The case status badge. One colour per status, the same on every screen (list, case header,
 * dashboard, timeline); the word is always shown, so colour is never the only cue.
 */
import type { MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../domain/entities';
import { Tag } from './Tag';

export const STATUS_COLOURS: Readonly<Record<CaseStatus, MantineColor>> = {
  request: 'gray',
  assessment: 'blue',
  approved: 'cyan',
  declined: 'red',
  cancelled: 'dark',
  planning: 'indigo',
  in_transit: 'orange',
  relocated: 'teal',
  return_preparation: 'yellow',
  returned: 'green',
  follow_up: 'lime',
  onward_exit: 'violet',
  closed: 'dark',
  purged: 'dark',
};

export function StatusBadge({
  status,
  size = 'sm',
}: {
  status: CaseStatus;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} variant="light" size={size} radius="sm">
      {t(`status.${status}`)}
    </Tag>
  );
}
