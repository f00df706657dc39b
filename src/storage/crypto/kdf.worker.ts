/**
 * Web Worker that runs Argon2id off the UI thread. It receives the passphrase bytes, the salt and
 * the parameters, posts back the 32-byte derived key, and keeps nothing: every buffer it was given
 * is wiped after use.
 */
import { argon2idDerive, type KdfParams } from './kdf';

interface KdfRequest {
  id: number;
  password: Uint8Array;
  salt: Uint8Array;
  params: KdfParams;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<KdfRequest>) => void) | null;
  postMessage: (msg: unknown, transfer?: Transferable[]) => void;
};

scope.onmessage = (e: MessageEvent<KdfRequest>) => {
  const { id, password, salt, params } = e.data;
  argon2idDerive(password, salt, params).then(
    (key) => {
      password.fill(0);
      scope.postMessage({ id, key }, [key.buffer as ArrayBuffer]);
    },
    (err: unknown) => {
      password.fill(0);
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    },
  );
};
