/**
 * The case map (loaded on demand): the legs of the case in departure order, flights as
 * great-circle arcs and ground travel as straight lines, one colour and dash pattern per party of
 * travellers (a family that splits shows as separate lines, named in the legend), the origin and
 * stops labelled with their order, and the stays at their hosts. Fitted to the route; a route over
 * the Pacific is drawn in one piece, with the basemap repeated east and west of it.
 */
import { Group, Stack, Text } from '@mantine/core';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, Marker, Polyline } from 'react-leaflet';
import type { HostLocation } from '../../domain/entities';
import {
  caseRoute,
  nearestLongitude,
  type CaseRouteSource,
  type RouteStop,
} from '../../domain/geo';
import { PARTY_STYLES, partyStyle } from './route-map-svg';
import { OfflineBasemap } from './OfflineBasemap';
import { OnlineTileLayer, OnlineTilesNote } from './OnlineTiles';
import './map.css';

export interface CaseMapProps {
  readonly bundle: CaseRouteSource;
  readonly hosts: ReadonlyMap<string, HostLocation>;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export default function CaseMapView({ bundle, hosts }: CaseMapProps) {
  const { t } = useTranslation();
  const [map, setMap] = useState<L.Map | null>(null);
  const route = useMemo(() => caseRoute(bundle, hosts, { redact: false }), [bundle, hosts]);

  // Stops placed on the same turn of the globe as the route that reaches them.
  const stops = useMemo(() => {
    const ends = new Map<string, number>();
    for (const s of route.segments) {
      const first = s.line[0];
      const last = s.line[s.line.length - 1];
      if (first) ends.set(`${s.from.lat},${s.from.lng}`, first[0]);
      if (last) ends.set(`${s.to.lat},${s.to.lng}`, last[0]);
    }
    const lngs = route.segments.flatMap((s) => s.line.map(([x]) => x)).sort((a, b) => a - b);
    const middle = lngs[Math.floor(lngs.length / 2)] ?? 0;
    return route.stops.map((st): RouteStop & { lng: number } => {
      const end = ends.get(`${st.at.lat},${st.at.lng}`);
      const lng = end ?? nearestLongitude(st.at.lng, middle);
      return { ...st, lng };
    });
  }, [route]);

  const points = useMemo(() => {
    const out: [number, number][] = [];
    for (const s of route.segments) for (const [x, y] of s.line) out.push([y, x]);
    for (const st of stops) out.push([st.at.lat, st.lng]);
    return out;
  }, [route, stops]);
  const crosses = points.some(([, x]) => x > 180 || x < -180);

  useEffect(() => {
    if (!map || points.length === 0) return;
    const bounds = L.latLngBounds(points);
    if (points.length === 1 || bounds.getNorthEast().equals(bounds.getSouthWest()))
      map.setView(bounds.getCenter(), 8);
    else
      map.fitBounds(bounds, {
        paddingTopLeft: [40, 40],
        paddingBottomRight: [200, 40],
        maxZoom: 9,
      });
  }, [map, points]);

  const labelFor = (st: RouteStop) =>
    st.kind === 'origin'
      ? t('map.caseMap.origin', { order: st.order, name: st.label })
      : st.kind === 'stay'
        ? t('map.caseMap.stay', {
            order: st.order,
            name: st.label,
            from: st.checkIn,
            to: st.checkOut,
          })
        : t('map.caseMap.stop', { order: st.order, name: st.label });

  return (
    <Stack gap="xs">
      {route.segments.length === 0 && route.stops.length === 0 && (
        <Text size="sm">{t('map.caseMap.empty')}</Text>
      )}
      <OnlineTilesNote />
      <div
        style={{ height: 'max(380px, calc(100vh - 380px))' }}
        data-testid="case-map"
        role="region"
        aria-label={t('map.caseMap.label', { code: route.caseCodeName })}
      >
        <MapContainer
          ref={setMap}
          className="haven-map"
          center={[30, 20]}
          zoom={2}
          minZoom={1}
          maxZoom={12}
        >
          <OfflineBasemap worldCopies={crosses} cities={false} onlineTiles />
          <OnlineTileLayer />
          {route.segments.map((s) => {
            const style = partyStyle(s.party);
            return (
              <Polyline
                key={s.legId}
                className={`haven-leg haven-leg-${s.mode}`}
                positions={s.line.map(([x, y]) => [y, x] as [number, number])}
                pathOptions={{
                  color: style.stroke,
                  weight: 3,
                  dashArray: style.dash || undefined,
                }}
              />
            );
          })}
          {stops.map((st) =>
            st.kind === 'stay' ? (
              <Marker
                key={st.key}
                position={[st.at.lat, st.lng]}
                icon={L.divIcon({ className: 'haven-stay-marker', html: '', iconSize: [12, 12] })}
                title={labelFor(st)}
                keyboard={false}
              />
            ) : (
              <CircleMarker
                key={st.key}
                center={[st.at.lat, st.lng]}
                radius={st.kind === 'origin' ? 7 : 5}
                pathOptions={{
                  color: '#222',
                  weight: 2,
                  fillColor: st.kind === 'origin' ? '#222' : '#fff',
                  fillOpacity: 1,
                }}
              />
            ),
          )}
          {stops.map((st, i) => (
            <Marker
              key={`label:${st.key}`}
              position={[st.at.lat, st.lng]}
              interactive={false}
              keyboard={false}
              icon={L.divIcon({
                className: 'haven-stop-label',
                // A stay at a place already labelled (the city it is in) goes one line lower.
                html: `<span style="margin-top:${overlapShift(stops, i)}px">${esc(labelFor(st))}</span>`,
                iconSize: [0, 0],
              })}
            />
          ))}
        </MapContainer>
      </div>
      <Group gap="md" role="list" aria-label={t('map.caseMap.legend')}>
        {route.parties.map((p, i) => {
          const style = partyStyle(i);
          return (
            <Group key={p.people.join(',')} gap={6} role="listitem" wrap="nowrap">
              <svg width="30" height="10" aria-hidden>
                <line
                  x1="0"
                  y1="5"
                  x2="30"
                  y2="5"
                  stroke={style.stroke}
                  strokeWidth="3"
                  strokeDasharray={style.dash || undefined}
                />
              </svg>
              <Text size="sm">{t('map.routeSvg.party', { people: p.people.join(', ') })}</Text>
            </Group>
          );
        })}
        {route.parties.length > PARTY_STYLES.length && (
          <Text size="sm">{t('map.caseMap.stylesRepeat')}</Text>
        )}
      </Group>
    </Stack>
  );
}

function overlapShift(stops: readonly (RouteStop & { lng: number })[], i: number): number {
  const me = stops[i];
  if (!me) return 0;
  let n = 0;
  for (let j = 0; j < i; j++) {
    const o = stops[j];
    if (o && Math.abs(o.at.lat - me.at.lat) < 0.05 && Math.abs(o.lng - me.lng) < 0.05) n++;
  }
  return n * 32;
}
