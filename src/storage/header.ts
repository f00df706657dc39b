/**
 * The vault header: the one record of store "meta" (id "header"). It is NOT secret and holds no
 * secret: format version, vault id, creation time, key generation, and two key slots, each with
 * its salt, KDF description, nonce and wrapped data key (base64), and the throttle's count of
 * wrong attempts (optional, clear metadata). It is validated with zod on every
 * read; a header whose Argon2id parameters are below the floor (a downgrade attempt) or above the
 * cap, or whose slot is malformed, is refused with a HeaderError before any key derivation.
 *
 * Each slot's associated data binds the header's fixed fields (format, version, vault id, creation
 * time, key generation), the slot kind and its own salt and KDF parameters: editing any of them
 * makes the slot fail to open.
 */
import { z } from 'zod';
import { fromBase64, toBase64, utf8 } from './crypto/bytes';
import { KDF_CAP, assertParamsAtLeastFloor, type KdfParams } from './crypto/kdf';
import { HeaderError, KdfParamsError } from './errors';
import { attemptsSchema } from './throttle';

export const HEADER_ID = 'header';
export const VAULT_FORMAT = 'haven-vault';
export const VAULT_FORMAT_VERSION = 1;

const b64Bytes = (n: number) =>
  z
    .string()
    .max(200)
    .refine((s) => {
      try {
        return fromBase64(s).length === n;
      } catch {
        return false;
      }
    }, `must be ${n} bytes of base64`);

const passphraseSlotSchema = z.strictObject({
  kdf: z.strictObject({
    algorithm: z.literal('argon2id'),
    m: z
      .number()
      .int()
      .positive()
      .max(KDF_CAP.m * 1024),
    t: z.number().int().positive().max(1_000_000),
    p: z.number().int().positive().max(1_000_000),
  }),
  salt: b64Bytes(16),
  nonce: b64Bytes(12),
  wrapped: b64Bytes(48),
});

const recoverySlotSchema = z.strictObject({
  kdf: z.strictObject({ algorithm: z.literal('hkdf-sha256') }),
  salt: b64Bytes(16),
  nonce: b64Bytes(12),
  wrapped: b64Bytes(48),
});

export const headerSchema = z.strictObject({
  id: z.literal(HEADER_ID),
  format: z.literal(VAULT_FORMAT),
  version: z.literal(VAULT_FORMAT_VERSION),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.iso.datetime(),
  keyGeneration: z.number().int().min(1).max(1_000_000),
  slots: z.strictObject({
    passphrase: passphraseSlotSchema,
    recovery: recoverySlotSchema,
  }),
  /**
   * Clear, non-secret throttle state (throttle.ts): wrong attempts in a row and the time of the
   * last one. Optional: headers written before it existed (and after a success) have none.
   */
  attempts: attemptsSchema.optional(),
});

export type VaultHeader = z.infer<typeof headerSchema>;
export type PassphraseSlot = VaultHeader['slots']['passphrase'];
export type RecoverySlot = VaultHeader['slots']['recovery'];
export type SlotKind = 'passphrase' | 'recovery';

/** Validates a header read from disk. Throws HeaderError with a clear reason. */
export function parseHeader(raw: unknown): VaultHeader {
  if (raw === undefined || raw === null) throw new HeaderError('No vault header found.');
  const r = headerSchema.safeParse(raw);
  if (!r.success) {
    const where = r.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new HeaderError(`The vault header is malformed or corrupted and was refused (${where}).`);
  }
  const { m, t, p } = r.data.slots.passphrase.kdf;
  try {
    assertParamsAtLeastFloor({ m, t, p });
  } catch (e) {
    if (e instanceof KdfParamsError)
      throw new HeaderError(`The vault header was refused: ${e.message}`);
    throw e;
  }
  return r.data;
}

export function kdfParamsOf(header: VaultHeader): KdfParams {
  const { m, t, p } = header.slots.passphrase.kdf;
  return { m, t, p };
}

export interface HeaderFixedFields {
  vaultId: string;
  createdAt: string;
  keyGeneration: number;
}

/** Associated data of a slot: the header's fixed fields, the slot kind, and the slot's own parameters. */
export function slotAad(
  fixed: HeaderFixedFields,
  kind: SlotKind,
  salt: string,
  kdf: { algorithm: string; m?: number; t?: number; p?: number },
): Uint8Array {
  const parts = [
    'haven.v1/slot',
    kind,
    VAULT_FORMAT,
    String(VAULT_FORMAT_VERSION),
    fixed.vaultId,
    fixed.createdAt,
    String(fixed.keyGeneration),
    salt,
    kdf.algorithm,
    String(kdf.m ?? ''),
    String(kdf.t ?? ''),
    String(kdf.p ?? ''),
  ];
  return utf8.encode(parts.join('\u0000'));
}

export function passphraseSlotAad(
  fixed: HeaderFixedFields,
  slot: Pick<PassphraseSlot, 'salt' | 'kdf'>,
): Uint8Array {
  return slotAad(fixed, 'passphrase', slot.salt, slot.kdf);
}

export function recoverySlotAad(
  fixed: HeaderFixedFields,
  slot: Pick<RecoverySlot, 'salt' | 'kdf'>,
): Uint8Array {
  return slotAad(fixed, 'recovery', slot.salt, slot.kdf);
}

export const b64 = { encode: toBase64, decode: fromBase64 };
