// @vitest-environment jsdom
/** Shared components in jsdom: badges in words, the record form's save, messages and shortcut, the record dialog's delete, new-record links. */
import { TextInput } from '@mantine/core';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LockedError } from '../../../../src/storage';
import { FormActions } from '../../../../src/shared/ui/FormActions';
import { RecordDialog } from '../../../../src/shared/ui/RecordDialog';
import { RiskBadge } from '../../../../src/shared/ui/RiskBadge';
import { StatusBadge } from '../../../../src/shared/ui/StatusBadge';
import { useRecordForm, type FieldErrors } from '../../../../src/shared/ui/use-record-form';
import { useNewRequest } from '../../../../src/shared/ui/use-focus-request';
import { renderUi } from '../../render';

describe('badges', () => {
  it('say the status and the risk in words, not colour alone', () => {
    renderUi(
      <>
        <StatusBadge status="in_transit" />
        <RiskBadge risk="extreme" />
        <RiskBadge risk="low" short />
      </>,
    );
    expect(screen.getByText('In transit')).toBeTruthy();
    expect(screen.getByText('Extreme risk')).toBeTruthy();
    expect(screen.getByText('Low')).toBeTruthy();
  });
});

function NameForm({ onSave }: { onSave: (name: string) => Promise<void> }) {
  const rf = useRecordForm<{ name: string }>({
    initialValues: { name: '' },
    validate: (v): FieldErrors => (v.name.trim() ? {} : { name: 'Enter a name' }),
    onSave: (v) => onSave(v.name),
  });
  return (
    <form>
      <TextInput label="Name" {...rf.field('name')} />
      <FormActions
        onCancel={() => rf.form.reset()}
        onSave={() => void rf.save()}
        saving={rf.saving}
        dirty={rf.dirty}
      />
    </form>
  );
}

describe('record form', () => {
  it('shows the message at the field on save and saves nothing', async () => {
    const onSave = vi.fn(async () => undefined);
    renderUi(<NameForm onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a name')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('validates as you type, and Ctrl+S saves with a notification', async () => {
    const onSave = vi.fn(async () => undefined);
    renderUi(<NameForm onSave={onSave} />);
    const input = screen.getByLabelText('Name');
    fireEvent.change(input, { target: { value: 'Cedar' } });
    expect(screen.getByText(/Unsaved changes/)).toBeTruthy();
    fireEvent.change(input, { target: { value: ' ' } });
    expect(await screen.findByText('Enter a name')).toBeTruthy();
    fireEvent.change(input, { target: { value: 'Cedar' } });
    await waitFor(() => expect(screen.queryByText('Enter a name')).toBeNull());
    await act(async () => {
      fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    });
    expect(onSave).toHaveBeenCalledWith('Cedar');
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(screen.getByText(/No changes/)).toBeTruthy();
  });

  it('keeps a failed save on screen until dismissed', async () => {
    // IndexedDB's own error for a full disk; its English text must not reach the screen.
    const full = new DOMException(
      'Encountered full disk while opening backing store',
      'QuotaExceededError',
    );
    renderUi(<NameForm onSave={async () => Promise.reject(full)} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Cedar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The disk is full')).toBeTruthy();
    expect(screen.getByText('Not saved: nothing was written')).toBeTruthy();
  });
});

function DeletableDialog({ run, onClose }: { run: () => Promise<void>; onClose: () => void }) {
  const rf = useRecordForm<{ name: string }>({
    initialValues: { name: 'Cedar' },
    validate: (): FieldErrors => ({}),
    onSave: async () => undefined,
  });
  return (
    <RecordDialog
      title="Edit Cedar"
      rf={rf}
      onClose={onClose}
      remove={{ label: 'Delete this visa', confirmLabel: 'Click again to delete the visa', run }}
    >
      <TextInput label="Name" {...rf.field('name')} />
    </RecordDialog>
  );
}

describe('record dialog', () => {
  it('deletes only on a deliberate second press, then closes; a failed delete keeps it open', async () => {
    const order: string[] = [];
    const run = vi.fn(async () => {
      order.push('deleted');
    });
    const onClose = vi.fn(() => order.push('closed'));
    renderUi(<DeletableDialog run={run} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete this visa' }));
    expect(run).not.toHaveBeenCalled();
    // A double click: the second press comes at once and is ignored; the button says to wait.
    const armed = screen.getByRole('button', { name: 'Click again to delete the visa' });
    fireEvent.click(armed);
    expect(run).not.toHaveBeenCalled();
    expect(armed.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Wait a moment, then press again to delete')).toBeTruthy();
    await waitFor(() => expect(armed.getAttribute('aria-disabled')).toBeNull(), { timeout: 3000 });
    fireEvent.click(armed);
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(run).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['deleted', 'closed']);
    cleanup();

    const failing = vi.fn(async () => Promise.reject(new LockedError('Vault locked during write')));
    const close2 = vi.fn();
    renderUi(<DeletableDialog run={failing} onClose={close2} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete this visa' }));
    const armed2 = screen.getByRole('button', { name: 'Click again to delete the visa' });
    await waitFor(() => expect(armed2.getAttribute('aria-disabled')).toBeNull(), {
      timeout: 3000,
    });
    fireEvent.click(armed2);
    expect(await screen.findByText('Not deleted: nothing was removed')).toBeTruthy();
    expect(screen.getByText('The vault is locked.')).toBeTruthy();
    expect(failing).toHaveBeenCalledTimes(1);
    expect(close2).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: 'Edit Cedar' })).toBeTruthy();
  });
});

function NewProbe() {
  const [open, setOpen] = useNewRequest();
  return open ? (
    <button type="button" onClick={() => setOpen(false)}>
      Close new form
    </button>
  ) : (
    <p>No new form</p>
  );
}

describe('new-record links', () => {
  it('open the form on arrival and on a later ?new=1, and leave the address clean', async () => {
    window.history.replaceState(null, '', '#/hosts?new=1');
    renderUi(<NewProbe />);
    expect(screen.getByRole('button', { name: 'Close new form' })).toBeTruthy();
    expect(window.location.hash).toBe('#/hosts');
    fireEvent.click(screen.getByRole('button', { name: 'Close new form' }));
    expect(screen.getByText('No new form')).toBeTruthy();
    const changed = new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    window.location.hash = '#/hosts?new=1';
    await changed;
    expect(await screen.findByRole('button', { name: 'Close new form' })).toBeTruthy();
    expect(window.location.hash).toBe('#/hosts');
  });
});
