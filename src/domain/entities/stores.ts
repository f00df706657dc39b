/**
 * The map from storage store name to the schema of its records. The storage layer validates every
 * record it reads or writes against `ENTITY_STORES[store]`; `EntityOf<'legs'>` is the record type.
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

export const ENTITY_STORES = {
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

export type EntityStores = typeof ENTITY_STORES;
/** Record type stored in `S`. */
export type EntityOf<S extends EntityStoreName> = z.output<EntityStores[S]>;
