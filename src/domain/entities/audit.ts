/**
 * Audit event: who-did-what bookkeeping. It records which fields changed by NAME, never their
 * values, so the audit log can be shown or exported without leaking a name or a place.
 * The storage layer keeps these in its own `audit` store.
 */
import { z } from 'zod';
import type { AuditEventId } from '../ids';
import { idSchema, instantSchema } from './common';
import { caseStatusSchema } from './case';
import { ENTITY_STORE_NAMES } from './store-names';

/** What an audit event can be about: a record store, or the vault itself (unlock, backup, restore). */
export const AUDIT_ENTITIES = [...ENTITY_STORE_NAMES, 'vault', 'settings'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'transition',
  'export',
  'import',
  'purge',
  'unlock',
  'backup',
  'restore',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEventSchema = z.object({
  id: idSchema<AuditEventId>('Audit event'),
  at: instantSchema,
  entity: z.enum(AUDIT_ENTITIES, { error: 'Entity must be a store name, "vault" or "settings"' }),
  entityId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Entity id is malformed' }),
  action: z.enum(AUDIT_ACTIONS, { error: 'Choose an audit action from the list' }),
  /** Names of the fields that changed (dotted paths), never values. */
  fields: z
    .array(
      z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9_.]{0,80}$/, { error: 'Field names only, never values' }),
    )
    .default([]),
  /** For `transition`: the statuses (not sensitive). */
  transition: z.object({ from: caseStatusSchema, to: caseStatusSchema }).nullable().default(null),
});
export type AuditEvent = z.output<typeof AuditEventSchema>;
/** An audit event before storage gives it an id. */
export type AuditEventDraft = Omit<AuditEvent, 'id'>;
