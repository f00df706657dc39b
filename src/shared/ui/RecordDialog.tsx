/**
 * The frame of every record dialog: a modal holding one form, Save and Cancel in their place, the
 * unsaved-changes question on close or navigation, and the field a plan-check link points at
 * focused when it opens. Dialogs supply only their fields.
 */
import { Button, Group, Modal, type ModalProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import { LeaveGuard, focusField, useConfirmLeave, type RecordForm } from './use-record-form';

export interface RecordDialogProps<V> {
  title: ReactNode;
  rf: RecordForm<V>;
  onClose: () => void;
  size?: ModalProps['size'];
  /** Field paths to try focusing when the dialog opens, first match wins (a "Fix this" link). */
  focus?: readonly string[];
  /**
   * For a record that exists: a delete button under the fields that asks once more in place,
   * deletes with `run`, then closes the dialog.
   */
  remove?: { label: string; confirmLabel: string; run: () => Promise<void> } | null;
  saveLabel?: string;
  children: ReactNode;
}

export function RecordDialog<V>({
  title,
  rf,
  onClose,
  size,
  focus,
  remove,
  saveLabel,
  children,
}: RecordDialogProps<V>) {
  const leave = useConfirmLeave(rf.dirty);
  const close = (): void => leave.ask(onClose);
  const focusKey = focus?.join('|') ?? '';
  useEffect(() => {
    if (!focusKey) return;
    const paths = focusKey.split('|');
    const timer = setTimeout(() => paths.some((path) => focusField(path)), 250);
    return () => clearTimeout(timer);
  }, [focusKey]);
  return (
    <>
      <Modal opened onClose={close} title={title} size={size}>
        <form
          autoComplete="off"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void rf.save();
          }}
        >
          {children}
          {remove && (
            <TwoStepDeleteButton
              label={remove.label}
              confirmLabel={remove.confirmLabel}
              onDelete={async () => {
                await remove.run();
                onClose();
              }}
            />
          )}
          <FormActions
            onCancel={close}
            onSave={() => void rf.save()}
            saving={rf.saving}
            dirty={rf.dirty}
            saveLabel={saveLabel}
          />
        </form>
      </Modal>
      {leave.modal}
      <LeaveGuard dirty={rf.dirty} />
    </>
  );
}

/**
 * A delete button that asks once more in place: the first press arms it, the second deletes. It
 * is disabled while the delete runs (a double click deletes once), and a failed delete says so
 * and leaves the dialog open.
 */
function TwoStepDeleteButton({
  label,
  confirmLabel,
  onDelete,
}: {
  label: string;
  confirmLabel: string;
  onDelete: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <Group mt="sm">
      <Button
        variant={armed ? 'filled' : 'subtle'}
        color="red"
        size="xs"
        loading={busy}
        onClick={async () => {
          if (!armed) {
            setArmed(true);
            return;
          }
          if (busy) return;
          setBusy(true);
          try {
            await onDelete();
          } catch (e) {
            notifications.show({
              color: 'red',
              title: t('form.deleteFailed'),
              message: e instanceof Error ? e.message : String(e),
              autoClose: false,
            });
          } finally {
            setBusy(false);
          }
        }}
      >
        {armed ? confirmLabel : label}
      </Button>
    </Group>
  );
}
