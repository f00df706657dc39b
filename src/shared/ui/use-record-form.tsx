/**
 * Forms over records: Mantine's form with one validate function (the domain schema and the domain
 * validators, mapped to field paths), checked as the coordinator types and again on save. Saving
 * shows a brief notification; a failure stays on screen until dismissed and says what to do.
 * Ctrl/Cmd+S saves the form that is open. Leaving a form with unsaved changes asks first, both
 * when closing its dialog (`useConfirmLeave`) and when navigating away (`LeaveGuard`).
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message';
import { messageText } from './notify-failure';

/** Field path (dotted, as in the form values) → message saying how to fix it. */
export type FieldErrors = Record<string, string>;

export interface RecordFormOptions<V> {
  initialValues: V;
  validate: (values: V) => FieldErrors;
  onSave: (values: V) => Promise<void>;
  /** Called after a successful save (close the dialog, navigate). */
  onSaved?: () => void;
  /** Whether Ctrl/Cmd+S saves this form (false while another form is in front). Default true. */
  shortcut?: boolean;
}

export interface RecordForm<V> {
  form: UseFormReturnType<V>;
  /** Input props for a field plus `data-path`, so plan-check links and the first error can focus it. */
  field: (
    path: string,
    options?: { type?: 'checkbox' },
  ) => ReturnType<UseFormReturnType<V>['getInputProps']> & { 'data-path': string };
  save: () => Promise<void>;
  saving: boolean;
  dirty: boolean;
  /** The last failed save, while a dialog shows it in place (see `showFailuresInPlace`). */
  failure: SaveFailure | null;
  /**
   * From now until the returned function is called, a failed save is shown by the form's
   * dialog next to its buttons (`failure`) instead of as a notification, so stacked messages can
   * never cover Save.
   */
  showFailuresInPlace: () => () => void;
}

export interface SaveFailure {
  title: string;
  message: string;
}

/**
 * Focuses the input of a field path. Inputs carry `data-path` (set by `field()`); a wrapper with
 * `data-field` (checkbox groups, lists) gets its first control focused.
 */
export function focusField(path: string): boolean {
  const escaped = path.replace(/["\\]/g, (c) => `\\${c}`);
  const target = document.querySelector<HTMLElement>(
    `[data-path="${escaped}"], [data-field="${escaped}"]`,
  );
  if (!target) return false;
  const el = target.matches('input, textarea, button, select')
    ? target
    : target.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, button');
  if (!el) return false;
  el.focus();
  el.scrollIntoView?.({ block: 'center' });
  return true;
}

export function useRecordForm<V extends Record<string, unknown>>(
  options: RecordFormOptions<V>,
): RecordForm<V> {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const inPlace = useRef(0);
  // Validation and saving run from event handlers and read the latest options and form through
  // these refs, kept current after each render.
  const optionsRef = useRef(options);
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: (values: V) => optionsRef.current.validate(values),
    validateInputOnChange: true,
  });
  const formRef = useRef(form);
  useLayoutEffect(() => {
    optionsRef.current = options;
    formRef.current = form;
  });

  const save = useCallback(async () => {
    const f = formRef.current;
    const values = f.getValues();
    const errors = optionsRef.current.validate(values);
    f.setErrors(errors);
    const first = Object.keys(errors)[0];
    if (first) {
      focusField(first);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await optionsRef.current.onSave(values);
      f.resetDirty(values);
      notifications.show({ message: t('form.saved'), color: 'teal', autoClose: 2000 });
      optionsRef.current.onSaved?.();
    } catch (e) {
      const failed = {
        title: t('form.saveFailed'),
        message: messageText(t, errorMessage(e)),
      };
      if (inPlace.current > 0) setFailure(failed);
      else notifications.show({ color: 'red', ...failed, autoClose: false });
    } finally {
      setSaving(false);
    }
  }, [t]);

  const shortcut = options.shortcut ?? true;
  useEffect(() => {
    if (!shortcut) return;
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, shortcut]);

  // Called while rendering, so it reads this render's form (not a ref).
  const field = useCallback(
    (path: string, opts?: { type?: 'checkbox' }) => ({
      ...form.getInputProps(path, opts),
      'data-path': path,
    }),
    [form],
  );
  const showFailuresInPlace = useCallback(() => {
    inPlace.current += 1;
    return () => {
      inPlace.current -= 1;
    };
  }, []);
  return { form, field, save, saving, dirty: form.isDirty(), failure, showFailuresInPlace };
}

/** The "leave without saving?" question. */
export function ConfirmLeaveModal({
  opened,
  onStay,
  onLeave,
}: {
  opened: boolean;
  onStay: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onStay} title={t('common.unsavedTitle')} centered zIndex={400}>
      <Stack gap="sm">
        <Text size="sm">{t('common.unsavedBody')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onStay} data-autofocus>
            {t('common.stay')}
          </Button>
          <Button color="red" onClick={onLeave}>
            {t('common.leave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** `ask(fn)` runs `fn` at once when nothing is unsaved, otherwise after the coordinator confirms. */
export function useConfirmLeave(dirty: boolean): {
  ask: (leave: () => void) => void;
  /** Whether the question is on screen. */
  asking: boolean;
  modal: ReactNode;
} {
  const [pending, setPending] = useState<(() => void) | null>(null);
  const ask = useCallback(
    (leave: () => void) => {
      if (dirty) setPending(() => leave);
      else leave();
    },
    [dirty],
  );
  const modal = (
    <ConfirmLeaveModal
      opened={pending !== null}
      onStay={() => setPending(null)}
      onLeave={() => {
        const go = pending;
        setPending(null);
        go?.();
      }}
    />
  );
  return { ask, asking: pending !== null, modal };
}

/**
 * Asks before the route changes while a form is dirty. One window listener, registered when this
 * module loads (before the router subscribes), undoes the hash change at once, so the router never
 * sees it; the guard of the dirty form then asks, and redoes the change only if the coordinator
 * chooses to leave. (A listener registered by a component would run after the router's and too late:
 * the page would already have been replaced.)
 */
interface Guard {
  readonly dirty: () => boolean;
  readonly ask: (url: string) => void;
}
const guards = new Set<Guard>();
let allowNext = false;
const pathOf = (url: string): string => new URL(url).hash.split('?')[0] ?? '';
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (e: HashChangeEvent) => {
    if (allowNext) {
      allowNext = false;
      return;
    }
    const guard = [...guards].find((g) => g.dirty());
    if (!guard || pathOf(e.oldURL) === pathOf(e.newURL)) return;
    history.replaceState(history.state, '', e.oldURL);
    guard.ask(e.newURL);
  });
}

export function LeaveGuard({ dirty, onLeave }: { dirty: boolean; onLeave?: () => void }) {
  const [pending, setPending] = useState<string | null>(null);
  const dirtyRef = useRef(dirty);
  useLayoutEffect(() => {
    dirtyRef.current = dirty;
  });
  useEffect(() => {
    const guard: Guard = { dirty: () => dirtyRef.current, ask: setPending };
    guards.add(guard);
    return () => {
      guards.delete(guard);
    };
  }, []);
  return (
    <ConfirmLeaveModal
      opened={pending !== null}
      onStay={() => setPending(null)}
      onLeave={() => {
        const target = pending;
        setPending(null);
        onLeave?.();
        if (target) {
          allowNext = true;
          window.location.href = target;
        }
      }}
    />
  );
}
