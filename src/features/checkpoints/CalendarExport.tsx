/**
 * "Export calendar (ICS)": the legs and reviews of one case or of every open case, code names
 * only. Before writing it says what the file holds and that it is NOT encrypted; the export shows
 * progress and cannot be started twice. The file goes through the platform seam (saveFile).
 */
import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarDown } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildIcs, icsFileName, type IcsCase, type IcsLabels } from '../../domain/ics';
import { CHECKPOINT_KINDS, LEG_MODES } from '../../domain/entities';
import { isTerminal } from '../../domain/lifecycle';
import type { CaseBundle } from '../../domain/planning';
import { platform } from '../../platform';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { usePlanningIndex } from '../../storage';
import { useCoordinatorToday } from './use-today';

/** Cases per slice between frames while building a large calendar. */
const SLICE = 200;

export function CalendarExportButton({ bundle }: { bundle?: CaseBundle }) {
  const { t } = useTranslation();
  const { bundles } = usePlanningIndex();
  const day = useCoordinatorToday();
  const [asking, setAsking] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const running = useRef(false);
  // Counted once per change of the plan, not on every render of the page that holds the button.
  const { scope, legs, reviews } = useMemo(() => {
    const inScope: CaseBundle[] = bundle
      ? [bundle]
      : [...bundles.values()].filter((b) => !isTerminal(b.case.status));
    return {
      scope: inScope,
      legs: inScope.reduce((n, b) => n + b.legs.filter((l) => l.status !== 'cancelled').length, 0),
      reviews: inScope.reduce((n, b) => n + b.checkpoints.length, 0),
    };
  }, [bundle, bundles]);
  const labels: IcsLabels = {
    calendarName: t('calendar.name'),
    mode: Object.fromEntries(
      LEG_MODES.map((m) => [m, t(`calendar.mode.${m}`)]),
    ) as IcsLabels['mode'],
    kind: Object.fromEntries(
      CHECKPOINT_KINDS.map((k) => [k, t(`checkpoints.kind.${k}`)]),
    ) as IcsLabels['kind'],
    review: t('calendar.review'),
    arrives: t('calendar.arrives'),
  };

  const run = async (): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setProgress(0);
    try {
      const items: IcsCase[] = [];
      for (let i = 0; i < scope.length; i += SLICE) {
        for (const b of scope.slice(i, i + SLICE))
          items.push({ case: b.case, legs: b.legs, checkpoints: b.checkpoints });
        setProgress(Math.min(0.8, ((i + SLICE) / Math.max(1, scope.length)) * 0.8));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const ics = buildIcs(items, new Date().getTime(), labels);
      setProgress(0.9);
      const name = icsFileName(bundle ? bundle.case.codeName : null, day);
      const result = await platform().saveFile({
        suggestedName: name,
        bytes: new TextEncoder().encode(ics.text),
        mimeType: 'text/calendar',
        filters: [{ name: t('calendar.fileType'), extensions: ['ics'] }],
      });
      setAsking(false);
      if (result.saved)
        notifications.show({
          message: t('calendar.done', {
            name: result.path ?? name,
            legs: ics.legs,
            reviews: ics.checkpoints,
          }),
          color: 'teal',
        });
    } catch (e) {
      notifyFailure(t, t('calendar.failed'), e);
    } finally {
      running.current = false;
      setProgress(null);
    }
  };

  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconCalendarDown size={14} aria-hidden />}
        onClick={() => setAsking(true)}
      >
        {bundle ? t('calendar.exportCase') : t('calendar.exportAll')}
      </Button>
      <Modal
        opened={asking}
        onClose={() => progress === null && setAsking(false)}
        title={t('calendar.confirmTitle')}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">
            {bundle
              ? t('calendar.contentsCase', { name: bundle.case.codeName, legs, reviews })
              : t('calendar.contentsAll', { cases: scope.length, legs, reviews })}
          </Text>
          <Text size="sm" fw={600} role="alert">
            {t('calendar.unencrypted')}
          </Text>
          {progress !== null && (
            <Progress value={progress * 100} aria-label={t('calendar.progress')} animated />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)} disabled={progress !== null}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void run()} loading={progress !== null}>
              {t('calendar.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
