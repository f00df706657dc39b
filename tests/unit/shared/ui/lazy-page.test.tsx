// @vitest-environment jsdom
/**
 * lazyPage: a page whose module has already arrived (preloaded in idle time, as OpenApp is while
 * the unlock screen shows) renders in the first commit, without its loading fallback (React would
 * otherwise hold the fallback for its 300 ms reveal throttle); a page mounted before its module
 * arrived shows the fallback, then the page, and keeps the page's state across re-renders.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyPage } from '../../../../src/shared/ui/lazy-page';

function Counter({ label }: { label: string }) {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      {label} {n}
    </button>
  );
}

function countingFallback() {
  const seen = { renders: 0 };
  function Fallback() {
    seen.renders++;
    return <p>Loading the page</p>;
  }
  return { seen, fallback: <Fallback /> };
}

describe('lazyPage', () => {
  it('renders a preloaded page in the first commit, never showing its fallback', async () => {
    const { seen, fallback } = countingFallback();
    const Page = lazyPage(() => Promise.resolve(Counter), fallback);
    await Page.preload();
    act(() => {
      render(<Page label="Clicks" />);
    });
    expect(screen.getByRole('button', { name: 'Clicks 0' })).toBeTruthy();
    expect(seen.renders).toBe(0);
  });

  it('shows the fallback until the module arrives, then the page, which keeps its state when its parent re-renders', async () => {
    const { seen, fallback } = countingFallback();
    let arrive: (c: typeof Counter) => void = () => undefined;
    const Page = lazyPage(() => new Promise<typeof Counter>((r) => (arrive = r)), fallback);
    const view = render(<Page label="Clicks" />);
    expect(screen.getByText('Loading the page')).toBeTruthy();
    await act(async () => {
      arrive(Counter);
      await Promise.resolve();
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Clicks 0' }));
    expect(screen.getByRole('button', { name: 'Clicks 1' })).toBeTruthy();
    // Re-rendered after the module is there: the same mounted page, its count kept.
    view.rerender(<Page label="Taps" />);
    expect(screen.getByRole('button', { name: 'Taps 1' })).toBeTruthy();
    expect(seen.renders).toBeGreaterThan(0);
  });
});
