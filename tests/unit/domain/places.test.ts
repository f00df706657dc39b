/** Offline places: city search, zone of coordinates, country names. */
import { describe, expect, it } from 'vitest';
import { PlaceSchema } from '../../../src/domain/entities';
import {
  countries,
  countryName,
  isKnownCountry,
  searchPlaces,
  toPlace,
  zoneAt,
} from '../../../src/domain/places';

describe('searchPlaces', () => {
  it('Given "paris", When searched, Then Paris, France comes first with its zone and population', () => {
    const [first] = searchPlaces('paris', 5);
    expect(first).toMatchObject({
      name: 'Paris',
      countryCode: 'FR',
      countryName: 'France',
      zone: 'Europe/Paris',
    });
    expect(first!.population).toBeGreaterThan(1_000_000);
  });
  it('Given "dusseldorf" or "montreal" without accents, When searched, Then Düsseldorf and Montréal are found', () => {
    expect(searchPlaces('dusseldorf', 3)[0]).toMatchObject({
      name: 'Düsseldorf',
      countryCode: 'DE',
      zone: 'Europe/Berlin',
    });
    expect(searchPlaces('MONTREAL', 3)[0]).toMatchObject({ name: 'Montréal', countryCode: 'CA' });
  });
  it('Given "São" with an accent, When searched, Then the unaccented "Sao Paulo" entry matches too', () => {
    expect(searchPlaces('São Paulo', 3)[0]).toMatchObject({
      name: 'Sao Paulo',
      countryCode: 'BR',
      zone: 'America/Sao_Paulo',
    });
  });
  it('Given "Tbil", When searched, Then the prefix finds Tbilisi in Asia/Tbilisi', () => {
    expect(searchPlaces('Tbil', 3)[0]).toMatchObject({
      name: 'Tbilisi',
      countryCode: 'GE',
      zone: 'Asia/Tbilisi',
    });
  });
  it('Given "victoria, ca" or "victoria, canada", When searched, Then only the Canadian Victoria comes back first', () => {
    expect(
      searchPlaces('victoria', 10).filter((h) => h.name === 'Victoria').length,
    ).toBeGreaterThan(2);
    for (const q of ['victoria, ca', 'victoria, canada']) {
      const hits = searchPlaces(q, 10);
      expect(hits[0]).toMatchObject({
        name: 'Victoria',
        countryCode: 'CA',
        zone: 'America/Vancouver',
      });
      expect(hits.every((h) => h.countryCode === 'CA')).toBe(true);
    }
  });
  it('Given a substring in the middle of a name, When searched, Then it ranks after prefix matches', () => {
    const hits = searchPlaces('york', 20);
    const idxYork = hits.findIndex((h) => h.name === 'York');
    const idxNewYork = hits.findIndex((h) => h.name === 'New York');
    expect(idxYork).toBeGreaterThanOrEqual(0);
    expect(idxNewYork).toBeGreaterThan(idxYork);
  });
  it('Given an empty query or limit, When searched, Then nothing comes back; the limit is respected', () => {
    expect(searchPlaces('   ', 5)).toEqual([]);
    expect(searchPlaces('san', 0)).toEqual([]);
    expect(searchPlaces('san', 7)).toHaveLength(7);
  });
  it('Given a hit, When turned into a leg place, Then it passes the place schema', () => {
    expect(PlaceSchema.safeParse(toPlace(searchPlaces('nairobi', 1)[0]!)).success).toBe(true);
  });
});

describe('zoneAt and countries', () => {
  it('Given coordinates of Tbilisi and Honolulu, When looked up, Then their IANA zones come back', () => {
    expect(zoneAt(41.7151, 44.8271)).toBe('Asia/Tbilisi');
    expect(zoneAt(21.3069, -157.8583)).toBe('Pacific/Honolulu');
  });
  it('Given invalid coordinates, When looked up, Then null', () => {
    expect(zoneAt(91, 0)).toBeNull();
    expect(zoneAt(Number.NaN, 0)).toBeNull();
  });
  it('Given ISO codes, When named, Then English names come back; unknown codes give undefined', () => {
    expect(countryName('GE')).toBe('Georgia');
    expect(countryName('fr')).toBe('France');
    expect(countryName('QQ')).toBeUndefined();
    expect(isKnownCountry('KE')).toBe(true);
    expect(countries().length).toBeGreaterThan(240);
    expect(countries()[0]!.name.localeCompare(countries()[1]!.name)).toBeLessThan(0);
  });
});
