/** The app's one Vault instance (database "haven"). Tests create their own Vault with another dbName. */
import { Vault } from './vault';

export const vault = new Vault();
