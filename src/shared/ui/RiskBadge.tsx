/**
 * Risk level: a word, a colour and a row of filled bars (1 to 4), so it reads without colour.
 * Risk has its own scale, distinct from the status colours.
 */
import { Group, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, type RiskLevel } from '../../domain/entities';
import { Tag } from './Tag';

export const RISK_COLOURS: Readonly<Record<RiskLevel, MantineColor>> = {
  low: 'green',
  medium: 'yellow',
  high: 'orange',
  extreme: 'red',
};

/** `short` drops the word "risk" (in a column already titled Risk). */
export function RiskBadge({
  risk,
  size = 'sm',
  short = false,
}: {
  risk: RiskLevel;
  size?: 'xs' | 'sm' | 'md';
  short?: boolean;
}) {
  const { t } = useTranslation();
  const level = RISK_LEVELS.indexOf(risk) + 1;
  return (
    <Tag
      color={RISK_COLOURS[risk]}
      variant="outline"
      size={size}
      radius="sm"
      leftSection={
        <Group gap={1} wrap="nowrap" aria-hidden>
          {RISK_LEVELS.map((r, i) => (
            <span
              key={r}
              style={{
                display: 'inline-block',
                width: 3,
                height: 4 + i * 2,
                background: i < level ? 'currentColor' : 'transparent',
                border: '1px solid currentColor',
              }}
            />
          ))}
        </Group>
      }
    >
      {short ? t(`risk.${risk}`) : t('risk.label', { level: t(`risk.${risk}`) })}
    </Tag>
  );
}
