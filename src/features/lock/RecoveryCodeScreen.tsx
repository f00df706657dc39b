/**
 * The recovery code, shown once after the vault is created. The coordinator can print it or save
 * it as a text file, and proves it was kept by typing its last group before going on.
 */
import { Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../../platform';
import { VaultCard } from './VaultCard';

function lastGroupOf(code: string): string {
  return code.split('-').at(-1) ?? '';
}

export function RecoveryCodeScreen({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <VaultCard title={t('vault.recovery.title')} width={560}>
      <Text size="sm">{t('vault.recovery.intro')}</Text>
      <RecoveryCodePanel code={code} onDone={onDone} />
    </VaultCard>
  );
}

/** The code, print and save buttons, and the kept-it check; used at creation and after key rotation. */
export function RecoveryCodePanel({
  code,
  onDone,
  doneLabel,
}: {
  code: string;
  onDone: () => void;
  /** The button that closes the panel once the check passes; default "I have kept it: open the vault". */
  doneLabel?: string;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (typed.trim().toUpperCase() !== lastGroupOf(code)) {
      setError(t('vault.recovery.confirmWrong'));
      return;
    }
    onDone();
  }

  async function save(): Promise<void> {
    const text = `${t('vault.recovery.title')}\n\n${code}\n\n${t('vault.recovery.intro')}\n`;
    await platform().saveFile({
      suggestedName: 'haven-recovery-code.txt',
      bytes: new TextEncoder().encode(text),
      mimeType: 'text/plain',
    });
  }

  return (
    <>
      <Code
        block
        fz="lg"
        ta="center"
        aria-label={t('vault.recovery.code')}
        data-testid="recovery-code"
        style={{
          letterSpacing: '0.08em',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          lineHeight: 1.8,
        }}
      >
        {code}
      </Code>
      <Group className="haven-no-print">
        <Button
          variant="default"
          onClick={() =>
            void platform().printToPdf({ suggestedName: 'haven-recovery-code.pdf', pageSize: 'A4' })
          }
        >
          {t('vault.recovery.print')}
        </Button>
        <Button variant="default" onClick={() => void save()}>
          {t('vault.recovery.save')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" className="haven-no-print">
        {t('vault.recovery.fileWarning')}
      </Text>
      <form autoComplete="off" onSubmit={submit} noValidate className="haven-no-print">
        <Stack gap="sm">
          <TextInput
            label={t('vault.recovery.confirmLabel')}
            description={t('vault.recovery.confirmHint')}
            value={typed}
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            autoComplete="off"
            maxLength={8}
            w={260}
          />
          <Group justify="flex-end">
            <Button type="submit">{doneLabel ?? t('vault.recovery.done')}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
