/**
 * Restore: choose a backup file, decrypt and check all of it, see what it holds, then restore into
 * this new empty vault or merge into it. Nothing is written before the last button, and the write
 * is all or nothing.
 */
import { Alert, Button, Group, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioChoice } from '../../shared/ui/RadioChoice';
import { SectionHeading } from '../../shared/ui/SectionHeading';
import { WorkingNote } from '../../shared/ui/WorkingNote';
import { platform } from '../../platform';
import {
  DEFAULT_BACKUP_LIMITS,
  ENTITY_STORES,
  RECORD_STORES,
  readBackup,
  restoreBackup,
  vault,
  type BackupPlan,
  type RestoreMode,
} from '../../storage';
import { failureText } from '../../shared/ui/notify-failure';
import { problemMessage } from './problem-message';
import { useLongWork } from './use-long-work';
import { formatLocalInstant } from '../../shared/ui/today';

/** Why nothing was restored: the refusal's own words, or the failure worded by errorMessage. */
function restoreFailure(t: TFunction, error: unknown): string {
  return problemMessage(t, error) ?? failureText(t, 'settings.restore.failed', error);
}

/** The same test the storage layer applies before a restore into an empty vault. */
function vaultIsEmpty(): boolean {
  return ENTITY_STORES.every((store) => vault.list(store).length === 0);
}

export function RestoreSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [plan, setPlan] = useState<BackupPlan | null>(null);
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [onConflict, setOnConflict] = useState<'keep-local' | 'take-backup'>('keep-local');
  const [failure, setFailure] = useState<string | null>(null);
  const work = useLongWork();
  const empty = plan ? vaultIsEmpty() : false;

  function reset(): void {
    setPlan(null);
    setPassphrase('');
    setFile(null);
  }

  async function choose(): Promise<void> {
    setFailure(null);
    setPlan(null);
    const result = await platform().openFile({
      filters: [{ name: t('settings.backup.fileType'), extensions: ['age'] }],
      maxBytes: DEFAULT_BACKUP_LIMITS.maxBytes,
    });
    if (result.opened) setFile({ name: result.name, bytes: result.bytes });
    else if (result.reason === 'too-large')
      setFailure(t('settings.restore.failed', { message: t('errors.backup.tooLarge') }));
  }

  async function check(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!file) return;
    setFailure(null);
    await work.run(async () => {
      try {
        const next = await readBackup(vault, file.bytes, passphrase);
        setPlan(next);
        setMode(vaultIsEmpty() ? 'empty' : 'merge');
      } catch (error) {
        setFailure(restoreFailure(t, error));
      }
    });
  }

  async function restore(): Promise<void> {
    if (!plan) return;
    setFailure(null);
    await work.run(async () => {
      try {
        const result = await restoreBackup(vault, plan, { mode, onConflict });
        notifications.show({ message: t('settings.restore.done', { ...result }), color: 'teal' });
        reset();
      } catch (error) {
        setFailure(restoreFailure(t, error));
      }
    });
  }

  const summary = plan?.summary;
  return (
    <Stack gap="sm" maw={560}>
      <SectionHeading title={t('settings.restore.title')} hint={t('settings.restore.hint')} />
      <Group>
        <Button variant="default" onClick={() => void choose()} disabled={work.busy}>
          {t('settings.restore.choose')}
        </Button>
        {file && <Text size="sm">{t('settings.restore.chosen', { name: file.name })}</Text>}
      </Group>
      {file && !plan && (
        <form autoComplete="off" onSubmit={(event) => void check(event)} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('settings.restore.passphrase')}
              value={passphrase}
              onChange={(event) => setPassphrase(event.currentTarget.value)}
              autoComplete="off"
              disabled={work.busy}
            />
            {work.busy && (
              <Text size="sm" c="dimmed" role="status">
                {t('settings.restore.checking')}
              </Text>
            )}
            <Group>
              <Button type="submit" loading={work.busy} disabled={work.busy || passphrase === ''}>
                {t('settings.restore.check')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {failure && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setFailure(null)}>
          {failure}
        </Alert>
      )}
      {summary && (
        <Stack gap="sm" aria-label={t('settings.restore.summaryTitle')} component="section">
          <Title order={3} size="h5">
            {t('settings.restore.summaryTitle')}
          </Title>
          <Text size="sm">
            {t('settings.restore.createdAt', {
              date: formatLocalInstant(summary.createdAt),
            })}
          </Text>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.restore.store')}</Table.Th>
                <Table.Th ta="right">{t('settings.restore.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {RECORD_STORES.filter((store) => (summary.counts[store] ?? 0) > 0).map((store) => (
                <Table.Tr key={store}>
                  <Table.Td>{t(`settings.stores.${store}`)}</Table.Td>
                  <Table.Td ta="right">{summary.counts[store]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm">{t('settings.restore.total', { count: summary.total })}</Text>
          {summary.identical > 0 && (
            <Text size="sm">{t('settings.restore.identical', { count: summary.identical })}</Text>
          )}
          {summary.sealedDamaged > 0 && (
            <Text size="sm" c="orange">
              {t('integrity.restore.sealedNote', { count: summary.sealedDamaged })}
            </Text>
          )}
          {summary.conflicts.length > 0 && (
            <Text size="sm" c="orange">
              {t('settings.restore.conflicts', { count: summary.conflicts.length })}
            </Text>
          )}
          <RadioChoice
            label={t('settings.restore.mode')}
            value={mode}
            onChange={setMode}
            options={[
              { value: 'empty', label: t('settings.restore.modeEmpty'), disabled: !empty },
              { value: 'merge', label: t('settings.restore.modeMerge') },
            ]}
          />
          {!empty && (
            <Text size="xs" c="dimmed">
              {t('settings.restore.emptyUnavailable')}
            </Text>
          )}
          {mode === 'merge' && summary.conflicts.length > 0 && (
            <RadioChoice
              label={t('settings.restore.onConflict')}
              value={onConflict}
              onChange={setOnConflict}
              options={[
                { value: 'keep-local', label: t('settings.restore.keepLocal') },
                { value: 'take-backup', label: t('settings.restore.takeBackup') },
              ]}
            />
          )}
          <WorkingNote busy={work.busy}>{t('settings.restore.working')}</WorkingNote>
          <Group>
            <Button
              onClick={() => void restore()}
              loading={work.busy}
              disabled={work.busy || summary.identical === summary.total}
            >
              {summary.identical === summary.total
                ? t('settings.restore.nothingNew')
                : t('settings.restore.submit', { count: summary.total - summary.identical })}
            </Button>
            <Button variant="default" onClick={reset} disabled={work.busy}>
              {t('settings.restore.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
