// @vitest-environment jsdom
/** The people tab in jsdom: a plan-check link opens the record with the field focused. */
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PeopleTab } from '../../../../src/features/people';
import { theme } from '../../../../src/shared/ui/theme';
import { aCase, aPerson, bundle } from '../../builders';
import { renderUi } from '../../render';

const CASE_ID = '0123456789abcdef0123456789abcdef';

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
