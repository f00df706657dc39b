// @vitest-environment jsdom
/**
 * Navigation counts: one digit in a circle, wider counts in a pill that shows every digit up to
 * 99; past that "99+" (a wider pill cuts "Dashboard" in the 200 px navigation), the exact count
 * in the badge's label.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppFrame } from '../../../src/shared/ui/AppFrame';
import { renderUi } from '../render';

describe('navigation badges', () => {
  it('shows a two-digit count whole (a pill, not a one-digit circle) and caps the rest at 99+', () => {
    renderUi(
      <AppFrame
        route={{ name: 'cases' }}
        badges={{
          dashboard: { count: 15, label: '3 reviews overdue, 12 plan errors' },
          cases: { count: 3, label: '3 reviews overdue' },
          hosts: { count: 12_345, label: 'many' },
          budget: { count: 99, label: 'ninety-nine' },
          timeline: { count: 100, label: 'a hundred' },
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
    expect(screen.getByLabelText('many').textContent).toBe('99+');
    expect(screen.getByLabelText('ninety-nine').textContent).toBe('99');
    expect(screen.getByLabelText('a hundred').textContent).toBe('99+');
    // The link's name keeps the whole count's label.
    expect(screen.getByRole('link', { name: 'Hosts (many)' })).toBeTruthy();
  });
});
