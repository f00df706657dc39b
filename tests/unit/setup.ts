/** Shared setup for every unit test: a fresh in-memory IndexedDB (fake-indexeddb), never a mock of the database. */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';

// Component tests (jsdom) unmount what they rendered after each test, as Testing Library does by
// itself where test globals exist. A tree left mounted keeps Mantine's transition timers and
// React's scheduled renders alive past the test file, and when one fires after jsdom is torn down
// it throws "window is not defined" from outside any test: a failed run whose every test passed.
if (typeof window !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
