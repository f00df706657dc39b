/**
 * Primitive vectors (security.md, test 7) and the building blocks around them: Argon2id against
 * the reference implementation's published vectors, AES-256-GCM against the GCM specification's
 * vectors through WebCrypto, HKDF-SHA-256 against RFC 5869, the KDF floor and cap, calibration,
 * and the recovery-code encoding.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../../../src/storage/crypto/bytes';
import {
  KDF_CAP,
  KDF_FLOOR,
  argon2idDerive,
  argon2idRaw,
  assertParamsAtLeastFloor,
  calibrate,
  type KdfParams,
} from '../../../src/storage/crypto/kdf';
import { deriveWrappingKey } from '../../../src/storage/crypto/kdf-client';
import { deriveRecordKey, generateDataKey, hkdf } from '../../../src/storage/crypto/keys';
import {
  decodeRecoveryCode,
  encodeRecoveryCode,
  generateRecoveryCode,
} from '../../../src/storage/crypto/recovery-code';
import { KdfParamsError, RecoveryCodeFormatError } from '../../../src/storage';

const subtle = globalThis.crypto.subtle;

describe('Argon2id (hash-wasm) against the reference implementation vectors (phc-winner-argon2 src/test.c, v=0x13)', () => {
  // hash-wasm takes no associated data, so RFC 9106's vector (secret + ad) cannot be expressed;
  // these vectors use password and salt only.
  it('Given password "password", salt "somesalt", m=65536 t=2 p=1, When hashed, Then the tag matches', async () => {
    const tag = await argon2idRaw(utf8.encode('password'), utf8.encode('somesalt'), {
      m: 65536,
      t: 2,
      p: 1,
    });
    expect(toHex(tag)).toBe('09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7');
  });

  it('Given m=256 t=2 p=2 (several lanes), When hashed, Then the tag matches the published encoded hash', async () => {
    const tag = await argon2idRaw(utf8.encode('password'), utf8.encode('somesalt'), {
      m: 256,
      t: 2,
      p: 2,
    });
    expect(Buffer.from(tag).toString('base64').replace(/=+$/, '')).toBe(
      'bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc',
    );
  });
});

describe('AES-256-GCM (WebCrypto) against the GCM specification test vectors', () => {
  it('Given test case 14 (zero key, zero block), When encrypted, Then ciphertext and tag match', async () => {
    const key = await subtle.importKey('raw', new Uint8Array(32), 'AES-GCM', false, ['encrypt']);
    const out = new Uint8Array(
      await subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new Uint8Array(16)),
    );
    expect(toHex(out)).toBe(
      'cea7403d4d606b6e074ec5d3baf39d18' + 'd0d1c8a799996bf0265b98b5d48ab919',
    );
  });

  it('Given test case 16 (with associated data), When encrypted and decrypted, Then both directions match', async () => {
    const k = fromHex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308');
    const p = fromHex(
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    );
    const a = fromHex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
    const iv = fromHex('cafebabefacedbaddecaf888');
    const expected =
      '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662' +
      '76fc6ece0f4e1768cddf8853bb2d551b';
    const key = await subtle.importKey('raw', k, 'AES-GCM', false, ['encrypt', 'decrypt']);
    const ct = new Uint8Array(
      await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: a }, key, p),
    );
    expect(toHex(ct)).toBe(expected);
    const back = new Uint8Array(
      await subtle.decrypt({ name: 'AES-GCM', iv, additionalData: a }, key, ct),
    );
    expect(toHex(back)).toBe(toHex(p));
    // And a wrong tag is refused.
    ct[ct.length - 1]! ^= 1;
    await expect(
      subtle.decrypt({ name: 'AES-GCM', iv, additionalData: a }, key, ct),
    ).rejects.toThrow();
  });
});

describe('HKDF-SHA-256 against RFC 5869', () => {
  it('Given RFC 5869 test case 1, When derived, Then the 42-byte OKM matches', async () => {
    const okm = await hkdf(
      fromHex('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b'),
      fromHex('000102030405060708090a0b0c'),
      fromHex('f0f1f2f3f4f5f6f7f8f9'),
      42,
    );
    expect(toHex(okm)).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
  });

  it('Given RFC 5869 test case 3 (empty salt and info), When derived, Then the OKM matches', async () => {
    const okm = await hkdf(fromHex('0b'.repeat(22)), new Uint8Array(0), new Uint8Array(0), 42);
    expect(toHex(okm)).toBe(
      '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
    );
  });
});

describe('record key', () => {
  it('Given a data key, When the record key is derived, Then it is a non-extractable AES-256-GCM key that cannot be exported', async () => {
    const key = await deriveRecordKey(generateDataKey());
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(subtle.exportKey('raw', key)).rejects.toThrow();
  });
});

describe('KDF floor and cap', () => {
  const below: [string, KdfParams][] = [
    ['m', { ...KDF_FLOOR, m: 65_535 }],
    ['t', { ...KDF_FLOOR, t: 2 }],
    ['p', { ...KDF_FLOOR, p: 1 }],
  ];
  it.each(below)(
    'Given %s below the floor, When checked, Then it is refused naming the floor',
    (_k, params) => {
      expect(() => assertParamsAtLeastFloor(params)).toThrow(KdfParamsError);
      expect(() => assertParamsAtLeastFloor(params)).toThrow(/below the security floor/);
    },
  );

  it('Given absurd parameters above the cap or non-integers, When checked, Then they are refused', () => {
    expect(() => assertParamsAtLeastFloor({ ...KDF_FLOOR, m: KDF_CAP.m + 1 })).toThrow(
      /above the sanity cap/,
    );
    expect(() => assertParamsAtLeastFloor({ ...KDF_FLOOR, t: 10_000 })).toThrow(
      /above the sanity cap/,
    );
    expect(() => assertParamsAtLeastFloor({ ...KDF_FLOOR, m: 65_536.5 })).toThrow(/integer/);
  });

  it('Given the floor exactly, When checked, Then it passes', () => {
    expect(() => assertParamsAtLeastFloor(KDF_FLOOR)).not.toThrow();
  });

  it('Given weak parameters, When deriving (inline or through the client), Then no derivation runs', async () => {
    await expect(
      argon2idDerive(utf8.encode('x'), new Uint8Array(16), { m: 1024, t: 1, p: 1 }),
    ).rejects.toThrow(KdfParamsError);
    await expect(
      deriveWrappingKey(utf8.encode('x'), new Uint8Array(16), { m: 1024, t: 1, p: 1 }),
    ).rejects.toThrow(KdfParamsError);
  });
});

describe('calibrate', () => {
  // A simulated machine: time proportional to m * t (KiB * passes).
  const machine = (msPerKiBPass: number) => async (p: KdfParams) => p.m * p.t * msPerKiBPass;

  it('Given a machine where the floor takes 250 ms, When calibrating to 1 s, Then memory rises to about 256 MiB and t stays 3', async () => {
    const params = await calibrate({ targetMs: 1000, measure: machine(250 / (65_536 * 3)) });
    expect(params.t).toBe(3);
    expect(params.p).toBe(4);
    expect(params.m).toBeGreaterThanOrEqual(240 * 1024);
    expect(params.m).toBeLessThanOrEqual(262_144);
  });

  it('Given a very fast machine, When calibrating, Then memory stops at the 1 GiB cap and t rises', async () => {
    const params = await calibrate({ targetMs: 1000, measure: machine(10 / (65_536 * 3)) });
    expect(params.m).toBe(KDF_CAP.m);
    expect(params.t).toBeGreaterThan(3);
  });

  it('Given a slow machine, When calibrating, Then it never goes below the floor', async () => {
    const params = await calibrate({ targetMs: 1000, measure: machine(5000 / (65_536 * 3)) });
    expect(params).toEqual(KDF_FLOOR);
  });
});

describe('recovery code', () => {
  it('Given a new code, When printed and parsed back, Then the bytes round-trip and the format is 9 groups of 4', () => {
    const { code, bytes } = generateRecoveryCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(toHex(decodeRecoveryCode(code))).toBe(toHex(bytes));
  });

  it('Given lower case, spaces and look-alike letters, When parsed, Then it is accepted', () => {
    const bytes = new Uint8Array(20).fill(0x01);
    const code = encodeRecoveryCode(bytes);
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
    expect(toHex(decodeRecoveryCode(sloppy))).toBe(toHex(bytes));
  });

  it('Given every single-symbol typo and every swap of neighbours, When parsed, Then each is detected', () => {
    const { code } = generateRecoveryCode();
    const symbols = code.replace(/-/g, '');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let checked = 0;
    for (let i = 0; i < symbols.length; i++) {
      for (const ch of alphabet) {
        if (ch === symbols[i]) continue;
        const typo = symbols.slice(0, i) + ch + symbols.slice(i + 1);
        expect(() => decodeRecoveryCode(typo)).toThrow(RecoveryCodeFormatError);
        checked++;
      }
      if (i + 1 < symbols.length && symbols[i] !== symbols[i + 1]) {
        const swapped = symbols.slice(0, i) + symbols[i + 1] + symbols[i] + symbols.slice(i + 2);
        expect(() => decodeRecoveryCode(swapped)).toThrow(RecoveryCodeFormatError);
      }
    }
    expect(checked).toBe(36 * 31);
  });

  it('Given a code of the wrong length or with U, When parsed, Then it is refused', () => {
    const { code } = generateRecoveryCode();
    expect(() => decodeRecoveryCode(code.slice(0, -1))).toThrow(/36 symbols/);
    expect(() => decodeRecoveryCode('U' + code.slice(1))).toThrow(/Invalid symbol/);
  });
});
