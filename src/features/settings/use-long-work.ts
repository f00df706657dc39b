/**
 * Long work (key rotation, backup, restore) runs once at a time: a second click while it runs is
 * ignored, the button shows it is busy, and progress is reported as a fraction.
 */
import { useCallback, useRef, useState } from 'react';

export interface LongWork {
  busy: boolean;
  progress: number | null;
  /** Runs `work` unless work is already running; resolves to its result, or undefined when ignored. */
  run<T>(work: (report: (fraction: number) => void) => Promise<T>): Promise<T | undefined>;
}

export function useLongWork(): LongWork {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const run = useCallback(async <T>(work: (report: (fraction: number) => void) => Promise<T>) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setProgress(0);
    try {
      return await work((fraction) => setProgress(Math.max(0, Math.min(1, fraction))));
    } finally {
      running.current = false;
      setBusy(false);
      setProgress(null);
    }
  }, []);
  return { busy, progress, run };
}
