/**
 * The notice shown at the top of every screen after unlock when records failed their integrity
 * check or changed outside Haven (removed, put back to an older copy): how many, of which kind,
 * and the two ways forward. "Keep" quarantines damaged rows (the rest of the vault works; backups
 * then ask whether to carry them sealed) and accepts the stores as they are; "Delete" removes
 * the damaged rows after a confirmation that says what is lost. Reads the vault's damage report;
 * holds no record data.
 */
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../../shared/ui/notify-failure';
import { WorkingNote } from '../../shared/ui/WorkingNote';
import {
  damagedCount,
  hasProblems,
  useDamageReport,
  vault,
  type DamageReport,
} from '../../storage';

function problemLines(report: DamageReport, kind: (store: string) => string, t: TFn): string[] {
  const lines: string[] = [];
  for (const d of report.damaged)
    lines.push(t('integrity.banner.damaged', { count: d.ids.length, kind: kind(d.store) }));
  for (const c of report.changed) {
    if (c.removed > 0)
      lines.push(t('integrity.banner.removed', { count: c.removed, kind: kind(c.store) }));
    if (c.added > 0)
      lines.push(t('integrity.banner.added', { count: c.added, kind: kind(c.store) }));
    if (c.replaced) lines.push(t('integrity.banner.replaced', { kind: kind(c.store) }));
  }
  if (report.manifest === 'missing') lines.push(t('integrity.banner.manifestMissing'));
  if (report.manifest === 'damaged') lines.push(t('integrity.banner.manifestDamaged'));
  return lines;
}

type TFn = ReturnType<typeof useTranslation>['t'];

export function DamageBanner() {
  const { t } = useTranslation();
  const report = useDamageReport();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!hasProblems(report)) return null;
  const kind = (store: string) => t(`settings.stores.${store}`);
  const count = damagedCount(report);
  const kept = report.decision === 'kept';

  async function decide(action: 'keep' | 'delete'): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      if (action === 'keep') await vault.keepDamaged();
      else await vault.deleteDamaged();
      setConfirming(false);
    } catch (error) {
      setFailure(failureText(t, 'integrity.banner.failed', error));
    } finally {
      setBusy(false);
    }
  }

  const lines = problemLines(report, kind, t);
  return (
    <>
      <Alert
        color={kept ? 'yellow' : 'red'}
        variant="light"
        mb="sm"
        role={kept ? 'status' : 'alert'}
        aria-labelledby="damage-banner-title"
        title={
          <span id="damage-banner-title">
            {kept ? t('integrity.banner.keptTitle') : t('integrity.banner.title')}
          </span>
        }
      >
        <Stack gap="xs">
          {!kept && <Text size="sm">{t('integrity.banner.intro')}</Text>}
          <List size="sm">
            {lines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Text size="sm">
            {kept ? t('integrity.banner.keptHint') : t('integrity.banner.choose')}
          </Text>
          {failure && (
            <Text size="sm" c="red" role="alert">
              {failure}
            </Text>
          )}
          <WorkingNote busy={busy}>{t('integrity.banner.working')}</WorkingNote>
          <Group gap="sm">
            {!kept && (
              <Button size="xs" onClick={() => void decide('keep')} disabled={busy}>
                {count > 0 ? t('integrity.banner.keep') : t('integrity.banner.accept')}
              </Button>
            )}
            {count > 0 && (
              <Button
                size="xs"
                color="red"
                variant={kept ? 'light' : 'outline'}
                onClick={() => setConfirming(true)}
                disabled={busy}
              >
                {t('integrity.banner.delete')}
              </Button>
            )}
          </Group>
        </Stack>
      </Alert>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('integrity.confirm.title')}
        closeButtonProps={{ 'aria-label': t('integrity.confirm.cancel') }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('integrity.confirm.body', { count })}</Text>
          <List size="sm">
            {report.damaged.map((d) => (
              <List.Item key={d.store}>
                {t('integrity.confirm.item', { kind: kind(d.store), count: d.ids.length })}
              </List.Item>
            ))}
          </List>
          <Text size="sm">{t('integrity.confirm.lost')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={busy}>
              {t('integrity.confirm.cancel')}
            </Button>
            <Button color="red" onClick={() => void decide('delete')} loading={busy}>
              {t('integrity.confirm.submit', { count })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
