/** The strength meter under a new passphrase: a bar, a word for the level, and a hint on what to change. */
import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PassphraseStrength } from '../../storage';

const COLORS = ['red', 'red', 'orange', 'yellow', 'teal'] as const;

export function PassphraseStrengthMeter({ strength }: { strength: PassphraseStrength }) {
  const { t } = useTranslation();
  if (strength.hintKey === 'empty') return null;
  const levels = t('vault.strength.levels', { returnObjects: true }) as string[];
  const level = levels[strength.score] ?? '';
  return (
    <div>
      <Progress
        value={(strength.score + 1) * 20}
        color={COLORS[strength.score]}
        size="sm"
        aria-label={t('vault.strength.label')}
        aria-valuetext={level}
      />
      <Group justify="space-between" mt={4} gap="xs">
        <Text size="xs" fw={600} c={COLORS[strength.score]} data-testid="strength-level">
          {level} · {t('vault.strength.bits', { bits: strength.bits })}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`vault.strength.hints.${strength.hintKey}`)}
        </Text>
      </Group>
    </div>
  );
}
