/**
 * The app's one Vault instance (database "haven"), created with every store's schema
 * (schemas.ts: the domain's ENTITY_SCHEMAS, settings and audit), so every write and every restored
 * record is validated. Tests create their own Vault with another dbName.
 */
import type { PlanningStore } from '../domain/planning';
import { VAULT_SCHEMAS } from './schemas';
import type { RecordStore } from './stores';
import { Vault } from './vault';

/**
 * What the first screen, the dashboard, reads (computeDashboard: cases, legs, stays, reviews,
 * extensions, hosts), opened before the app shows; its rows are read from IndexedDB while the
 * key derivation runs (unlock.ts). People, visas, budget lines, rates and the audit trail follow
 * in idle time, then the integrity check (staged-load.ts). Meanwhile `useVaultLoading()` lists
 * them, the planning index says it is not `complete`, whatever judges a whole case (plan checks,
 * budgets) waits, and pages other than the dashboard open once everything is in (OpenApp.tsx).
 */
export const FIRST_STORES: readonly RecordStore[] = [
  'settings',
  'cases',
  'hosts',
  'stays',
  'legs',
  'checkpoints',
  'extensions',
] satisfies readonly (PlanningStore | 'settings')[];

export const vault = new Vault({ schemas: VAULT_SCHEMAS, firstStores: FIRST_STORES });
