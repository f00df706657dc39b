/**
 * Settings for return-readiness reviews: the criteria template every new review starts with (one
 * criterion per line), when reviews fall (days), and the coordinator's time zone, in which "today"
 * and "overdue" turn at midnight. Existing reviews keep their own checklist.
 */
import {
  Button,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIanaZone } from '../../domain/time';
import { localZone } from '../../shared/ui/today';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { saveSettings, useSettings, type AppSettings } from './use-settings';

type Schedule = AppSettings['reviewSchedule'];
const LIMITS: Record<keyof Schedule, [number, number]> = {
  arrivalCheckInDays: [0, 30],
  periodDays: [7, 180],
  preReturnDays: [1, 90],
  followUpDays: [1, 365],
};

export function ReviewSettingsSection() {
  const { t } = useTranslation();
  const settings = useSettings();
  const [criteria, setCriteria] = useState(settings.reviewCriteria.join('\n'));
  const [schedule, setSchedule] = useState<Schedule>(settings.reviewSchedule);
  const [zone, setZone] = useState(settings.timeZone ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const save = async (): Promise<void> => {
    const next: Record<string, string> = {};
    const lines = criteria
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.some((l) => l.length > 200)) next.criteria = t('reviews.settings.criteriaTooLong');
    for (const [key, [min, max]] of Object.entries(LIMITS) as [
      keyof Schedule,
      [number, number],
    ][]) {
      const v = schedule[key];
      if (!Number.isInteger(v) || v < min || v > max)
        next[key] = t('reviews.settings.daysRange', { min, max });
    }
    if (zone.trim() && !isIanaZone(zone.trim())) next.zone = t('reviews.settings.zoneInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      await saveSettings({
        reviewCriteria: lines,
        reviewSchedule: schedule,
        timeZone: zone.trim() || null,
      });
      notifications.show({ message: t('reviews.settings.saved'), color: 'teal', autoClose: 2500 });
    } catch (e) {
      notifyFailure(t, t('form.saveFailed'), e);
    } finally {
      setBusy(false);
    }
  };
  const days = (key: keyof Schedule) => (
    <NumberInput
      label={t(`reviews.settings.${key}`)}
      min={LIMITS[key][0]}
      max={LIMITS[key][1]}
      value={schedule[key]}
      error={errors[key]}
      onChange={(v) => setSchedule((s) => ({ ...s, [key]: typeof v === 'number' ? v : Number(v) }))}
    />
  );
  return (
    <form
      noValidate
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm" maw={560}>
        <Title order={2} size="h4">
          {t('reviews.settings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reviews.settings.hint')}
        </Text>
        <Textarea
          label={t('reviews.settings.criteria')}
          description={t('reviews.settings.criteriaHint')}
          autosize
          minRows={4}
          value={criteria}
          error={errors.criteria}
          onChange={(e) => setCriteria(e.currentTarget.value)}
        />
        <SimpleGrid cols={2} spacing="sm">
          {days('arrivalCheckInDays')}
          {days('periodDays')}
          {days('preReturnDays')}
          {days('followUpDays')}
        </SimpleGrid>
        <TextInput
          label={t('reviews.settings.zone')}
          description={t('reviews.settings.zoneHint', { zone: localZone() })}
          placeholder={localZone()}
          value={zone}
          error={errors.zone}
          onChange={(e) => setZone(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('reviews.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
