/**
 * Save and Cancel, always in the same place: the bottom right of a form, Save last. Save stays
 * enabled so that pressing it shows every message at its field; the shortcut is named beside it.
 */
import { Button, Group, Kbd, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { modKey } from './mod-key';

export interface FormActionsProps {
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
  dirty: boolean;
  /** Label of the save button; defaults to "Save". */
  saveLabel?: string;
  /**
   * Save is the form's submit button (Enter in a text field saves); the form's onSubmit saves,
   * so `onSave` is not called on click as well.
   */
  submit?: boolean;
}

export function FormActions({
  onCancel,
  onSave,
  saving,
  dirty,
  saveLabel,
  submit = false,
}: FormActionsProps) {
  const { t } = useTranslation();
  const mod = modKey();
  return (
    <Group justify="space-between" mt="md" wrap="nowrap" className="haven-no-print">
      <Text size="xs" c="dimmed" aria-live="polite">
        {dirty ? t('form.unsaved') : t('form.noChanges')} · <Kbd size="xs">{mod}</Kbd>+
        <Kbd size="xs">S</Kbd> {t('form.toSave')}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Button variant="default" onClick={onCancel} disabled={saving}>
          {t('common.cancel')}
        </Button>
        <Button
          type={submit ? 'submit' : 'button'}
          onClick={submit ? undefined : onSave}
          loading={saving}
        >
          {saveLabel ?? t('common.save')}
        </Button>
      </Group>
    </Group>
  );
}
