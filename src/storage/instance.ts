/**
 * The app's one Vault instance (database "haven"), created with every store's schema
 * (schemas.ts: the domain's ENTITY_SCHEMAS, settings and audit), so every write and every restored
 * record is validated. Tests create their own Vault with another dbName.
 */
import { VAULT_SCHEMAS } from './schemas';
import { Vault } from './vault';

export const vault = new Vault({ schemas: VAULT_SCHEMAS });
