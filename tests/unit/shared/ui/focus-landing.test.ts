// @vitest-environment jsdom
/** Where focus lands after a dialog closes (src/shared/ui/focus-landing.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreFocus } from '../../../../src/shared/ui/focus-landing';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('restoreFocus', () => {
  it('Given nothing focusable yet, When the main heading appears during the retries, Then focus lands on it', () => {
    vi.useFakeTimers();
    restoreFocus(null);
    vi.advanceTimersByTime(300);
    document.body.innerHTML = '<main><h1>Cases</h1></main>';
    vi.advanceTimersByTime(200);
    expect(document.activeElement?.textContent).toBe('Cases');
  });

  it('Given retries still pending, When the page is gone (no document), Then the next retry stops without throwing', () => {
    vi.useFakeTimers();
    restoreFocus(null);
    vi.advanceTimersByTime(250);
    vi.stubGlobal('document', undefined);
    expect(() => vi.advanceTimersByTime(3000)).not.toThrow();
    vi.unstubAllGlobals();
    expect(vi.getTimerCount()).toBe(0);
  });
});
