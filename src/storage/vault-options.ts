/** The options of a Vault and of creating one, and what an unlock reports (vault.ts). */
import type { KdfRunner } from './crypto/kdf-client';
import type { KdfParams } from './crypto/kdf';
import type { TamperError } from './errors';
import type { StoreSchemas } from './schemas';
import type { Slicer } from './staged-load';
import type { RecordStore } from './stores';
import type { ThrottlePolicy } from './throttle';

export interface UnlockResult {
  /** Rows that failed their integrity check: kept on disk, not loaded, reported here. */
  tampered: TamperError[];
}

export interface CreateVaultOptions {
  onProgress?: (fraction: number) => void;
  /** Argon2id parameters; default: calibrated to about 1 s on this machine. Never below the floor. */
  kdfParams?: KdfParams;
}

export interface VaultOptions {
  /** IndexedDB database name (default "haven"; tests use their own). */
  dbName?: string;
  /**
   * The schema of each store, checked on every write and every restored record (the app passes
   * VAULT_SCHEMAS, schemas.ts). A store without one is checked for its id and JSON form only,
   * or against a schema given to `repo()` for it.
   */
  schemas?: StoreSchemas;
  /** Argon2id runner (default: Web Worker, or inline without Worker support). */
  kdf?: KdfRunner;
  /** Clock in ms (injectable for throttling tests). */
  now?: () => number;
  throttle?: Partial<ThrottlePolicy>;
  /** Target unlock time for calibration (default 1000 ms). */
  calibrationTargetMs?: number;
  /** Filler written after deleting an old database, so that LevelDB compacts it away (rekey.ts). */
  flushBytes?: number;
  /**
   * Staged unlock (staged-load.ts): the stores the first screen needs, opened before unlock()
   * returns; the others are opened in small chunks afterwards (loadingStores()). Default: all.
   */
  firstStores?: readonly RecordStore[];
  slicer?: Slicer;
}
