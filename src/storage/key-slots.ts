/**
 * The two key slots of the vault header (header.ts): the data key wrapped under the passphrase
 * (Argon2id, in the KDF runner) and under the recovery code (HKDF). An `Unwrap` is "how to open a
 * slot": secret-check.ts runs either one through the same attempt and throttle. Raw key bytes
 * live only for the moment they are wrapped or unwrapped, then are wiped.
 */
import { randomBytes, utf8, wipe } from './crypto/bytes';
import type { KdfRunner } from './crypto/kdf-client';
import type { KdfParams } from './crypto/kdf';
import { recoveryWrappingKey, unwrapDataKey, wrapDataKey } from './crypto/keys';
import { WeakPassphraseError } from './errors';
import {
  b64,
  kdfParamsOf,
  parseHeader,
  passphraseSlotAad,
  recoverySlotAad,
  type HeaderFixedFields,
  type VaultHeader,
} from './header';
import { passphraseStrength } from './passphrase-strength';

/** Opens one slot of `header`: the data key (the caller wipes it), or null for a wrong secret. */
export type Unwrap = (header: VaultHeader) => Promise<Uint8Array | null>;

function passphraseBytes(p: string): Uint8Array {
  return utf8.encode(p.normalize('NFC'));
}

export function fixedOf(
  h: Pick<VaultHeader, 'vaultId' | 'createdAt' | 'keyGeneration'>,
): HeaderFixedFields {
  return { vaultId: h.vaultId, createdAt: h.createdAt, keyGeneration: h.keyGeneration };
}

export function assertStrong(passphrase: string): void {
  const s = passphraseStrength(passphrase);
  if (!s.acceptable) {
    throw new WeakPassphraseError(
      `The passphrase is too weak (about ${s.bits} bits; at least 64 needed). ${s.hint}`,
    );
  }
}

/** Opens the passphrase slot with `passphrase` (Argon2id through `kdf`). */
export function passphraseUnwrap(kdf: KdfRunner, passphrase: string): Unwrap {
  return async (header) => {
    const slot = header.slots.passphrase;
    const pw = passphraseBytes(passphrase);
    let wk: Uint8Array | null = null;
    try {
      wk = await kdf(pw, b64.decode(slot.salt), kdfParamsOf(header));
      return await unwrapDataKey(
        wk,
        { nonce: b64.decode(slot.nonce), wrapped: b64.decode(slot.wrapped) },
        passphraseSlotAad(fixedOf(header), slot),
      );
    } finally {
      wipe(pw);
      wipe(wk);
    }
  };
}

/** Opens the recovery slot with the decoded recovery code (the caller keeps and wipes `codeBytes`). */
export function recoveryUnwrap(codeBytes: Uint8Array): Unwrap {
  return async (header) => {
    const slot = header.slots.recovery;
    const wk = await recoveryWrappingKey(codeBytes, b64.decode(slot.salt));
    try {
      return await unwrapDataKey(
        wk,
        { nonce: b64.decode(slot.nonce), wrapped: b64.decode(slot.wrapped) },
        recoverySlotAad(fixedOf(header), slot),
      );
    } finally {
      wipe(wk);
    }
  };
}

async function passphraseSlot(
  kdf: KdfRunner,
  fixed: HeaderFixedFields,
  dataKey: Uint8Array,
  passphrase: string,
  params: KdfParams,
): Promise<VaultHeader['slots']['passphrase']> {
  const salt = randomBytes(16);
  const algo = { algorithm: 'argon2id' as const, m: params.m, t: params.t, p: params.p };
  const saltB64 = b64.encode(salt);
  const pw = passphraseBytes(passphrase);
  const wk = await kdf(pw, salt, params);
  wipe(pw);
  const w = await wrapDataKey(wk, dataKey, passphraseSlotAad(fixed, { salt: saltB64, kdf: algo }));
  wipe(wk);
  return { kdf: algo, salt: saltB64, nonce: b64.encode(w.nonce), wrapped: b64.encode(w.wrapped) };
}

/** Both slots for a new header: `dataKey` under the passphrase and under the recovery code. */
export async function buildSlots(
  kdf: KdfRunner,
  fixed: HeaderFixedFields,
  dataKey: Uint8Array,
  passphrase: string,
  params: KdfParams,
  recoveryBytes: Uint8Array,
): Promise<VaultHeader['slots']> {
  const passphrase_ = await passphraseSlot(kdf, fixed, dataKey, passphrase, params);
  const salt = randomBytes(16);
  const algo = { algorithm: 'hkdf-sha256' as const };
  const saltB64 = b64.encode(salt);
  const wk = await recoveryWrappingKey(recoveryBytes, salt);
  const w = await wrapDataKey(wk, dataKey, recoverySlotAad(fixed, { salt: saltB64, kdf: algo }));
  wipe(wk);
  return {
    passphrase: passphrase_,
    recovery: {
      kdf: algo,
      salt: saltB64,
      nonce: b64.encode(w.nonce),
      wrapped: b64.encode(w.wrapped),
    },
  };
}

/** `header` with a new passphrase slot for `passphrase` (the recovery slot unchanged). */
export async function rewrapPassphraseSlot(
  kdf: KdfRunner,
  header: VaultHeader,
  dataKey: Uint8Array,
  passphrase: string,
): Promise<VaultHeader> {
  const slot = await passphraseSlot(kdf, fixedOf(header), dataKey, passphrase, kdfParamsOf(header));
  return parseHeader({ ...header, slots: { ...header.slots, passphrase: slot } });
}

/** Whether both slots of a freshly written header unwrap exactly `dataKey`. */
export async function slotsOpen(
  kdf: KdfRunner,
  header: VaultHeader,
  passphrase: string,
  recoveryBytes: Uint8Array,
  dataKey: Uint8Array,
): Promise<boolean> {
  const same = (k: Uint8Array | null) =>
    !!k && k.length === dataKey.length && k.every((b, i) => b === dataKey[i]);
  const fromPassphrase = await passphraseUnwrap(kdf, passphrase)(header);
  const fromRecovery = await recoveryUnwrap(recoveryBytes)(header);
  try {
    return same(fromPassphrase) && same(fromRecovery);
  } finally {
    wipe(fromPassphrase);
    wipe(fromRecovery);
  }
}
