/**
 * The vault's database and header, before a session exists: whether a header is there, opening
 * it, and writing the header of a new vault (its slots, calibrated Argon2id parameters).
 */
import Dexie from 'dexie';
import { newRecordId, randomBytes, wipe } from './crypto/bytes';
import type { KdfRunner } from './crypto/kdf-client';
import { assertParamsAtLeastFloor, calibrate, type KdfParams } from './crypto/kdf';
import { createDatabase } from './db';
import { VaultStateError } from './errors';
import { HEADER_ID, VAULT_FORMAT, VAULT_FORMAT_VERSION, parseHeader } from './header';
import type { VaultHeader } from './header';
import { buildSlots } from './key-slots';
import { META_STORE } from './stores';

/** True when database `name` holds a vault header. Creates nothing. */
export async function headerExists(name: string): Promise<boolean> {
  if (!(await Dexie.exists(name))) return false;
  const db = createDatabase(name);
  try {
    await db.open();
    return (await db.table(META_STORE).get(HEADER_ID)) !== undefined;
  } finally {
    db.close();
  }
}

/** Opens database `name` and reads its header (VaultStateError when there is none). */
export async function openHeader(name: string): Promise<{ db: Dexie; header: VaultHeader }> {
  if (!(await Dexie.exists(name))) throw new VaultStateError('No vault exists here.');
  const db = createDatabase(name);
  await db.open();
  try {
    const raw: unknown = await db.table(META_STORE).get(HEADER_ID);
    if (raw === undefined) throw new VaultStateError('No vault exists here.');
    return { db, header: parseHeader(raw) };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Argon2id parameters taking about `targetMs` here, measured through the unlock's own runner. */
export function calibrateWith(
  kdf: KdfRunner,
  targetMs: number,
  onProgress?: (fraction: number) => void,
): Promise<KdfParams> {
  return calibrate({
    targetMs,
    onProgress: (f) => onProgress?.(f * 0.8),
    // Measured through the same runner as unlock (the worker), so the UI stays responsive.
    measure: async (params) => {
      const t0 = performance.now();
      wipe(await kdf(randomBytes(16), randomBytes(16), params));
      return performance.now() - t0;
    },
  });
}

/** Writes the header of a new vault (`dataKey` in both slots) into database `name`, left open. */
export async function createVaultDb(
  name: string,
  kdf: KdfRunner,
  key: { dataKey: Uint8Array; passphrase: string; recoveryBytes: Uint8Array; params: KdfParams },
  nowMs: number,
  onProgress?: (fraction: number) => void,
): Promise<{ db: Dexie; header: VaultHeader }> {
  assertParamsAtLeastFloor(key.params);
  const createdAt = new Date(nowMs).toISOString();
  const fixed = { vaultId: newRecordId(), createdAt, keyGeneration: 1 };
  const { dataKey, passphrase, params, recoveryBytes } = key;
  const slots = await buildSlots(kdf, fixed, dataKey, passphrase, params, recoveryBytes);
  onProgress?.(0.95);
  const header = parseHeader({
    id: HEADER_ID,
    format: VAULT_FORMAT,
    version: VAULT_FORMAT_VERSION,
    ...fixed,
    slots,
  });
  const db = createDatabase(name);
  try {
    await db.open();
    await db.table(META_STORE).add(header);
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, header };
}
