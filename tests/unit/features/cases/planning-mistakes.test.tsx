// @vitest-environment jsdom
/**
 * Planning mistakes a tired coordinator makes (issue 10): the move to Relocated asks for the
 * arrival date instead of taking today, a status set by mistake can be moved back with a reason,
 * a plan-check link to a checkpoint lands on its row, the timeline shows a stay between legs, and a
 * deletion stays in History and can be undone.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TextInput } from '@mantine/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { HistoryTab } from '../../../../src/features/cases/HistoryTab';
import '../../../../src/features/cases/data';
import { deleteLeg } from '../../../../src/features/travel/data';
import { RecordDialog } from '../../../../src/shared/ui/RecordDialog';
import { useRecordForm, type FieldErrors } from '../../../../src/shared/ui/use-record-form';
import { KDF_FLOOR, newId, vault } from '../../../../src/storage';
import { TransitionMenu } from '../../../../src/features/cases/CaseHeader';
import { CheckpointsTab } from '../../../../src/features/checkpoints';
import { TravelTab } from '../../../../src/features/travel';
import { aCase, aCheckpoint, aHost, aLeg, aPerson, aStay, bundle } from '../../builders';
import { renderUi } from '../../render';

const CASE_ID = '0123456789abcdef0123456789abcdef';

async function openMove(name: RegExp): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Change status' }));
  fireEvent.click(await screen.findByRole('menuitem', { name }));
  return screen.findByRole('dialog');
}

describe('moving a case to Relocated', () => {
  it('asks for the arrival date with the planned start offered, and refuses an empty one at the field (nothing moved)', async () => {
    renderUi(
      <TransitionMenu c={aCase(CASE_ID, { status: 'in_transit', plannedStart: '2026-03-28' })} />,
    );
    const dialog = await openMove(/Move to Relocated$/);
    const arrival = within(dialog).getByLabelText(/Arrival date/) as HTMLInputElement;
    expect(arrival.value).toBe('2026-03-28');
    expect(within(dialog).getByText(/Planned start: 2026-03-28/)).toBeTruthy();
    fireEvent.change(arrival, { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move to Relocated' }));
    expect(await within(dialog).findByText('Enter the day they arrived (YYYY-MM-DD)')).toBeTruthy();
    expect(arrival.getAttribute('aria-invalid')).toBe('true');
    // Still open: nothing was moved.
    expect(screen.getByRole('dialog', { name: 'Move the case to Relocated' })).toBeTruthy();
  });
});

describe('moving back a step', () => {
  it('is offered for a status set by mistake and asks for the reason', async () => {
    renderUi(
      <TransitionMenu c={aCase(CASE_ID, { status: 'relocated', actualStart: '2026-11-30' })} />,
    );
    const dialog = await openMove(/Move back to In transit$/);
    expect(within(dialog).getByText(/The actual start \(2026-11-30\) is cleared/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move back to In transit' }));
    expect(
      await within(dialog).findByText('Give the reason; it is kept with the case'),
    ).toBeTruthy();
    expect(
      within(dialog)
        .getByLabelText(/Why move back/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('is not offered where there is no single step back (closed)', async () => {
    renderUi(<TransitionMenu c={aCase(CASE_ID, { status: 'closed' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Change status' }));
    await screen.findByRole('menuitem', { name: /Move to Purged$/ });
    expect(screen.queryByRole('menuitem', { name: /Move back/ })).toBeNull();
  });
});

describe('a plan-check link to a checkpoint', () => {
  it('focuses and highlights the checkpoint row (there is no review form to open yet)', async () => {
    const c = aCase(CASE_ID);
    const changed = new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    window.location.hash = `#/cases/${CASE_ID}/checkpoints?open=checkpoints%3Acp2`;
    await changed;
    renderUi(
      <CheckpointsTab
        bundle={bundle(c, {
          checkpoints: [
            aCheckpoint('cp1', CASE_ID, '2026-10-01', true),
            aCheckpoint('cp2', CASE_ID, '2026-11-01'),
          ],
        })}
      />,
    );
    const table = screen.getByRole('table', { name: 'Checkpoints' });
    const row = await waitFor(() => {
      const current = within(table)
        .getAllByRole('row')
        .find((r) => r.getAttribute('aria-current') === 'true');
      expect(current).toBeTruthy();
      return current as HTMLElement;
    });
    expect(row.textContent).toContain('2026-11-01');
    expect(document.activeElement).toBe(row);
    expect(window.location.hash).toBe(`#/cases/${CASE_ID}/checkpoints`);
  });
});

describe('the travel timeline', () => {
  it('shows the stay between two legs instead of a connection', () => {
    const c = aCase(CASE_ID);
    const people = [aPerson('p', CASE_ID, { codeName: 'Cedar' })];
    const legs = [
      aLeg('l1', CASE_ID, 'istanbul', 'amsterdam', '2027-01-10T08:05', '2027-01-10T10:45', ['p']),
      aLeg('l2', CASE_ID, 'amsterdam', 'istanbul', '2027-04-10T10:00', '2027-04-10T14:30', ['p']),
    ];
    const stays = [aStay('s1', CASE_ID, 'h1', '2027-01-10', '2027-04-10', ['p'])];
    renderUi(
      <TravelTab
        bundle={bundle(c, { people, legs, stays })}
        hosts={[aHost('h1', { codeName: 'Harbour House' })]}
      />,
    );
    expect(screen.getByRole('note', { name: 'Stay between legs' }).textContent).toBe(
      'Stay at Harbour House · 90 nights, 2027-01-10 → 2027-04-10',
    );
    expect(screen.queryByText(/Connection|89 d/)).toBeNull();
  });
});

function DeletableStay({
  run,
  onClose,
}: {
  run: () => Promise<() => Promise<void>>;
  onClose: () => void;
}) {
  const rf = useRecordForm<{ name: string }>({
    initialValues: { name: 'Harbour' },
    validate: (): FieldErrors => ({}),
    onSave: async () => undefined,
  });
  return (
    <RecordDialog
      title="Edit the stay"
      rf={rf}
      onClose={onClose}
      remove={{ label: 'Delete this stay', confirmLabel: 'Click again to delete the stay', run }}
    >
      <TextInput label="Name" {...rf.field('name')} />
    </RecordDialog>
  );
}

describe('deleting a record', () => {
  afterAll(() => vault.lock());

  it('offers Undo after the deletion, which runs the restore', async () => {
    const restore = vi.fn(async () => undefined);
    const onClose = vi.fn();
    renderUi(<DeletableStay run={async () => restore} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete this stay' }));
    const armed = screen.getByRole('button', { name: 'Click again to delete the stay' });
    await waitFor(() => expect(armed.getAttribute('aria-disabled')).toBeNull(), { timeout: 3000 });
    fireEvent.click(armed);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(restore).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Restored')).toBeTruthy();
  });

  it('keeps the deletion in the case History by kind of record, after the record is gone, and Undo brings it back', async () => {
    await vault.createVault('ochre lantern velvet basin quarry thimble', { kdfParams: KDF_FLOOR });
    const caseId = newId();
    const legId = newId();
    const c = aCase(caseId, { codeName: 'Linden' });
    await vault.transaction([
      { op: 'put', store: 'cases', value: c },
      {
        op: 'put',
        store: 'legs',
        value: aLeg(
          legId,
          caseId,
          'istanbul',
          'amsterdam',
          '2027-01-10T08:05',
          '2027-01-10T10:45',
          [newId()],
        ),
      },
    ]);
    const undo = await deleteLeg(legId);
    expect(vault.get('legs', legId)).toBeUndefined();
    renderUi(<HistoryTab bundle={bundle(c)} />);
    const history = screen.getByRole('table', { name: 'History' });
    const rows = within(history)
      .getAllByRole('row')
      .filter((r) => r.textContent?.includes('A travel leg (deleted)'));
    expect(rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual([
      'Deleted',
      'Created',
    ]);
    expect(history.textContent).not.toMatch(/Istanbul|Amsterdam/);
    await undo();
    expect(vault.get('legs', legId)).toMatchObject({ id: legId, caseId });
  });
});
