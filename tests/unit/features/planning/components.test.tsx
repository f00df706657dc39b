// @vitest-environment jsdom
/** Planning components in jsdom: badges in words, plan-check links, the record form's save, messages and shortcut, the empty list. */
import { MantineProvider, TextInput } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../../../src/domain/plan-checks';
import { LockedError } from '../../../../src/storage';
import { CasesPage } from '../../../../src/features/cases';
import { OverviewTab } from '../../../../src/features/cases/OverviewTab';
import { PeopleTab } from '../../../../src/features/people';
import { aCase, aPerson, bundle } from './fixtures';
import { PlanChecksTab, fixHref } from '../../../../src/features/cases/PlanChecksTab';
import { FormActions } from '../../../../src/shared/ui/FormActions';
import { RecordDialog } from '../../../../src/shared/ui/RecordDialog';
import { RiskBadge } from '../../../../src/shared/ui/RiskBadge';
import { StatusBadge } from '../../../../src/shared/ui/StatusBadge';
import { useRecordForm, type FieldErrors } from '../../../../src/shared/ui/use-record-form';
import { parseFocusRequest, useNewRequest } from '../../../../src/shared/ui/use-focus-request';
import { theme } from '../../../../src/shared/ui/theme';
import { renderUi } from './render';

afterEach(cleanup);

const CASE_ID = '0123456789abcdef0123456789abcdef';

function finding(patch: Partial<Finding> = {}): Finding {
  return {
    severity: 'warning',
    code: 'document_expires_too_soon',
    message: "Cedar's travel document expires on 2027-05-01.",
    params: {},
    fix: { entity: 'people', id: 'p1', field: 'travelDocument.expiry' },
    ...patch,
  };
}

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

describe('plan checks', () => {
  it('lists findings with their severity and a link that opens the field to fix', () => {
    renderUi(
      <PlanChecksTab caseId={CASE_ID} findings={[finding({ severity: 'error' }), finding()]} />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(screen.getByText('Error')).toBeTruthy();
    const link = screen.getAllByRole('link', { name: 'Fix this' })[0] as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(
      `#/cases/${CASE_ID}/people?open=people%3Ap1&field=travelDocument.expiry`,
    );
    expect(parseFocusRequest(link.getAttribute('href') ?? '')).toEqual({
      store: 'people',
      id: 'p1',
      field: 'travelDocument.expiry',
    });
  });

  it('links a finding without a record to its tab, and budget findings to the Budget page', () => {
    expect(
      fixHref(
        CASE_ID,
        finding({ code: 'no_return_leg', fix: { entity: 'cases', id: CASE_ID, field: null } }),
      ),
    ).toBe(`#/cases/${CASE_ID}/travel`);
    expect(
      fixHref(
        CASE_ID,
        finding({ code: 'budget_over_cap', fix: { entity: 'cases', id: CASE_ID, field: null } }),
      ),
    ).toBe('#/budget');
  });

  it('says so when the plan passes', () => {
    renderUi(<PlanChecksTab caseId={CASE_ID} findings={[]} />);
    expect(screen.getByText('No findings: the plan passes every check.')).toBeTruthy();
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

describe('cases list', () => {
  it('teaches when there are no cases', () => {
    renderUi(<CasesPage />);
    expect(
      screen.getByText(
        'No cases yet. Create the first one, or open the demo vault to see how Haven works.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create the first case' })).toBeTruthy();
  });
});

describe('case overview form', () => {
  it('takes fields changed elsewhere (a status move) without losing what the coordinator typed', async () => {
    const before = aCase('0123456789abcdef0123456789abcdef', { status: 'in_transit' });
    const view = renderUi(<OverviewTab c={before} />);
    fireEvent.change(screen.getByLabelText('Threat summary'), {
      target: { value: 'Typed, not saved' },
    });
    const after = aCase('0123456789abcdef0123456789abcdef', {
      status: 'relocated',
      actualStart: '2027-01-11',
      updatedAt: '2027-01-11T08:00:00.000Z',
    });
    view.rerender(
      <MantineProvider theme={theme}>
        <Notifications />
        <OverviewTab c={after} />
      </MantineProvider>,
    );
    await waitFor(() =>
      expect((screen.getByLabelText('Actual start') as HTMLInputElement).value).toBe('2027-01-11'),
    );
    expect((screen.getByLabelText('Threat summary') as HTMLTextAreaElement).value).toBe(
      'Typed, not saved',
    );
    expect(screen.getByText(/Unsaved changes/)).toBeTruthy();
  });
});

describe('plan-check links into a tab', () => {
  it('open the record with the field focused once, and a later data change does not reopen it', async () => {
    const c = aCase(CASE_ID);
    const cedar = aPerson('p1', CASE_ID, { codeName: 'Cedar' });
    // As in the app: the link changes the hash, then the tab mounts.
    const changed = new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    window.location.hash = `#/cases/${CASE_ID}/people?open=people%3Ap1&field=travelDocument.expiry`;
    await changed;
    const view = renderUi(<PeopleTab bundle={bundle(c, { people: [cedar] })} />);
    const dialog = await screen.findByRole('dialog', { name: 'Edit Cedar' });
    expect(window.location.hash).toBe(`#/cases/${CASE_ID}/people`);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Document expiry')),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Cedar' })).toBeNull());
    view.rerender(
      <MantineProvider theme={theme}>
        <Notifications />
        <PeopleTab bundle={bundle(c, { people: [{ ...cedar }] })} />
      </MantineProvider>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('dialog', { name: 'Edit Cedar' })).toBeNull();
  });
});
