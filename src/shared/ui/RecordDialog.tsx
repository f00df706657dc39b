/**
 * The frame of every record dialog: a modal holding one form, Save and Cancel in their place, the
 * unsaved-changes question on close or navigation, and the field a plan-check link points at
 * focused when it opens. Dialogs supply only their fields.
 * By keyboard: Enter in a text field saves (Save is the form's submit button), Escape and the
 * named close button ask the unsaved-changes question, and when the dialog goes away focus
 * returns to the control that opened it (or the page's heading when that control is gone).
 * A dialog that goes away with unsaved changes the coordinator did not choose to lose keeps them
 * as an in-memory draft until the lock (./drafts.ts); opening the same form again restores it.
 */
import { Alert, Button, Group, Modal, Text, type ModalProps } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import { dropDraft, keepDraft, takeDraft } from './drafts';
import { restoreFocus } from './focus-landing';
import { errorMessage } from './error-message';
import { messageText } from './notify-failure';
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
  // Saved, deleted, or the coordinator chose to lose the changes: no draft.
  const settled = useRef(false);
  const settle = (): void => {
    settled.current = true;
  };
  const close = (): void =>
    leave.ask(() => {
      settle();
      onClose();
    });
  const draft = useDraft(rf, () => settled.current);
  // The Escape listener below is registered once and reads the latest `close` and question
  // state through these refs, kept current after each render.
  const closeRef = useRef(close);
  const askingRef = useRef(leave.asking);
  useLayoutEffect(() => {
    closeRef.current = close;
    askingRef.current = leave.asking;
  });
  // Escape is ours, not the Modal's: Mantine's handler missed it from a select and, from a
  // changed dialog, the question it opened caught the same key press and closed at once. Here
  // Escape closes an open dropdown first, asks when something is unsaved, and otherwise closes.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented || askingRef.current) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('[aria-expanded="true"]')) return;
      e.preventDefault();
      setTimeout(() => closeRef.current(), 0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The control that opened the dialog has focus while the dialog first renders.
  const opener = useRef<Element | null>(
    typeof document === 'undefined' ? null : document.activeElement,
  );
  useEffect(() => {
    const from = opener.current;
    return () => {
      restoreFocus(from);
    };
  }, []);
  // A failed save or delete is said here, beside the buttons: a stack of notifications in the
  // corner would cover Save.
  const { showFailuresInPlace } = rf;
  useEffect(() => showFailuresInPlace(), [showFailuresInPlace]);
  const focusKey = focus?.join('|') ?? '';
  useEffect(() => {
    if (!focusKey) return;
    const paths = focusKey.split('|');
    const timer = setTimeout(() => paths.some((path) => focusField(path)), 250);
    return () => clearTimeout(timer);
  }, [focusKey]);
  return (
    <>
      <Modal opened onClose={close} closeOnEscape={false} title={title} size={size}>
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
                const undo: unknown = await remove.run();
                settle();
                onClose();
                if (typeof undo === 'function')
                  showUndoNotification(t, t('form.deleted'), undo as () => Promise<void>);
              }}
            />
          )}
          {draft.restored && (
            <Text size="sm" c="dimmed" role="status" mb="xs">
              {t('form.draftRestored')}
            </Text>
          )}
          {rf.failure && (
            <Alert color="red" role="alert" mt="sm" title={rf.failure.title}>
              {rf.failure.message}
            </Alert>
          )}
          {/* Sticky: on a short screen (1024×700) the fields scroll, Save and Cancel stay in view. */}
          <div className="haven-dialog-actions">
            <FormActions
              submit
              onCancel={close}
              onSave={() => void rf.save()}
              saving={rf.saving}
              dirty={rf.dirty}
              saveLabel={saveLabel}
            />
          </div>
        </form>
      </Modal>
      {leave.modal}
      <LeaveGuard dirty={rf.dirty} onLeave={settle} />
    </>
  );
}

/** How long the armed button ignores presses: a double click cannot delete. */
export const DELETE_ARM_DELAY_MS = 800;

/**
 * The draft of this dialog: its key is the page and the starting values, so only the
 * same form of the same record gets it back. Restored once on open; kept on unmount while
 * changed and not settled.
 */
function useDraft<V>(rf: RecordForm<V>, isSettled: () => boolean): { restored: boolean } {
  const { form } = rf;
  const key = useRef<string | null>(null);
  key.current ??= draftKey(form.getInitialValues());
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const k = key.current;
    if (k === null) return;
    const values = takeDraft<V>(k);
    if (values !== undefined) {
      form.setValues(values as Partial<V>);
      setRestored(true);
    }
    return () => {
      if (form.isDirty() && !isSettled()) keepDraft(k, form.getValues());
      else dropDraft(k);
    };
    // Once per dialog: the form object is stable for its life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { restored };
}

function draftKey(initial: unknown): string | null {
  try {
    const page = typeof window === 'undefined' ? '' : window.location.hash.split('?')[0];
    return `${page}|${JSON.stringify(initial)}`;
  } catch {
    return null;
  }
}

/**
 * A delete button that asks once more in place: the first press arms it (it turns red and says
 * what the next press does), and only a press at least `DELETE_ARM_DELAY_MS` later deletes, so a
 * double click or a bounced key never deletes at once. It is disabled while the delete runs, and
 * a failed delete says so in place and leaves the dialog open.
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
  const [failed, setFailed] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const waiting = armed && !ready;
  return (
    <>
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
            setFailed(null);
            try {
              await onDelete();
            } catch (e) {
              setFailed(messageText(t, errorMessage(e)));
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
      {failed !== null && (
        <Alert color="red" role="alert" mt="sm" title={t('form.deleteFailed')}>
          {failed}
        </Alert>
      )}
    </>
  );
}
