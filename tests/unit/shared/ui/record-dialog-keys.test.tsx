// @vitest-environment jsdom
/**
 * The record dialog by keyboard: the close button has a name, Escape on a changed dialog asks
 * before throwing the changes away, and after saving focus goes back to the button that opened
 * the dialog (not the page body). Enter-to-save needs a browser's implicit form submission, which
 * jsdom lacks: tests/e2e/dialog-keys.spec.ts covers it in Chromium.
 */
import { Button, TextInput } from '@mantine/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RecordDialog } from '../../../../src/shared/ui/RecordDialog';
import { useRecordForm, type FieldErrors } from '../../../../src/shared/ui/use-record-form';
import { renderUi } from '../../render';

function NameDialog({
  onSave,
  onClose,
}: {
  onSave: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const rf = useRecordForm<{ name: string }>({
    initialValues: { name: '' },
    validate: (v): FieldErrors => (v.name.trim() ? {} : { name: 'Enter a name' }),
    onSave: (v) => onSave(v.name),
    onSaved: onClose,
  });
  return (
    <RecordDialog title="New contact" rf={rf} onClose={onClose}>
      <TextInput label="Name" {...rf.field('name')} />
    </RecordDialog>
  );
}

function Opener({ onSave }: { onSave: (name: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Add contact</Button>
      {open && <NameDialog onSave={onSave} onClose={() => setOpen(false)} />}
    </>
  );
}

describe('record dialog by keyboard', () => {
  it('names its close button', async () => {
    renderUi(<NameDialog onSave={async () => undefined} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog', { name: 'New contact' });
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('asks before Escape throws changes away, and keeps editing when asked to', async () => {
    const onClose = vi.fn();
    renderUi(<NameDialog onSave={async () => undefined} onClose={onClose} />);
    const input = await screen.findByLabelText('Name');
    fireEvent.change(input, { target: { value: 'Cedar' } });
    fireEvent.keyDown(input, { key: 'Escape', code: 'Escape' });
    const question = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(within(question).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Leave without saving?' })).toBeNull(),
    );
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Cedar');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('puts focus back on the button that opened it after saving', async () => {
    renderUi(<Opener onSave={async () => undefined} />);
    const opener = screen.getByRole('button', { name: 'Add contact' });
    opener.focus();
    fireEvent.click(opener);
    const input = await screen.findByLabelText('Name');
    fireEvent.change(input, { target: { value: 'Cedar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New contact' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('says a failed save beside its buttons, not in notifications stacked over Save', async () => {
    renderUi(
      <NameDialog
        onSave={async () => Promise.reject(new DOMException('quota', 'QuotaExceededError'))}
        onClose={() => undefined}
      />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'New contact' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Cedar' } });
    for (let i = 0; i < 3; i += 1) {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
      await waitFor(() =>
        expect(within(dialog).getByRole('alert').textContent).toContain('The disk is full'),
      );
    }
    expect(within(dialog).getAllByRole('alert')).toHaveLength(1);
    expect(within(dialog).getByText('Not saved: nothing was written')).toBeTruthy();
    // Nothing in the notification layer (outside the dialog) repeats it.
    expect(screen.getAllByText('The disk is full')).toHaveLength(1);
  });
});
