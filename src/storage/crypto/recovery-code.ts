/**
 * The recovery code: 160 random bits shown once at vault creation (and printable), never stored.
 * Encoded in Crockford base32 (no I, L, O, U; case-insensitive; I/L read as 1 and O as 0) in groups
 * of four, followed by a four-symbol checksum group (the 160-bit value modulo the prime 1,048,573):
 * every single mistyped symbol and every swap of two neighbouring symbols is detected before any
 * key derivation runs.
 *
 *   XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-CCCC
 */
import { RecoveryCodeFormatError } from '../errors';
import { randomBytes } from './bytes';

export { RecoveryCodeFormatError };

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_PRIME = 1_048_573n;
export const RECOVERY_CODE_BYTES = 20;
const DATA_SYMBOLS = 32;
const CHECK_SYMBOLS = 4;

function bytesToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function encodeSymbols(n: bigint, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) {
    s = ALPHABET[Number(n & 31n)] + s;
    n >>= 5n;
  }
  return s;
}

function checksum(n: bigint): string {
  return encodeSymbols(n % CHECK_PRIME, CHECK_SYMBOLS);
}

/** Formats 20 bytes as a recovery code. */
export function encodeRecoveryCode(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_CODE_BYTES)
    throw new RecoveryCodeFormatError('recovery code must be 20 bytes');
  const n = bytesToBigInt(bytes);
  const all = encodeSymbols(n, DATA_SYMBOLS) + checksum(n);
  return (all.match(/.{4}/g) ?? []).join('-');
}

/** A new random recovery code and its bytes. */
export function generateRecoveryCode(): { code: string; bytes: Uint8Array } {
  const bytes = randomBytes(RECOVERY_CODE_BYTES);
  return { code: encodeRecoveryCode(bytes), bytes };
}

/**
 * Parses a typed recovery code back to its 20 bytes. Accepts lower case, spaces or no separators,
 * and the Crockford look-alikes (I, L -> 1; O -> 0). Throws RecoveryCodeFormatError on a wrong
 * length, an invalid symbol or a checksum mismatch (a typo).
 */
export function decodeRecoveryCode(input: string): Uint8Array {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== DATA_SYMBOLS + CHECK_SYMBOLS) {
    throw new RecoveryCodeFormatError(
      `A recovery code has ${DATA_SYMBOLS + CHECK_SYMBOLS} symbols (9 groups of 4); this one has ${cleaned.length}.`,
    );
  }
  let n = 0n;
  for (let i = 0; i < DATA_SYMBOLS; i++) {
    const v = ALPHABET.indexOf(cleaned.charAt(i));
    if (v < 0)
      throw new RecoveryCodeFormatError(
        `Invalid symbol "${cleaned.charAt(i)}" in the recovery code.`,
      );
    n = (n << 5n) | BigInt(v);
  }
  for (let i = DATA_SYMBOLS; i < cleaned.length; i++) {
    if (ALPHABET.indexOf(cleaned.charAt(i)) < 0) {
      throw new RecoveryCodeFormatError(
        `Invalid symbol "${cleaned.charAt(i)}" in the recovery code.`,
      );
    }
  }
  if (checksum(n) !== cleaned.slice(DATA_SYMBOLS)) {
    throw new RecoveryCodeFormatError(
      'The recovery code has a typo (its checksum does not match).',
    );
  }
  const out = new Uint8Array(RECOVERY_CODE_BYTES);
  for (let i = RECOVERY_CODE_BYTES - 1; i >= 0; i--) {
    out[i] = Number(n & 255n);
    n >>= 8n;
  }
  return out;
}
