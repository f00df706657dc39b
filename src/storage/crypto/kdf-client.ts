/**
 * Runs Argon2id in a Web Worker when the platform has workers (the app), inline otherwise (Node
 * unit tests). Holds no state besides the worker handle; derived keys are returned to the caller,
 * which wipes them after unwrapping the data key.
 */
import { KdfParamsError } from '../errors';
import { argon2idDerive, assertParamsAtLeastFloor, type KdfParams } from './kdf';

export type KdfRunner = (
  password: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
) => Promise<Uint8Array>;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (k: Uint8Array) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; key?: Uint8Array; error?: string }>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.key) p.resolve(e.data.key);
      else p.reject(new KdfParamsError(e.data.error ?? 'Argon2id failed'));
    };
    worker.onerror = (e) => {
      for (const p of pending.values()) p.reject(new Error(`KDF worker failed: ${e.message}`));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

/** Argon2id in a worker (or inline without Worker support). Refuses parameters below the floor. */
export const deriveWrappingKey: KdfRunner = (password, salt, params) => {
  try {
    assertParamsAtLeastFloor(params);
  } catch (e) {
    return Promise.reject(e as Error);
  }
  if (typeof Worker === 'undefined') return argon2idDerive(password, salt, params);
  return new Promise<Uint8Array>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    // Copies are transferred; the caller's buffers stay theirs to wipe.
    const pw = password.slice();
    getWorker().postMessage({ id, password: pw, salt: salt.slice(), params }, [pw.buffer]);
  });
};

/** Stops the worker (tests, app shutdown). */
export function terminateKdfWorker(): void {
  worker?.terminate();
  worker = null;
}
