/** Public face of the lock feature: the gate before the app, and the vault state in the header. */
// Registers what lock clears outside the vault (memos, notifications), before any screen renders.
import './clear-on-lock';
export { VaultGate } from './VaultGate';
export { VaultStatus } from './VaultStatus';
export { RecoveryCodePanel } from './RecoveryCodeScreen';
export { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';
export { DamageBanner } from './DamageBanner';
