// @vitest-environment jsdom
/** Case components in jsdom: plan-check links, the empty list, the overview form. */
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/domain/plan-checks';
import { CasesPage } from '../../../../src/features/cases';
import { OverviewTab } from '../../../../src/features/cases/OverviewTab';
import { PlanChecksTab, fixHref } from '../../../../src/features/cases/PlanChecksTab';
import { parseFocusRequest } from '../../../../src/shared/ui/use-focus-request';
import { theme } from '../../../../src/shared/ui/theme';
import { aCase } from '../../builders';
import { renderUi } from '../../render';

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

  it('links a finding without a record to its tab, and budget findings to the Budget tab of the case', () => {
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
    ).toBe(`#/cases/${CASE_ID}/budget`);
  });

  it('says so when the plan passes', () => {
    renderUi(<PlanChecksTab caseId={CASE_ID} findings={[]} />);
    expect(screen.getByText('No findings: the plan passes every check.')).toBeTruthy();
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
