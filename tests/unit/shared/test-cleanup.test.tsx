// @vitest-environment jsdom
/**
 * The shared unit setup (tests/unit/setup.ts) unmounts what a component test rendered once the
 * test ends, so nothing it mounted can render after jsdom is torn down. Given a tree rendered by
 * one test with an effect that would run on unmount, When the next test starts, Then the page is
 * empty and the tree was unmounted.
 */
import { render } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';

let unmounted = false;
function Marker() {
  useEffect(
    () => () => {
      unmounted = true;
    },
    [],
  );
  return <p>left behind?</p>;
}

describe('each component test starts on an empty page', () => {
  it('renders a tree and leaves it', () => {
    render(<Marker />);
    expect(document.body.textContent).toBe('left behind?');
    expect(unmounted).toBe(false);
  });

  it('finds it unmounted in the next test', () => {
    expect(unmounted).toBe(true);
    expect(document.body.textContent).toBe('');
  });
});
