/**
 * The frame of every record dialog: a modal holding one form, Save and Cancel in their place, the
 * unsaved-changes question on close or navigation, and the field a plan-check link points at
 * focused when it opens. Dialogs supply only their fields.
 */
import { Button, Group, Modal, Text, type ModalProps } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import { notifyFailure } from './notify-failure';
import { showUndoNotification } from './undo-notification';
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
   * deletes with `run`, then closes the dialog. When `run` returns a function, it undoes the
   * deletion: the notification offers "Undo".
   */
  remove?: {
    label: string;
    confirmLabel: string;
    run: () => Promise<(() => Promise<void>) | undefined> | Promise<void>;
  } | null;
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
  const { t } = useTranslation();
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
                const undo: unknown = await remove.run();
                onClose();
                if (typeof undo === 'function')
                  showUndoNotification(t, t('form.deleted'), undo as () => Promise<void>);
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

/** How long the armed button ignores presses: a double click cannot delete. */
export const DELETE_ARM_DELAY_MS = 800;

/**
 * A delete button that asks once more in place: the first press arms it (it turns red and says
 * what the next press does), and only a press at least `DELETE_ARM_DELAY_MS` later deletes, so a
 * double click or a bounced key never deletes at once. It is disabled while the delete runs, and
 * a failed delete says so and leaves the dialog open.
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
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const waiting = armed && !ready;
  return (
    <Group mt="sm" gap="xs">
      <Button
        variant={armed ? 'filled' : 'subtle'}
        color="red"
        size="xs"
        loading={busy}
        data-disabled={waiting || undefined}
        aria-disabled={waiting || undefined}
        onClick={async () => {
          if (!armed) {
            setArmed(true);
            timer.current = setTimeout(() => setReady(true), DELETE_ARM_DELAY_MS);
            return;
          }
          if (!ready || busy) return;
          setBusy(true);
          try {
            await onDelete();
          } catch (e) {
            notifyFailure(t, t('form.deleteFailed'), e);
          } finally {
            setBusy(false);
          }
        }}
      >
        {armed ? confirmLabel : label}
      </Button>
      {waiting && (
        <Text size="xs" c="dimmed" aria-live="polite">
          {t('form.deleteWait')}
        </Text>
      )}
    </Group>
  );
}
