/**
 * A test-only page served under the app's own origin (/__harness/) by the e2e suite, never
 * shipped: it drives the real storage layer (the same `vault` on the same "haven" database) so
 * that tests can seed many records through the repositories, then look at them through the app.
 */
import {
  ENTITY_STORES,
  KDF_FLOOR,
  canonicalJson,
  newId,
  vault,
  type AnyWriteOp,
} from '../../../src/storage';
import { seedBudget } from './budget-seed';
import { canaryRecords } from './canaries';
import { addBulk, digestAll, seedBulk, tryUnlock } from './kill-seed';
import { largePackRecords, packCaseIds, packCaseRecords, type PackCaseIds } from './pack-case';

async function seedCanaries(
  passphrase: string,
  tag: string,
  keepReferences = false,
): Promise<{ value: string; where: string }[]> {
  return (await seedVault(passphrase, tag, keepReferences)).canaries;
}

/** The same as seedCanaries, and returns the vault's recovery code too. */
async function seedVault(
  passphrase: string,
  tag: string,
  keepReferences = false,
): Promise<{ canaries: { value: string; where: string }[]; recoveryCode: string }> {
  const { recoveryCode } = await vault.createVault(passphrase, { kdfParams: KDF_FLOOR });
  const { records, canaries } = canaryRecords(tag, newId, keepReferences);
  const ops: AnyWriteOp[] = records.map(({ store, record }) => ({
    op: 'put',
    store,
    value: record,
  }));
  await vault.transaction(ops);
  vault.lock();
  return { canaries, recoveryCode };
}

/** Unlocks with the recovery code (setting `passphrase`), locks again; the error name if refused. */
async function tryRecoveryCode(code: string, passphrase: string): Promise<'unlocked' | string> {
  try {
    await vault.unlockWithRecoveryCode(code, passphrase);
    vault.lock();
    return 'unlocked';
  } catch (e) {
    return e instanceof Error ? e.name : String(e);
  }
}

/** Unlocks, hashes every entity record in canonical JSON (SHA-256) per store and in all, locks again. */
async function hashAll(
  passphrase: string,
): Promise<{ hash: string; records: number; stores: Record<string, string> }> {
  const sha256 = async (text: string): Promise<string> => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  };
  await vault.unlock(passphrase);
  try {
    await vault.whenLoaded();
    const all = ENTITY_STORES.map(
      (store) => [store, [...vault.list(store)].sort((a, b) => a.id.localeCompare(b.id))] as const,
    );
    const stores: Record<string, string> = {};
    for (const [store, records] of all)
      stores[store] = (await sha256(canonicalJson(records))).slice(0, 16);
    return {
      hash: await sha256(canonicalJson(all)),
      records: all.reduce((sum, [, records]) => sum + records.length, 0),
      stores,
    };
  } finally {
    vault.lock();
  }
}

/** Creates a vault holding the itinerary-pack case (pack-case.ts), locks it, returns the ids. */
async function seedPackCase(passphrase: string): Promise<PackCaseIds> {
  await vault.createVault(passphrase, { kdfParams: KDF_FLOOR });
  const ids = packCaseIds(newId);
  const ops: AnyWriteOp[] = packCaseRecords(ids, newId).map(({ store, record }) => ({
    op: 'put',
    store,
    value: record,
  }));
  await vault.transaction(ops);
  vault.lock();
  return ids;
}

/** Creates a vault holding one large case (the itinerary benchmark), locks it, returns its id. */
async function seedLargePack(
  passphrase: string,
  size: { legs: number; people: number },
): Promise<string> {
  await vault.createVault(passphrase, { kdfParams: KDF_FLOOR });
  const { caseId, records } = largePackRecords(newId, size);
  await vault.transaction(
    records.map(({ store, record }): AnyWriteOp => ({ op: 'put', store, value: record })),
  );
  vault.lock();
  return caseId;
}

declare global {
  interface Window {
    havenHarness: {
      seedCanaries: typeof seedCanaries;
      seedVault: typeof seedVault;
      tryRecoveryCode: typeof tryRecoveryCode;
      hashAll: typeof hashAll;
      seedPackCase: typeof seedPackCase;
      seedLargePack: typeof seedLargePack;
      seedBudget: typeof seedBudget;
      seedBulk: typeof seedBulk;
      addBulk: typeof addBulk;
      digestAll: typeof digestAll;
      tryUnlock: typeof tryUnlock;
      ready: true;
    };
  }
}

window.havenHarness = {
  seedCanaries,
  seedVault,
  tryRecoveryCode,
  hashAll,
  seedPackCase,
  seedLargePack,
  seedBudget,
  seedBulk,
  addBulk,
  digestAll,
  tryUnlock,
  ready: true,
};
