/** A gazetteer search result and the leg end made from it (light: no city data here). */
import type { Place } from '../entities/leg';
import type { IanaZone } from '../time';

export interface PlaceHit {
  /** Stable key for list rendering: `FR:paris:ile-de-france`. */
  readonly key: string;
  readonly name: string;
  /** Region or province, to tell apart two cities of the same name. */
  readonly region: string;
  readonly countryCode: string;
  readonly countryName: string;
  readonly lat: number;
  readonly lng: number;
  readonly zone: IanaZone;
  readonly population: number;
}

/** A leg end from a search hit. */
export function toPlace(hit: PlaceHit): Place {
  return {
    name: hit.name,
    countryCode: hit.countryCode,
    lat: hit.lat,
    lng: hit.lng,
    zone: hit.zone,
  };
}
