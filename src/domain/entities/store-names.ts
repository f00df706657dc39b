/** Names of the storage layer's entity stores (one per entity kind). Audit events live in `audit`. */
export const ENTITY_STORE_NAMES = [
  'cases',
  'people',
  'hosts',
  'stays',
  'legs',
  'visas',
  'checkpoints',
  'extensions',
  'budgetLines',
  'exchangeRates',
  'perDiemRates',
] as const;
export type EntityStoreName = (typeof ENTITY_STORE_NAMES)[number];
