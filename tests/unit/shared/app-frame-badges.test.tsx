// @vitest-environment jsdom
/** Navigation counts: one digit in a circle, wider counts in a pill that shows every digit. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppFrame } from '../../../src/shared/ui/AppFrame';
import { renderUi } from '../render';

describe('navigation badges', () => {
  it('shows a two-digit count whole (a pill, not a one-digit circle) and caps huge ones', () => {
    renderUi(
      <AppFrame
        route={{ name: 'cases' }}
        badges={{
          dashboard: { count: 15, label: '3 reviews overdue, 12 plan errors' },
          cases: { count: 3, label: '3 reviews overdue' },
          hosts: { count: 12_345, label: 'many' },
        }}
      >
        <p>page</p>
      </AppFrame>,
    );
    const wide = screen.getByLabelText('3 reviews overdue, 12 plan errors');
    expect(wide.textContent).toBe('15');
    expect(wide.hasAttribute('data-circle')).toBe(false);
    const narrow = screen.getByLabelText('3 reviews overdue');
    expect(narrow.textContent).toBe('3');
    expect(narrow.hasAttribute('data-circle')).toBe(true);
    expect(screen.getByLabelText('many').textContent).toBe('999+');
  });
});
