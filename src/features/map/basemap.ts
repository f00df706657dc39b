/**
 * Loading the offline basemap, shared by the Leaflet map and the printed route map. The data is
 * bundled (`world-atlas`: Natural Earth 4.1.0) and loaded on demand with a dynamic import, so the
 * rest of the app starts without it: 110m (108 KB) for low zooms and print, 50m (756 KB) when
 * zoomed in. Each detail is prepared once (see domain/geo/basemap.ts: Crimea shown in Ukraine,
 * rings unwrapped across 180°, label points) and kept for the life of the page; it holds no case
 * data, so keeping it beyond a lock is harmless.
 */
import { prepareBasemap, type Basemap, type BasemapDetail } from '../../domain/geo/basemap';

const loaded = new Map<BasemapDetail, Promise<Basemap>>();

async function importTopology(detail: BasemapDetail): Promise<unknown> {
  const mod =
    detail === '110m'
      ? await import('world-atlas/countries-110m.json')
      : await import('world-atlas/countries-50m.json');
  return mod.default;
}

/** The prepared basemap at `detail` (loaded and prepared the first time only). */
export function loadBasemap(detail: BasemapDetail): Promise<Basemap> {
  let p = loaded.get(detail);
  if (!p) {
    p = importTopology(detail).then((topology) => prepareBasemap(topology, detail));
    p.catch(() => loaded.delete(detail));
    loaded.set(detail, p);
  }
  return p;
}
