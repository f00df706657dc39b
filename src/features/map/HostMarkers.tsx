/**
 * Host markers, clustered (react-leaflet-cluster over leaflet.markercluster). Markers are made
 * once per host and kept: a filter change removes and adds only the ones that changed, in bulk,
 * and re-colours only those whose availability changed, so thousands of hosts stay fast.
 * Each marker is a focusable element whose title says the host and its availability in words,
 * with a symbol as well as a colour. A cluster shows how many hosts it holds and how many are free.
 */
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import MarkerClusterGroup from 'react-leaflet-cluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import type { Availability } from '../../domain/availability';
import type { HostRow } from './host-filters';

export const AVAILABILITY_SYMBOL: Record<Availability, string> = {
  free: '✓',
  partly_free: '½',
  full: '✕',
  unavailable: '–',
};

interface Props {
  readonly rows: readonly HostRow[];
  readonly selectedId: string | null;
  readonly onSelect: (hostId: string) => void;
  /** "Linden: free" */
  readonly titleOf: (row: HostRow) => string;
  readonly clusterTitle: (count: number, free: number) => string;
}

interface Entry {
  marker: L.Marker;
  status: Availability;
  selected: boolean;
  host: HostRow['host'];
}

/** Above this share of the shown markers removed at once, the group is rebuilt instead. */
const REBUILD_FRACTION = 0.3;

function icon(status: Availability, selected: boolean): L.DivIcon {
  return L.divIcon({
    className: `haven-host-marker haven-avail-${status}${selected ? ' haven-selected' : ''}`,
    html: AVAILABILITY_SYMBOL[status],
    iconSize: [24, 24],
  });
}

export function HostMarkers({ rows, selectedId, onSelect, titleOf, clusterTitle }: Props) {
  const cluster = useRef<L.MarkerClusterGroup>(null);
  const entries = useRef(new Map<string, Entry>());
  const shown = useRef(new Set<string>());
  const select = useRef(onSelect);
  const clusterText = useRef(clusterTitle);
  useEffect(() => {
    select.current = onSelect;
    clusterText.current = clusterTitle;
  });

  useEffect(() => {
    const group = cluster.current;
    if (!group) return;
    const next = new Set<string>();
    const toAdd: L.Marker[] = [];
    const toRemove: L.Marker[] = [];
    let recoloured = false;
    for (const row of rows) {
      const id = row.host.id;
      next.add(id);
      const status = row.availability.status;
      const selected = id === selectedId;
      let e = entries.current.get(id);
      if (e && e.host !== row.host) {
        // The host was edited: a new marker at its (maybe new) place.
        if (shown.current.has(id)) toRemove.push(e.marker);
        shown.current.delete(id);
        entries.current.delete(id);
        e = undefined;
      }
      if (!e) {
        const marker = L.marker([row.host.lat, row.host.lng], {
          icon: icon(status, selected),
          title: titleOf(row),
          alt: titleOf(row),
          keyboard: true,
          riseOnHover: true,
        });
        marker.on('click keypress', () => select.current(id));
        (marker as L.Marker & { havenStatus?: Availability }).havenStatus = status;
        e = { marker, status, selected, host: row.host };
        entries.current.set(id, e);
      } else if (e.status !== status || e.selected !== selected) {
        recoloured = true;
        e.marker.setIcon(icon(status, selected));
        e.marker.options.title = titleOf(row);
        e.marker.getElement()?.setAttribute('title', titleOf(row));
        (e.marker as L.Marker & { havenStatus?: Availability }).havenStatus = status;
        e.status = status;
        e.selected = selected;
      }
      if (!shown.current.has(id)) toAdd.push(e.marker);
    }
    for (const id of shown.current)
      if (!next.has(id)) {
        const e = entries.current.get(id);
        if (e) toRemove.push(e.marker);
      }
    if (toRemove.length > REBUILD_FRACTION * shown.current.size && toRemove.length > 200) {
      // Removing many markers one by one costs more than starting again: clear the group (cheap)
      // and add what stays in chunks (addLayers with chunkedLoading yields between chunks).
      group.clearLayers();
      const all: L.Marker[] = [];
      for (const id of next) {
        const e = entries.current.get(id);
        if (e) all.push(e.marker);
      }
      group.addLayers(all);
    } else {
      if (toRemove.length) group.removeLayers(toRemove);
      if (toAdd.length) group.addLayers(toAdd);
    }
    shown.current = next;
    // Cluster icons count the free hosts inside: refresh them when colours changed.
    if (recoloured) group.refreshClusters();
  }, [rows, selectedId, titleOf]);

  useEffect(() => {
    const group = cluster.current;
    const map = entries.current;
    return () => {
      group?.clearLayers();
      map.clear();
    };
  }, []);

  return (
    <MarkerClusterGroup
      ref={cluster}
      chunkedLoading
      // Short chunks: a filter change never blocks the page for long while markers are added.
      chunkInterval={50}
      chunkDelay={5}
      showCoverageOnHover={false}
      maxClusterRadius={50}
      // Clusters are built for every zoom level up to this one: from zoom 10 (a city) markers
      // stand alone, which saves a third of the clustering work at 5,000 hosts.
      disableClusteringAtZoom={10}
      iconCreateFunction={(c: L.MarkerCluster) => {
        const children = c.getAllChildMarkers() as (L.Marker & { havenStatus?: Availability })[];
        const free = children.filter((m) => m.havenStatus === 'free').length;
        const partly = children.filter((m) => m.havenStatus === 'partly_free').length;
        const tone = free > 0 ? 'free' : partly > 0 ? 'partly_free' : 'full';
        const size = children.length < 10 ? 30 : children.length < 100 ? 36 : 44;
        return L.divIcon({
          className: `haven-cluster haven-avail-${tone}`,
          html: `<span title="${clusterText.current(children.length, free)}">${children.length}</span>`,
          iconSize: [size, size],
        });
      }}
    >
      {null}
    </MarkerClusterGroup>
  );
}
