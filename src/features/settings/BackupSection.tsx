/**
 * Back up: every record into one age-encrypted file, protected by a passphrase typed twice (it may
 * be the vault passphrase or another). The file name carries only the date, never case data.
 */
import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioChoice } from '../../shared/ui/RadioChoice';
import { SectionHeading } from '../../shared/ui/SectionHeading';
import { WorkingNote } from '../../shared/ui/WorkingNote';
import { platform } from '../../platform';
import { createBackup, damagedCount, isPending, useDamageReport, vault } from '../../storage';
import { NewPassphraseFields, useNewPassphrase } from '../lock';
import { failureText } from '../../shared/ui/notify-failure';
import { problemMessage } from './problem-message';
import { useLongWork } from './use-long-work';

function backupFileName(now: Date): string {
  return `haven-backup-${now.toISOString().slice(0, 10)}.age`;
}

export function BackupSection() {
  const { t } = useTranslation();
  const choice = useNewPassphrase();
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const work = useLongWork();
  const report = useDamageReport();
  const undecided = isPending(report);
  const damaged = damagedCount(report);
  const [damagedChoice, setDamagedChoice] = useState<'include-sealed' | 'leave-out' | null>(null);
  const damagedMissing = damaged > 0 && !damagedChoice;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (!choice.valid || undecided || damagedMissing) return;
    await work.run(async () => {
      try {
        const bytes = await createBackup(vault, choice.passphrase, {
          damaged: damagedChoice ?? undefined,
        });
        const name = backupFileName(new Date());
        const result = await platform().saveFile({
          suggestedName: name,
          bytes: new Uint8Array(bytes),
          mimeType: 'application/octet-stream',
          filters: [{ name: t('settings.backup.fileType'), extensions: ['age'] }],
        });
        if (!result.saved) return;
        choice.reset();
        setSubmitted(false);
        notifications.show({
          message:
            platform().kind === 'electron'
              ? t('settings.backup.done', { name: result.path ?? name })
              : t('settings.backup.doneBrowser', { name }),
          color: 'teal',
        });
      } catch (error) {
        setFailure(problemMessage(t, error) ?? failureText(t, 'settings.backup.failed', error));
      }
    });
  }

  return (
    <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm" maw={480}>
        <SectionHeading title={t('settings.backup.title')} hint={t('settings.backup.hint')} />
        <NewPassphraseFields
          state={choice}
          submitted={submitted}
          label={t('settings.backup.backupPassphrase')}
          confirmLabel={t('settings.backup.backupConfirm')}
          disabled={work.busy}
        />
        {undecided && (
          <Alert color="orange" role="status">
            {t('integrity.backup.undecided')}
          </Alert>
        )}
        {!undecided && damaged > 0 && (
          <RadioChoice
            label={t('integrity.backup.damagedLabel')}
            description={t('integrity.backup.chooseDamaged', { count: damaged })}
            value={damagedChoice}
            onChange={setDamagedChoice}
            options={[
              { value: 'include-sealed', label: t('integrity.backup.includeSealed') },
              { value: 'leave-out', label: t('integrity.backup.leaveOut') },
            ]}
            error={
              submitted && damagedMissing
                ? t('integrity.backup.chooseDamaged', { count: damaged })
                : undefined
            }
            required
          />
        )}
        <WorkingNote busy={work.busy}>{t('settings.backup.working')}</WorkingNote>
        {failure && (
          <Alert color="red" role="alert" withCloseButton onClose={() => setFailure(null)}>
            {failure}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={work.busy} disabled={work.busy || undecided}>
            {t('settings.backup.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
