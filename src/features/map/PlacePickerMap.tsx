/**
 * The host form's map (loaded on demand): click to set the host's place, drag the marker to
 * adjust. The rounding ("about 1 km / 10 km") is applied to what is stored: the marker jumps to the
 * rounded place, so what is seen is what is kept.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, Marker, useMapEvents } from 'react-leaflet';
import { isLatitude, isLongitude, type LatLng } from '../../domain/geo';
import { OfflineBasemap } from './OfflineBasemap';
import './map.css';

export interface PlacePickerMapProps {
  readonly value: LatLng | null;
  readonly onPick: (p: LatLng) => void;
}

const pin = L.divIcon({
  className: 'haven-host-marker haven-avail-free',
  html: '●',
  iconSize: [22, 22],
});

function ClickToSet({ onPick }: { onPick: (p: LatLng) => void }) {
  useMapEvents({
    click: (e) =>
      onPick({ lat: e.latlng.lat, lng: L.Util.wrapNum(e.latlng.lng, [-180, 180], true) }),
  });
  return null;
}

function Recentre({ value, map }: { value: LatLng | null; map: L.Map | null }) {
  useEffect(() => {
    if (map && value && (map.getZoom() < 6 || !map.getBounds().contains([value.lat, value.lng])))
      map.setView([value.lat, value.lng], Math.max(map.getZoom(), 8));
  }, [map, value]);
  return null;
}

export default function PlacePickerMap({ value, onPick }: PlacePickerMapProps) {
  const { t } = useTranslation();
  const [map, setMap] = useState<L.Map | null>(null);
  const valid = value && isLatitude(value.lat) && isLongitude(value.lng) ? value : null;
  const handlers = useMemo(
    () => ({
      dragend: (e: L.LeafletEvent) => {
        const ll = (e.target as L.Marker).getLatLng();
        onPick({ lat: ll.lat, lng: L.Util.wrapNum(ll.lng, [-180, 180], true) });
      },
    }),
    [onPick],
  );
  return (
    <div
      style={{ height: 280 }}
      data-testid="place-picker-map"
      role="region"
      aria-label={t('map.picker.label')}
    >
      <MapContainer
        ref={setMap}
        className="haven-map"
        style={{ minHeight: 280 }}
        center={valid ? [valid.lat, valid.lng] : [30, 15]}
        zoom={valid ? 8 : 2}
        minZoom={1}
        maxZoom={14}
      >
        <OfflineBasemap />
        <ClickToSet onPick={onPick} />
        <Recentre value={valid} map={map} />
        {valid && (
          <Marker
            position={[valid.lat, valid.lng]}
            icon={pin}
            draggable
            title={t('map.picker.marker', { latitude: valid.lat, longitude: valid.lng })}
            eventHandlers={handlers}
          />
        )}
      </MapContainer>
    </div>
  );
}
