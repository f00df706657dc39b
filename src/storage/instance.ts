/**
 * The app's one Vault instance (database "haven"), created with every store's schema
 * (schemas.ts: the domain's ENTITY_SCHEMAS, settings and audit), so every write and every restored
 * record is validated. Tests create their own Vault with another dbName.
 */
import { PLANNING_STORES } from '../domain/planning';
import { VAULT_SCHEMAS } from './schemas';
import type { RecordStore } from './stores';
import { Vault } from './vault';

/**
 * What the first screen (the dashboard, over the planning index of every case) needs, opened
 * before the app shows, with the rates budget totals need; the audit trail and the integrity
 * check follow in idle time
 * (staged-load.ts). Screens that read a later store see `useVaultLoading()` true meanwhile.
 */
export const FIRST_STORES: readonly RecordStore[] = [
  'settings',
  ...PLANNING_STORES,
  'exchangeRates',
  'perDiemRates',
];

export const vault = new Vault({ schemas: VAULT_SCHEMAS, firstStores: FIRST_STORES });
