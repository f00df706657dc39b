/**
 * The write queue used by a re-key: writes in flight are tracked so a re-key can wait for them,
 * and while a re-key holds the gate, new writes wait until it is confirmed or undone (a row
 * written to the old database after the copy would be lost).
 */
export class WriteGate {
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed: Promise<unknown> | null = null;

  /** Runs a write once no re-key holds the gate, and lets a re-key wait for it. */
  async tracked<T>(fn: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed.catch(() => undefined);
    const p = fn();
    this.inFlight.add(p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(p);
    }
  }

  /** Holds new writes until the returned `open` is called (idempotent). */
  close(): () => void {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = () => {
        if (this.closed === gate) this.closed = null;
        resolve();
      };
    });
    this.closed = gate;
    return open;
  }

  /** Settles once every write started before now has finished (or failed). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
