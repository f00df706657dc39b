/**
 * Opening a vault: creating one, and the one unlock path for the passphrase and the recovery code
 * alike (a function that says how to unwrap, key-slots.ts, run through the shared throttle,
 * secret-check.ts), which loads and decrypts every store into a new Session.
 */
import type Dexie from 'dexie';
import { wipe } from './crypto/bytes';
import type { KdfRunner } from './crypto/kdf-client';
import type { KdfParams } from './crypto/kdf';
import { deriveRecordKey, generateDataKey } from './crypto/keys';
import { generateRecoveryCode } from './crypto/recovery-code';
import { LockedError, VaultStateError } from './errors';
import type { VaultHeader } from './header';
import { passphraseUnwrap, recoveryUnwrap, rewrapPassphraseSlot, type Unwrap } from './key-slots';
import type { Rekeys } from './rekey-flow';
import type { SecretCheck } from './secret-check';
import { Session, type LoadPlan, type PrefetchedRows } from './session';
import { META_STORE, RECORD_STORES } from './stores';
import { calibrateWith, createVaultDb, openHeader } from './vault-db';

/** What opening a vault needs from the vault. */
export interface UnlockHost {
  readonly kdf: KdfRunner;
  readonly secrets: SecretCheck;
  readonly rekeys: Rekeys;
  readonly calibrationTargetMs: number;
  /** Staged unlock: which stores to open before the session starts (default: all). */
  readonly loadPlan?: LoadPlan;
  now(): number;
  current(): Session | null;
  /** Counts lock() calls: an unlock that sees it change while it runs ends locked. */
  lockEpoch(): number;
  start(s: Session): void;
}

/**
 * The first stores' rows, each store's read started at once and kept as its own promise, so the
 * load opens a store as soon as its rows are in while the others are still being read (none
 * rejects: a failed read gives undefined and the load reads that store again). Without a staged
 * plan every store is first.
 */
function prefetchFirstRows(db: Dexie, plan: LoadPlan | undefined): PrefetchedRows {
  const first = plan ? RECORD_STORES.filter((st) => plan.first.includes(st)) : RECORD_STORES;
  return new Map(
    first.map((st) => [
      st,
      db
        .table(st)
        .toArray()
        .then(
          (rows): readonly unknown[] => rows,
          () => undefined,
        ),
    ]),
  );
}

export class Unlocker {
  constructor(private readonly host: UnlockHost) {}

  /** Writes a new vault's header and starts an empty session; returns the recovery code. */
  async create(
    passphrase: string,
    opts: { onProgress?: (fraction: number) => void; kdfParams?: KdfParams },
  ): Promise<{ recoveryCode: string }> {
    const { kdf, calibrationTargetMs } = this.host;
    const params =
      opts.kdfParams ?? (await calibrateWith(kdf, calibrationTargetMs, opts.onProgress));
    const dataKey = generateDataKey();
    const recovery = generateRecoveryCode();
    try {
      const name = await this.host.rekeys.activeDbName();
      const key = { dataKey, passphrase, recoveryBytes: recovery.bytes, params };
      const { db, header } = await createVaultDb(name, kdf, key, this.host.now(), opts.onProgress);
      this.host.start(await Session.empty(db, header, await deriveRecordKey(dataKey)));
      opts.onProgress?.(1);
      return { recoveryCode: recovery.code };
    } finally {
      wipe(dataKey);
      wipe(recovery.bytes);
    }
  }

  /** Unlocks with the passphrase; on an open session, still checks it (never taken on trust). */
  async withPassphrase(passphrase: string): Promise<void> {
    const unwrap = passphraseUnwrap(this.host.kdf, passphrase);
    const open = this.host.current();
    if (open) wipe((await this.check(open.db, open.header, unwrap, 'Wrong passphrase.')).dataKey);
    else await this.unlockWith(unwrap, 'Wrong passphrase.');
  }

  /**
   * Unlocks with the recovery code, then re-keys under `next` keeping the same code (or, when
   * damaged rows forbid a re-key, re-wraps the passphrase slot in place).
   */
  async withRecoveryCode(codeBytes: Uint8Array, next: string): Promise<void> {
    await this.unlockWith(recoveryUnwrap(codeBytes), 'Wrong recovery code.', async (s, key) => {
      if (await this.host.rekeys.afterRecovery(s, next, codeBytes)) return;
      const current = this.host.current();
      if (!current) throw new LockedError();
      const header = await rewrapPassphraseSlot(this.host.kdf, current.header, key, next);
      await current.db.table(META_STORE).put(header);
      current.header = header;
    });
  }

  /** Checks a secret (secret-check.ts); an open session's header follows what is stored. */
  check(
    db: Dexie,
    header: VaultHeader,
    unwrap: Unwrap,
    wrongMessage: string,
  ): Promise<{ dataKey: Uint8Array; header: VaultHeader }> {
    return this.host.secrets.check(db, header, unwrap, wrongMessage, (stored) => {
      const s = this.host.current();
      if (s?.header === header) s.header = stored;
    });
  }

  /**
   * Opens the header, checks the secret `unwrap` opens under the shared throttle, loads and
   * decrypts every store, starts the session, then runs `after` with the data key. The database
   * is closed on failure; a lock() asked for meanwhile is honoured (the unlock ends locked).
   */
  private async unlockWith(
    unwrap: Unwrap,
    wrongMessage: string,
    after?: (s: Session, dataKey: Uint8Array) => Promise<void>,
  ): Promise<void> {
    const epoch = this.host.lockEpoch();
    const { db, header: stored } = await openHeader(await this.host.rekeys.activeDbName());
    let dataKey: Uint8Array | null = null;
    // While the key derivation runs (in a worker), the sealed rows the first screen needs are
    // read from IndexedDB: ciphertext only, opened after the secret is checked. Nothing writes
    // record stores while the vault is locked, so these are the rows a read after it would get.
    const prefetched = prefetchFirstRows(db, this.host.loadPlan);
    try {
      performance.mark('haven:kdf-start');
      const checked = await this.check(db, stored, unwrap, wrongMessage);
      // Marks for bench/ (unlock to first screen, KDF reported apart); they hold no data.
      performance.mark('haven:kdf-end');
      dataKey = checked.dataKey;
      const key = await deriveRecordKey(dataKey);
      const s = await Session.load(db, checked.header, key, this.host.loadPlan, prefetched);
      performance.mark('haven:first-stores');
      if (epoch !== this.host.lockEpoch()) {
        s.clear();
        throw new VaultStateError('The vault was locked while it was being unlocked.');
      }
      this.host.start(s);
      if (after) {
        await s.loaded;
        await after(s, dataKey);
      }
    } catch (e) {
      if (!this.host.current()) db.close();
      throw e;
    } finally {
      wipe(dataKey);
    }
  }
}
