/**
 * The offline gazetteer (about 2 MB of city data): `searchPlaces` over the ~7 300 cities of
 * `city-timezones` (name, country, coordinates, IANA zone, population), built into an index once.
 * Matching ignores accents and case: exact name first, then name prefix, then word prefix, then
 * substring; ties by population. "paris, us" or "paris, united" filters by country code or
 * country name. `zoneAt` estimates the IANA zone of coordinates with `@photostructure/tz-lookup`
 * (offline; approximate near borders, which is why pickers prefer a city's own zone).
 *
 * This module is heavy: screens load it on demand (`import('…/domain/places/gazetteer')`), so it
 * is never parsed before the unlock screen shows (tests/e2e/bundle.spec.ts checks the build).
 * Nothing here touches the network.
 */
import { cityMapping } from 'city-timezones';
import tzlookup from '@photostructure/tz-lookup';
import { isLatitude, isLongitude, normalizePlaceName } from '../geo';
import { isIanaZone, type IanaZone } from '../time';
import { countryNameOf } from './countries';
import type { PlaceHit } from './place-hit';

export { toPlace, type PlaceHit } from './place-hit';

interface IndexEntry {
  readonly hit: PlaceHit;
  readonly norm: string;
  readonly words: readonly string[];
  readonly normCountry: string;
}

let index: IndexEntry[] | null = null;

function buildIndex(): IndexEntry[] {
  const seen = new Set<string>();
  const out: IndexEntry[] = [];
  for (const c of cityMapping) {
    if (
      !isLatitude(c.lat) ||
      !isLongitude(c.lng) ||
      typeof c.city !== 'string' ||
      !/^[A-Z]{2}$/.test(c.iso2 ?? '')
    )
      continue;
    const zone = isIanaZone(c.timezone) ? c.timezone : zoneAt(c.lat, c.lng);
    if (!zone) continue;
    const norm = normalizePlaceName(c.city);
    const region = c.province ?? '';
    const key = `${c.iso2}:${norm}:${normalizePlaceName(region)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const countryName = countryNameOf(c.iso2) ?? c.country;
    out.push({
      hit: {
        key,
        name: c.city,
        region,
        countryCode: c.iso2,
        countryName,
        lat: c.lat,
        lng: c.lng,
        zone,
        population: Number.isFinite(c.pop) ? Math.round(c.pop) : 0,
      },
      norm,
      words: norm.split(' '),
      normCountry: normalizePlaceName(`${countryName} ${c.country}`),
    });
  }
  return out;
}

function rankOf(e: IndexEntry, q: string): number {
  if (e.norm === q) return 0;
  if (e.norm.startsWith(q)) return 1;
  if (e.words.some((w) => w.startsWith(q))) return 2;
  if (e.norm.includes(q)) return 3;
  return -1;
}

/** Cities matching `query`, best first (see file comment). Empty query gives no results. */
export function searchPlaces(query: string, limit = 10): PlaceHit[] {
  const [cityPart = '', countryPart = ''] = query.split(',', 2);
  const q = normalizePlaceName(cityPart);
  if (!q || limit <= 0) return [];
  const cq = normalizePlaceName(countryPart);
  index ??= buildIndex();
  const matches: { e: IndexEntry; rank: number }[] = [];
  for (const e of index) {
    if (
      cq &&
      !(
        e.hit.countryCode.toLowerCase() === cq ||
        e.normCountry.startsWith(cq) ||
        e.normCountry.includes(` ${cq}`)
      )
    )
      continue;
    const rank = rankOf(e, q);
    if (rank >= 0) matches.push({ e, rank });
  }
  matches.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.e.hit.population - a.e.hit.population ||
      a.e.hit.name.localeCompare(b.e.hit.name),
  );
  return matches.slice(0, limit).map((m) => m.e.hit);
}

/** IANA zone at coordinates, or null for invalid coordinates. */
export function zoneAt(lat: number, lng: number): IanaZone | null {
  if (!isLatitude(lat) || !isLongitude(lng)) return null;
  try {
    const z = tzlookup(lat, lng);
    return isIanaZone(z) ? z : null;
  } catch {
    return null;
  }
}

/**
 * The most populous gazetteer cities inside a box (for map labels), biggest first. The box may
 * run past ±180 (an unwrapped map view): it is read modulo 360.
 */
export function citiesInBox(
  box: { south: number; west: number; north: number; east: number },
  minPopulation: number,
  limit: number,
): PlaceHit[] {
  index ??= buildIndex();
  const span = box.east - box.west;
  const out: PlaceHit[] = [];
  for (const { hit } of index) {
    if (hit.population < minPopulation || hit.lat < box.south || hit.lat > box.north) continue;
    const dx = (((hit.lng - box.west) % 360) + 360) % 360;
    if (span < 360 && dx > span) continue;
    out.push(hit);
  }
  out.sort((a, b) => b.population - a.population || a.key.localeCompare(b.key));
  return out.slice(0, limit);
}
