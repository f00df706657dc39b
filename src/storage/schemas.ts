/**
 * The schemas a vault validates with, by store: the domain's entity schemas (ENTITY_SCHEMAS) and
 * storage's own two, the settings record and the audit row. `new Vault({ schemas: VAULT_SCHEMAS })`
 * (instance.ts) validates every write and every restored record against them; a backup is also
 * checked against them before anything is restored (backup-checks.ts).
 */
import { z } from 'zod';
import { ENTITY_SCHEMAS } from '../domain/entities/stores';
import { RECORD_ID_PATTERN } from './crypto/bytes';
import { RecordValidationError } from './errors';
import { MANIFEST_ID } from './integrity';
import type { RecordStore } from './stores';

/** Schemas by store; a store without one is checked for a random id and JSON form only. */
export type StoreSchemas = { readonly [S in RecordStore]?: z.ZodType };

/** The settings record (one per vault). Fields added by a later version are let through. */
export const SettingsSchema = z.looseObject({
  id: z.string().regex(RECORD_ID_PATTERN),
  kind: z.literal('app-settings', { error: 'This is not a settings record' }),
  autoLockMinutes: z
    .number({ error: 'Enter the auto-lock time in minutes' })
    .int({ error: 'Enter the auto-lock time as whole minutes' })
    .min(1, { error: 'The auto-lock time must be at least 1 minute' })
    .max(120, { error: 'The auto-lock time must be at most 120 minutes' }),
  demo: z.boolean({ error: 'The demo flag must be yes or no' }),
  language: z
    .enum(['system', 'en', 'ru'], { error: 'The language is not one Haven offers' })
    .optional(),
});

/** An audit row as the vault writes it (audit.ts AuditRow): names of fields, never values. */
export const AuditRowSchema = z.strictObject({
  id: z
    .string()
    .regex(RECORD_ID_PATTERN)
    .refine((id) => id !== MANIFEST_ID, { error: 'This audit entry uses a reserved id' }),
  at: z.iso.datetime({ error: 'The time of the audit entry is not a valid time' }),
  groups: z.array(
    z.strictObject({
      store: z.string().max(64),
      action: z.string().regex(/^[a-z][a-z-]{0,40}$/, { error: 'The audit action is unknown' }),
      fields: z.array(z.string().max(200)),
      entityIds: z.array(z.string().max(64)),
      /** Deletes only: the case the deleted records belonged to. */
      caseId: z.string().regex(RECORD_ID_PATTERN).optional(),
    }),
  ),
  m: z.literal(1).optional(),
});

/** Every store's schema: what the app's vault is created with. */
export const VAULT_SCHEMAS = {
  ...ENTITY_SCHEMAS,
  settings: SettingsSchema,
  audit: AuditRowSchema,
} as const satisfies Record<RecordStore, z.ZodType>;

/**
 * The schemas a vault validates with: those it was created with (fixed), and for a store without
 * one, a schema given to `repo()` (tests and tools that make a Vault without VAULT_SCHEMAS).
 */
export class SchemaSet {
  private readonly map: Map<RecordStore, z.ZodType>;
  private readonly fixed: ReadonlySet<RecordStore>;
  constructor(schemas: StoreSchemas = {}) {
    this.map = new Map(Object.entries(schemas) as [RecordStore, z.ZodType][]);
    this.fixed = new Set(this.map.keys());
  }
  get(store: RecordStore): z.ZodType | undefined {
    return this.map.get(store);
  }
  /** Uses `schema` for a store without a fixed one; for a fixed one, it must be that schema. */
  use(store: RecordStore, schema: z.ZodType): void {
    if (this.map.get(store) === schema) return;
    if (this.fixed.has(store))
      throw new RecordValidationError(`"${store}" is validated by the vault's own schema.`);
    this.map.set(store, schema);
  }
}
