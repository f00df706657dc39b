/**
 * The map from storage store name to the schema of its records. The vault is created with it
 * (storage/instance.ts) and validates every record it writes or restores against
 * `ENTITY_SCHEMAS[store]`; `EntityOf<'legs'>` is the record type.
 */
import type { z } from 'zod';
import { BudgetLineSchema, ExchangeRateSchema, PerDiemRateSchema } from './budget';
import { CaseSchema } from './case';
import { CheckpointSchema } from './checkpoint';
import { ExtensionSchema } from './extension';
import { HostSchema } from './host';
import { TravelLegSchema } from './leg';
import { PersonSchema } from './person';
import { StaySchema } from './stay';
import type { EntityStoreName } from './store-names';
import { VisaSchema } from './visa';

export const ENTITY_SCHEMAS = {
  cases: CaseSchema,
  people: PersonSchema,
  hosts: HostSchema,
  stays: StaySchema,
  legs: TravelLegSchema,
  visas: VisaSchema,
  checkpoints: CheckpointSchema,
  extensions: ExtensionSchema,
  budgetLines: BudgetLineSchema,
  exchangeRates: ExchangeRateSchema,
  perDiemRates: PerDiemRateSchema,
} as const satisfies Record<EntityStoreName, z.ZodType>;

export type EntitySchemas = typeof ENTITY_SCHEMAS;
/** Record type stored in `S`. */
export type EntityOf<S extends EntityStoreName> = z.output<EntitySchemas[S]>;

/**
 * One change to an entity store, as a pure cascade returns it (domain/planning/cascades.ts) and
 * the vault commits it (storage's `WriteOp` is this type for the entity stores): a put carries
 * the store's entity, a delete its id.
 */
export type EntityWriteOp<S extends EntityStoreName = EntityStoreName> = S extends EntityStoreName
  ? { op: 'put'; store: S; value: EntityOf<S> } | { op: 'delete'; store: S; id: string }
  : never;
