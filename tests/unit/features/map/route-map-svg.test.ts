import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { caseRoute } from '../../../../src/domain/geo';
import { prepareBasemap } from '../../../../src/domain/geo/basemap';
import { hostMap } from '../../../../src/domain/planning';
import { renderRouteMapSvg, routeMapLabels } from '../../../../src/features/map';
import '../../../../src/i18n';
import { aCase, aHost, aLeg, aPerson, aStay, bundle } from '../../builders';

const require = createRequire(import.meta.url);
const basemap = prepareBasemap(
  JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')),
  '110m',
);

const host = aHost('h1', {
  codeName: 'Linden',
  city: 'Amsterdam',
  lat: 52.371234,
  lng: 4.896543,
  contactChannel: 'Signal +31 6 1234 5678',
});
const c = aCase('c1', { codeName: 'Heron' });
const split = bundle(c, {
  people: [
    aPerson('p1', 'c1', { codeName: 'Lark', legalName: 'Nino Beridze' }),
    aPerson('p2', 'c1', { codeName: 'Finch' }),
  ],
  legs: [
    // Stored out of order: the map follows departure times.
    aLeg('l2', 'c1', 'istanbul', 'amsterdam', '2027-01-11T09:00', '2027-01-11T11:30', ['p1']),
    aLeg('l1', 'c1', 'tbilisi', 'istanbul', '2027-01-10T04:35', '2027-01-10T06:20', ['p1', 'p2']),
    aLeg('l3', 'c1', 'istanbul', 'ankara', '2027-01-11T10:00', '2027-01-11T15:00', ['p2'], {
      mode: 'bus',
    }),
  ],
  stays: [aStay('s1', 'c1', 'h1', '2027-01-11', '2027-03-01', ['p1'])],
});
const hosts = hostMap([host]);
const labels = routeMapLabels(i18next.t);

describe('the static route map', () => {
  it('given the same case twice, then the SVG is byte-identical', () => {
    const a = renderRouteMapSvg({ bundle: split, hosts }, { redact: false, basemap, labels });
    const b = renderRouteMapSvg(
      { bundle: structuredClone(split), hosts: hostMap([structuredClone(host)]) },
      {
        redact: false,
        basemap: prepareBasemap(
          JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')),
          '110m',
        ),
        labels,
      },
    );
    expect(a).toBe(b);
    expect(a.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('given a split family, then legs are drawn in order with one line style per party and stops labelled', () => {
    const svg = renderRouteMapSvg({ bundle: split, hosts }, { redact: false, basemap, labels });
    expect(svg).toContain('Route of Heron');
    expect(svg).toContain('1. Tbilisi (start)');
    expect(svg).toContain('2. Istanbul');
    expect(svg).toContain('3. Amsterdam');
    expect(svg).toContain('4. Ankara');
    expect(svg).toContain('5. Stay: Linden (Amsterdam)');
    expect(svg).toContain('Travellers: Finch, Lark');
    expect(svg).toContain('Travellers: Lark');
    expect(svg).toContain('Travellers: Finch');
    expect(svg.match(/class="leg"/g)).toHaveLength(3);
    expect(svg).toContain('data-mode="bus"');
    expect(new Set(svg.match(/class="leg"[^>]*stroke="#[0-9a-f]+"/g)).size).toBe(3);
    expect(svg).toContain('Natural Earth 4.1.0 (2018-05-21). Crimea is shown as part of Ukraine.');
    // Country shapes and at least one country name in view.
    expect(svg).toMatch(/<path d="M[^"]{200,}" fill="#f3efe6"/);
    expect(svg).toMatch(/>TURKEY</);
    expect(svg).not.toContain('Nino');
  });

  it('given redaction, then no host code name, contact or exact place is in the SVG', () => {
    const redacted = renderRouteMapSvg({ bundle: split, hosts }, { redact: true, basemap, labels });
    expect(redacted).toContain('5. Stay: Amsterdam');
    expect(redacted).not.toContain('Linden');
    expect(redacted).not.toContain('Signal');
    expect(redacted).not.toContain('52.37');
    // The stay is placed at the host's place rounded to ~10 km, not at the exact one.
    const stay = caseRoute(split, hosts, { redact: true }).stops.find((st) => st.kind === 'stay');
    expect(stay?.at).toEqual({ lat: 52.4, lng: 4.8 });
    const moved = renderRouteMapSvg(
      { bundle: split, hosts: hostMap([{ ...host, lat: 52.3801, lng: 4.85 }]) },
      { redact: true, basemap, labels },
    );
    // Another exact place in the same ~10 km cell gives the same redacted map.
    expect(moved).toBe(redacted);
  });

  it('given a flight over the Pacific, then the arc is one line and the map is centred on the Pacific', () => {
    const pacific = bundle(aCase('c2', { codeName: 'Tern' }), {
      people: [aPerson('p9', 'c2', { codeName: 'Wren' })],
      legs: [
        aLeg('l9', 'c2', 'auckland', 'honolulu', '2027-02-01T10:00', '2027-02-01T20:00', ['p9']),
      ],
    });
    const route = caseRoute(pacific, new Map(), { redact: true });
    const line = route.segments[0]?.line ?? [];
    expect(line[line.length - 1]?.[0]).toBeCloseTo(-157.8583 + 360, 4);
    const svg = renderRouteMapSvg(
      { bundle: pacific, hosts: new Map() },
      { redact: true, basemap, labels },
    );
    const d = svg.match(/class="leg" data-mode="flight" d="M([\d.]+),([\d.]+)(.*?)"/);
    // One continuous path (no "M" move in the middle, as a cut at 180° would make).
    expect(d?.[3]).not.toContain('M');
    expect(svg).toContain('1. Auckland (start)');
    expect(svg).toContain('2. Honolulu');
  });

  it('given a case with no legs or stays, then the world is shown with a sentence saying so', () => {
    const svg = renderRouteMapSvg(
      { bundle: bundle(aCase('c3')), hosts },
      { redact: true, basemap, labels },
    );
    expect(svg).toContain('No travel legs or stays yet');
  });
});
