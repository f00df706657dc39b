/**
 * The frame of every record dialog: a modal holding one form, Save and Cancel in their place, the
 * unsaved-changes question on close or navigation, and the field a plan-check link points at
 * focused when it opens. Dialogs supply only their fields.
 */
import { Button, Group, Modal, type ModalProps } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { FormActions } from './FormActions';
import { LeaveGuard, focusField, useConfirmLeave, type RecordForm } from './use-record-form';

export interface RecordDialogProps<V> {
  title: ReactNode;
  rf: RecordForm<V>;
  onClose: () => void;
  size?: ModalProps['size'];
  /** Field paths to try focusing when the dialog opens, first match wins (a "Fix this" link). */
  focus?: readonly string[];
  /** Shown under the fields, above Save and Cancel (a delete button). */
  extra?: ReactNode;
  saveLabel?: string;
  children: ReactNode;
}

export function RecordDialog<V>({
  title,
  rf,
  onClose,
  size,
  focus,
  extra,
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
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void rf.save();
          }}
        >
          {children}
          {extra}
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

/** A delete button that asks once more in place: the first press arms it, the second deletes. */
export function TwoStepDeleteButton({
  label,
  confirmLabel,
  onDelete,
}: {
  label: string;
  confirmLabel: string;
  onDelete: () => Promise<void>;
}) {
  const [armed, setArmed] = useState(false);
  return (
    <Group mt="sm">
      <Button
        variant={armed ? 'filled' : 'subtle'}
        color="red"
        size="xs"
        onClick={async () => {
          if (!armed) {
            setArmed(true);
            return;
          }
          await onDelete();
        }}
      >
        {armed ? confirmLabel : label}
      </Button>
    </Group>
  );
}
