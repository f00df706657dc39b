/**
 * Key hierarchy. A random 32-byte data key is never stored in plaintext: it exists only wrapped in
 * the header's key slots (AES-256-GCM, fresh 12-byte nonce, the header's fixed fields as associated
 * data). Slot wrapping keys come from Argon2id(passphrase, salt) (passphrase slot) or
 * HKDF-SHA-256(160-bit recovery code, salt) (recovery slot; the code is random, so no slow KDF is
 * needed). While unlocked, only a non-extractable AES-GCM CryptoKey derived from the data key with
 * HKDF-SHA-256 (info "haven.v1/records") is kept in memory; raw data-key bytes are wiped as soon as
 * that key is imported.
 */
import { randomBytes, utf8, wipe } from './bytes';

const subtle = () => globalThis.crypto.subtle;

export const DATA_KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const RECORD_KEY_INFO = 'haven.v1/records';
export const RECOVERY_WRAP_INFO = 'haven.v1/recovery-slot';

export function generateDataKey(): Uint8Array {
  return randomBytes(DATA_KEY_BYTES);
}

/** HKDF-SHA-256(ikm, salt, info) -> `length` bytes. */
export async function hkdf(
  ikm: Uint8Array,
  salt: Uint8Array,
  info: Uint8Array,
  length: number,
): Promise<Uint8Array> {
  const base = await subtle().importKey('raw', ikm as Uint8Array<ArrayBuffer>, 'HKDF', false, [
    'deriveBits',
  ]);
  const bits = await subtle().deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: salt as Uint8Array<ArrayBuffer>,
      info: info as Uint8Array<ArrayBuffer>,
    },
    base,
    length * 8,
  );
  return new Uint8Array(bits);
}

/** The records subkey: HKDF(data key) imported as a non-extractable AES-256-GCM key. */
export async function deriveRecordKey(dataKey: Uint8Array): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', dataKey as Uint8Array<ArrayBuffer>, 'HKDF', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8.encode(RECORD_KEY_INFO) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Wrapping key of the recovery slot: HKDF-SHA-256(recovery code bytes, slot salt). */
export async function recoveryWrappingKey(
  codeBytes: Uint8Array,
  salt: Uint8Array,
): Promise<Uint8Array> {
  return hkdf(codeBytes, salt, utf8.encode(RECOVERY_WRAP_INFO), 32);
}

export interface WrappedKey {
  nonce: Uint8Array;
  wrapped: Uint8Array;
}

async function importWrappingKey(raw: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return subtle().importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, [
    usage,
  ]);
}

/** AES-256-GCM(wrappingKey, dataKey, aad) with a fresh nonce. */
export async function wrapDataKey(
  wrappingKey: Uint8Array,
  dataKey: Uint8Array,
  aad: Uint8Array,
): Promise<WrappedKey> {
  const key = await importWrappingKey(wrappingKey, 'encrypt');
  const nonce = randomBytes(NONCE_BYTES);
  const wrapped = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv: nonce, additionalData: aad as Uint8Array<ArrayBuffer> },
      key,
      dataKey as Uint8Array<ArrayBuffer>,
    ),
  );
  return { nonce, wrapped };
}

/** Unwraps the data key; returns null when authentication fails (wrong secret or altered slot). */
export async function unwrapDataKey(
  wrappingKey: Uint8Array,
  slot: WrappedKey,
  aad: Uint8Array,
): Promise<Uint8Array | null> {
  const key = await importWrappingKey(wrappingKey, 'decrypt');
  try {
    const raw = new Uint8Array(
      await subtle().decrypt(
        {
          name: 'AES-GCM',
          iv: slot.nonce as Uint8Array<ArrayBuffer>,
          additionalData: aad as Uint8Array<ArrayBuffer>,
        },
        key,
        slot.wrapped as Uint8Array<ArrayBuffer>,
      ),
    );
    if (raw.length !== DATA_KEY_BYTES) {
      wipe(raw);
      return null;
    }
    return raw;
  } catch {
    return null;
  }
}
