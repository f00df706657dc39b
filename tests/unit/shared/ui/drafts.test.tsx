// @vitest-environment jsdom
/**
 * Drafts of an open form, in memory only until the lock: a changed dialog that goes away without
 * the coordinator choosing to lose its changes gets them back when the same form opens again; the
 * unsaved-changes question's "Leave and lose changes" keeps none; and a lock (the real vault,
 * through the real VaultGate) drops every draft, including the form it tore down.
 */
import { Button, TextInput } from '@mantine/core';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { VaultGate } from '../../../../src/features/lock';
import { KDF_FLOOR, vault } from '../../../../src/storage';
import { RecordDialog } from '../../../../src/shared/ui/RecordDialog';
import { draftCount } from '../../../../src/shared/ui/drafts';
import { useRecordForm, type FieldErrors } from '../../../../src/shared/ui/use-record-form';
import { renderUi } from '../../render';

const PASSPHRASE = 'ochre lantern velvet basin quarry thimble';
const RESTORED = /Your unsaved changes from earlier are back/;

beforeAll(async () => {
  await vault.createVault(PASSPHRASE, { kdfParams: KDF_FLOOR });
}, 60_000);

function ContactDialog({ onClose }: { onClose: () => void }) {
  const rf = useRecordForm<{ name: string }>({
    initialValues: { name: '' },
    validate: (): FieldErrors => ({}),
    onSave: async () => undefined,
    onSaved: onClose,
  });
  return (
    <RecordDialog title="New contact" rf={rf} onClose={onClose}>
      <TextInput label="Name" {...rf.field('name')} />
    </RecordDialog>
  );
}

/** A page with a dialog that something else on the page can take away (as a navigation does). */
function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Add contact</Button>
      <Button onClick={() => setOpen(false)}>Elsewhere</Button>
      {open && <ContactDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function renderApp() {
  return renderUi(
    <VaultGate seedDemo={async () => undefined}>
      <Page />
    </VaultGate>,
  );
}

async function openDialog(): Promise<HTMLInputElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Add contact' }));
  const dialog = await screen.findByRole('dialog', { name: 'New contact' });
  return within(dialog).getByLabelText('Name') as HTMLInputElement;
}

const gone = () =>
  waitFor(() => expect(screen.queryByRole('dialog', { name: 'New contact' })).toBeNull());

describe('drafts of an open form', () => {
  it('come back when the same form opens again, are not kept after "Leave and lose changes", and a lock drops them all', async () => {
    renderApp();
    let name = await openDialog();
    fireEvent.change(name, { target: { value: 'Cedar' } });
    fireEvent.click(screen.getByRole('button', { name: 'Elsewhere', hidden: true }));
    await gone();

    name = await openDialog();
    expect(name.value).toBe('Cedar');
    expect(screen.getByText(RESTORED)).toBeTruthy();

    // Choosing to lose the changes keeps no draft.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Leave and lose changes' }));
    await gone();
    name = await openDialog();
    expect(name.value).toBe('');
    expect(screen.queryByText(RESTORED)).toBeNull();

    // A draft, then the lock with the form open: nothing is left.
    fireEvent.change(name, { target: { value: 'Birch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Elsewhere', hidden: true }));
    await gone();
    name = await openDialog();
    fireEvent.change(name, { target: { value: 'Birch and more' } });
    act(() => vault.lock());
    expect(await screen.findByRole('heading', { name: 'Unlock Haven' })).toBeTruthy();
    expect(draftCount()).toBe(0);

    cleanup();
    await vault.unlock(PASSPHRASE);
    renderApp();
    name = await openDialog();
    expect(name.value).toBe('');
    expect(screen.queryByText(RESTORED)).toBeNull();
  }, 60_000);
});
