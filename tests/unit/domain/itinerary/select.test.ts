/**
 * What each pack variant holds (domain/itinerary/select.ts), on the e2e pack case: Cedar, her
 * minor son Acorn and her partner Birch (who travels apart), and a second case, Maple.
 */
import { describe, expect, it } from 'vitest';
import {
  hostPlace,
  packSummary,
  selectPack,
  travellerUnit,
} from '../../../../src/domain/itinerary';
import type { PersonId } from '../../../../src/domain/ids';
import { isoDate } from '../../../../src/domain/time';
import { makeHost } from '../../builders';
import { packFixture } from './pack-fixture';

const today = isoDate('2026-12-02');
const { ids, bundles, hosts } = packFixture();
const cedarCase = bundles.get(ids.caseId)!;
const mapleCase = bundles.get(ids.otherCaseId)!;
const both = [cedarCase, mapleCase];
const none = new Set<string>();

function traveller(personId: string, withMinors = true, legalNamesFor = none, redact = false) {
  return selectPack(both, hosts, {
    variant: { kind: 'traveller', personId: personId as PersonId, withMinors },
    legalNamesFor,
    redactAddresses: redact,
    today,
  });
}

describe('selectPack', () => {
  it('Given a coordinator copy of two cases, Then it holds every person, leg, stay and the budget of both, no legal name', () => {
    const pack = selectPack(both, hosts, {
      variant: { kind: 'coordinator' },
      legalNamesFor: none,
      redactAddresses: false,
      today,
    });
    expect(pack.cases.map((c) => c.codeName)).toEqual(['Cedar', 'Maple']);
    const [cedar, maple] = pack.cases;
    expect(cedar?.people.map((p) => p.codeName)).toEqual(['Cedar', 'Acorn', 'Birch']);
    expect(cedar?.legs).toHaveLength(5);
    expect(maple?.legs).toHaveLength(18);
    expect(cedar?.stays).toHaveLength(2);
    expect(cedar?.budget?.planned).toEqual([{ amount: 390_000, currency: 'EUR' }]);
    expect(pack.cases.flatMap((c) => c.people).every((p) => p.legalName === null)).toBe(true);
    expect(cedar?.stays[0]?.host?.coordinates).toEqual({ lat: -36.8621, lng: 174.7398 });
  });

  it('Given a traveller copy for Cedar with minors, Then only Cedar and Acorn, their 3 legs and 1 stay, no budget, no other case', () => {
    const pack = traveller(ids.cedar);
    expect(pack.cases.map((c) => c.codeName)).toEqual(['Cedar']);
    const c = pack.cases[0]!;
    expect(c.people.map((p) => p.codeName)).toEqual(['Cedar', 'Acorn']);
    expect(c.people.find((p) => p.codeName === 'Acorn')?.minor).toBe(true);
    expect(c.legs.map((l) => l.leg.number)).toEqual(['TK383', 'TK9118', 'NZ10']);
    // The first leg is shared with Birch: counted, not named.
    expect(c.legs[0]?.travellers.map((p) => p.codeName)).toEqual(['Cedar', 'Acorn']);
    expect(c.legs[0]?.others).toBe(1);
    expect(c.stays.map((s) => s.host?.codeName)).toEqual(['Kauri House']);
    expect(c.budget).toBeNull();
    expect(JSON.stringify(pack)).not.toContain('GP6630049');
    expect(JSON.stringify(pack)).not.toContain('Giorgi');
    expect(JSON.stringify(pack)).not.toContain('Maple');
  });

  it('Given a traveller copy without minors, Then Acorn is left out and counted as another traveller', () => {
    const c = traveller(ids.cedar, false).cases[0]!;
    expect(c.people.map((p) => p.codeName)).toEqual(['Cedar']);
    expect(c.legs[0]?.others).toBe(2);
  });

  it('Given Cedar ticked for her legal name, Then only hers is carried', () => {
    const c = traveller(ids.cedar, true, new Set([ids.cedar, ids.birch])).cases[0]!;
    expect(c.people.map((p) => p.legalName)).toEqual(['Nino Beridzeva', null]);
  });

  it('Given the redaction switch, Then no host carries coordinates, and city and country stay', () => {
    const c = traveller(ids.cedar, true, none, true).cases[0]!;
    expect(c.stays[0]?.host).toMatchObject({
      city: 'Auckland',
      countryCode: 'NZ',
      coordinates: null,
    });
    expect(JSON.stringify(c)).not.toContain('174.7398');
  });

  it("Given host addresses, Then the coordinator copy and the unredacted traveller copy carry the own stay's address, the redacted copy none", () => {
    const coordinator = selectPack(both, hosts, {
      variant: { kind: 'coordinator' },
      legalNamesFor: none,
      redactAddresses: false,
      today,
    });
    expect(coordinator.cases[0]?.stays.map((s) => s.host?.address)).toEqual([
      '14 Karaka Lane, Ponsonby',
      'Herengracht 502-III',
    ]);
    const own = traveller(ids.cedar);
    expect(own.cases[0]?.stays.map((s) => s.host?.address)).toEqual(['14 Karaka Lane, Ponsonby']);
    expect(JSON.stringify(own)).not.toContain('Herengracht');
    const redacted = selectPack(both, hosts, {
      variant: { kind: 'coordinator' },
      legalNamesFor: none,
      redactAddresses: true,
      today,
    });
    expect(redacted.cases[0]?.stays.map((s) => s.host?.address)).toEqual([null, null]);
    expect(JSON.stringify(redacted)).not.toContain('Karaka');
    expect(JSON.stringify(redacted)).not.toContain('Herengracht');
  });

  it('hostPlace: redacted, no address and no coordinates; an empty or never-stored address is null', () => {
    const host = makeHost({ address: '9 Rue des Lilas', lat: 48.8601, lng: 2.3502 });
    expect(hostPlace(host, false)).toMatchObject({
      address: '9 Rue des Lilas',
      coordinates: { lat: 48.8601, lng: 2.3502 },
      city: 'Paris',
    });
    const hidden = hostPlace(host, true);
    expect(hidden).toMatchObject({ address: null, coordinates: null, city: 'Paris' });
    expect(JSON.stringify(hidden)).not.toContain('Lilas');
    expect(hostPlace(makeHost(), false).address).toBeNull();
    // A record stored before hosts had an address is read without re-parsing: no field at all.
    const stored = Object.fromEntries(
      Object.entries(host).filter(([k]) => k !== 'address'),
    ) as unknown as typeof host;
    expect(hostPlace(stored, false).address).toBeNull();
  });

  it('Given a cancelled leg, Then no variant prints it', () => {
    const cancelled = {
      ...cedarCase,
      legs: cedarCase.legs.map((l) =>
        l.number === 'NZ10' ? { ...l, status: 'cancelled' as const } : l,
      ),
    };
    const pack = selectPack([cancelled], hosts, {
      variant: { kind: 'coordinator' },
      legalNamesFor: none,
      redactAddresses: false,
      today,
    });
    expect(pack.cases[0]?.legs.map((l) => l.leg.number)).not.toContain('NZ10');
  });

  it('Given a person of no chosen case, Then the traveller copy is empty', () => {
    expect(traveller('nobody').cases).toEqual([]);
    expect(travellerUnit(cedarCase, 'nobody', true, today).size).toBe(0);
  });
});

describe('packSummary', () => {
  it('says what the traveller copy holds, from the selection itself', () => {
    expect(packSummary(traveller(ids.cedar, true, new Set([ids.cedar]), true))).toEqual({
      variant: 'traveller',
      cases: ['Cedar'],
      people: ['Cedar', 'Acorn'],
      legs: 3,
      stays: 1,
      documentsOf: ['Cedar', 'Acorn'],
      legalNamesOf: ['Cedar'],
      budget: false,
      hostLocations: 'redacted',
    });
  });
});
