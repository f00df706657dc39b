/** Public face of the lock feature: the gate before the app, and the vault state in the header. */
export { VaultGate } from './VaultGate';
export { VaultStatus } from './VaultStatus';
export { RecoveryCodePanel } from './RecoveryCodeScreen';
export { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';
export { DamageBanner } from './DamageBanner';
