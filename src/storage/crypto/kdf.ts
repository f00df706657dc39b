/**
 * Argon2id key derivation (hash-wasm, WASM). Derives the 32-byte wrapping key of the passphrase
 * slot from the passphrase and the slot's random 16-byte salt. Nothing is stored here: the
 * parameters and the salt live in the (non-secret) vault header, the output is used at once to
 * unwrap the data key and then wiped.
 *
 * Floor: 64 MiB, t=3, p=4 (Bitwarden and KeePassXC defaults). Cap: 1 GiB. A header asking for
 * less than the floor (a tampered header trying to weaken the KDF) or more than the cap (a header
 * trying to exhaust memory) is refused before any work is done.
 */
import { argon2id } from 'hash-wasm';
import { KdfParamsError } from '../errors';

export interface KdfParams {
  /** Memory in KiB. */
  readonly m: number;
  /** Iterations. */
  readonly t: number;
  /** Parallelism (lanes). */
  readonly p: number;
}

export const KDF_FLOOR: KdfParams = Object.freeze({ m: 65_536, t: 3, p: 4 });
/** 1 GiB of memory, and generous limits on t and p so that a header cannot ask for hours of work. */
export const KDF_CAP: KdfParams = Object.freeze({ m: 1_048_576, t: 64, p: 16 });
export const KDF_OUTPUT_BYTES = 32;

/** Throws a KdfParamsError unless the parameters are integers between the floor and the cap. */
export function assertParamsAtLeastFloor(params: KdfParams): void {
  for (const k of ['m', 't', 'p'] as const) {
    const v = params[k];
    if (!Number.isSafeInteger(v)) {
      throw new KdfParamsError(`Argon2id parameter ${k} must be an integer, got ${String(v)}.`);
    }
    if (v < KDF_FLOOR[k]) {
      throw new KdfParamsError(
        `Argon2id parameter ${k}=${v} is below the security floor ${k}=${KDF_FLOOR[k]} (m=64 MiB, t=3, p=4); refusing to weaken the key derivation.`,
      );
    }
    if (v > KDF_CAP[k]) {
      throw new KdfParamsError(
        `Argon2id parameter ${k}=${v} is above the sanity cap ${k}=${KDF_CAP[k]}; refusing an absurd key derivation.`,
      );
    }
  }
}

/** Argon2id(password, salt) -> 32 bytes, after checking the parameters. Runs on the calling thread. */
export async function argon2idDerive(
  password: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
): Promise<Uint8Array> {
  assertParamsAtLeastFloor(params);
  if (salt.length < 16) throw new KdfParamsError('Argon2id salt must be at least 16 bytes.');
  return argon2idRaw(password, salt, params);
}

/** Argon2id without the floor check: for published test vectors only (they use small memory). */
export async function argon2idRaw(
  password: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
  hashLength = KDF_OUTPUT_BYTES,
): Promise<Uint8Array> {
  return argon2id({
    password,
    salt,
    iterations: params.t,
    parallelism: params.p,
    memorySize: params.m,
    hashLength,
    outputType: 'binary',
  });
}

export interface CalibrateOptions {
  /** Target unlock time in ms (default 1000). */
  targetMs?: number;
  /** Measures one derivation in ms (injectable for tests; default: a real timed Argon2id run). */
  measure?: (params: KdfParams) => Promise<number>;
  onProgress?: (fraction: number) => void;
}

async function measureReal(params: KdfParams): Promise<number> {
  const t0 = performance.now();
  await argon2idRaw(new Uint8Array(16), new Uint8Array(16), params);
  return performance.now() - t0;
}

/**
 * Finds parameters that take about `targetMs` on this machine: start at the floor, raise memory
 * (in 16 MiB steps, up to the 1 GiB cap) from measured runs, then raise t if memory is capped.
 * Never returns less than the floor.
 */
export async function calibrate(opts: CalibrateOptions = {}): Promise<KdfParams> {
  const targetMs = opts.targetMs ?? 1000;
  const measure = opts.measure ?? measureReal;
  const step = 16_384;
  let params: KdfParams = { ...KDF_FLOOR };
  let ms = await measure(params);
  opts.onProgress?.(0.25);
  // Raise memory from the measured cost per KiB (time is close to linear in m * t).
  for (let round = 0; round < 3 && ms < targetMs * 0.9 && params.m < KDF_CAP.m; round++) {
    const scaled = Math.floor((params.m * (targetMs / Math.max(ms, 1))) / step) * step;
    const m = Math.min(KDF_CAP.m, Math.max(params.m, scaled));
    if (m === params.m) break;
    params = { ...params, m };
    ms = await measure(params);
    opts.onProgress?.(0.25 + 0.25 * (round + 1));
  }
  // Memory overshoot: step back down (never below the floor).
  while (ms > targetMs * 1.3 && params.m > KDF_FLOOR.m) {
    const m = Math.max(KDF_FLOOR.m, Math.floor((params.m * (targetMs / ms)) / step) * step);
    if (m === params.m) break;
    ms = (ms * m) / params.m;
    params = { ...params, m };
  }
  // Memory capped and still fast: raise t.
  if (params.m >= KDF_CAP.m && ms < targetMs * 0.9) {
    const t = Math.min(
      KDF_CAP.t,
      Math.max(params.t, Math.floor((params.t * targetMs) / Math.max(ms, 1))),
    );
    params = { ...params, t };
  }
  opts.onProgress?.(1);
  assertParamsAtLeastFloor(params);
  return params;
}
