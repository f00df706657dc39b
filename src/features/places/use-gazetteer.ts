/**
 * The gazetteer (about 2 MB of city data) loads on demand: the first place picker that mounts
 * starts the import, every later one gets the module at once. Until it has arrived the hook
 * returns null (the picker says it is loading). Kept out of the start-up chunk on purpose.
 */
import { useEffect, useState } from 'react';
import type * as GazetteerModule from '../../domain/places/gazetteer';

type Gazetteer = typeof GazetteerModule;

let loaded: Gazetteer | null = null;
let loading: Promise<Gazetteer> | null = null;

/** Starts loading the gazetteer (once); resolves to the module. */
export function loadGazetteer(): Promise<Gazetteer> {
  loading ??= import('../../domain/places/gazetteer').then((m) => (loaded = m));
  return loading;
}

/** The gazetteer module, or null while it is still loading. */
export function useGazetteer(): Gazetteer | null {
  const [mod, setMod] = useState<Gazetteer | null>(loaded);
  useEffect(() => {
    if (mod) return undefined;
    let live = true;
    void loadGazetteer().then((m) => {
      if (live) setMod(m);
    });
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}
