/**
 * A test-only page served under the app's own origin (/__harness/) by the e2e suite, never
 * shipped: it drives the real storage layer (the same `vault` on the same "haven" database) so
 * that tests can seed many records through the repositories, then look at them through the app.
 */
import { KDF_FLOOR, newId, vault, type WriteOp } from '../../../src/storage';
import { canaryRecords } from './canaries';

async function seedCanaries(passphrase: string, tag: string): Promise<{ value: string; where: string }[]> {
  await vault.createVault(passphrase, { kdfParams: KDF_FLOOR });
  const { records, canaries } = canaryRecords(tag, newId);
  const ops: WriteOp[] = records.map(({ store, record }) => ({ op: 'put', store, value: record }));
  await vault.commit(ops);
  vault.lock();
  return canaries;
}

declare global {
  interface Window {
    havenHarness: { seedCanaries: typeof seedCanaries; ready: true };
  }
}

window.havenHarness = { seedCanaries, ready: true };
