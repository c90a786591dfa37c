/**
 * The map shell: creates the MapLibre map once, composes the layer specs it is given (in order),
 * reports viewport changes and clicks. Nothing domain-specific lives here.
 */
import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { LayerSpecification, MapGeoJSONFeature, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Viewport } from './viewport';

maplibregl.setWorkerUrl(workerUrl);

export interface MapFocus {
  bbox: [number, number, number, number];
  /** Changes each time the map must move (same bbox twice still moves). */
  key: string;
}

export interface MapViewProps {
  baseStyle: StyleSpecification;
  /** Extra sources (GeoJSON of a feature…), by id. */
  sources?: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  viewport: Viewport;
  onViewportChange?: (v: Viewport) => void;
  /** Layers whose features answer clicks. */
  clickableLayers?: string[];
  onFeatureClick?: (feature: MapGeoJSONFeature) => void;
  focus?: MapFocus | null;
  label?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const ready = useRef(false);
  const applied = useRef<{ layers: LayerSpecification[]; sources: Record<string, SourceSpecification> }>({ layers: [], sources: {} });
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const el = container.current!;
    const { viewport, baseStyle } = latest.current;
    const map = new maplibregl.Map({
      container: el,
      style: baseStyle,
      center: [viewport.lon, viewport.lat],
      zoom: viewport.zoom,
      attributionControl: { compact: true },
      cooperativeGestures: false,
    });
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    const setIdle = (v: boolean) => el.setAttribute('data-idle', String(v));
    map.on('idle', () => setIdle(true));
    map.on('dataloading', () => setIdle(false));
    map.on('movestart', () => setIdle(false));
    map.on('moveend', () => {
      const c = map.getCenter();
      latest.current.onViewportChange?.({ zoom: map.getZoom(), lat: c.lat, lon: c.lng });
    });
    map.on('click', (e) => {
      const ids = (latest.current.clickableLayers ?? []).filter((id) => map.getLayer(id));
      if (ids.length === 0) return;
      const [feature] = map.queryRenderedFeatures(e.point, { layers: ids });
      if (feature) latest.current.onFeatureClick?.(feature);
    });
    map.on('mousemove', (e) => {
      const ids = (latest.current.clickableLayers ?? []).filter((id) => map.getLayer(id));
      map.getCanvas().style.cursor = ids.length > 0 && map.queryRenderedFeatures(e.point, { layers: ids }).length > 0 ? 'pointer' : '';
    });
    map.on('load', () => {
      ready.current = true;
      sync(map);
    });
    return () => {
      ready.current = false;
      map.remove();
      mapRef.current = null;
    };
  }, []);

  function sync(map: maplibregl.Map) {
    const { layers, sources = {} } = latest.current;
    const prev = applied.current;
    // Layers that disappeared or changed go first (they may use a source about to change).
    for (const old of prev.layers) {
      const next = layers.find((l) => l.id === old.id);
      if ((!next || !same(next, old)) && map.getLayer(old.id)) map.removeLayer(old.id);
    }
    for (const [id, spec] of Object.entries(prev.sources)) {
      if (!same(sources[id], spec) && map.getSource(id)) {
        const src = map.getSource(id);
        if (sources[id] && spec.type === 'geojson' && sources[id]!.type === 'geojson' && src && 'setData' in src) continue;
        map.removeSource(id);
      }
    }
    for (const [id, spec] of Object.entries(sources)) {
      const existing = map.getSource(id) as maplibregl.GeoJSONSource | undefined;
      if (!existing) map.addSource(id, spec);
      else if (spec.type === 'geojson' && !same(prev.sources[id], spec)) existing.setData(spec.data as never);
    }
    layers.forEach((layer, i) => {
      if (map.getLayer(layer.id)) return;
      const before = layers.slice(i + 1).find((l) => map.getLayer(l.id));
      map.addLayer(layer, before?.id);
    });
    applied.current = { layers, sources };
  }

  useEffect(() => {
    const map = mapRef.current;
    if (map && ready.current) sync(map);
  }, [props.layers, props.sources]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.focus) return;
    const [minLon, minLat, maxLon, maxLat] = props.focus.bbox;
    map.fitBounds([[minLon, minLat], [maxLon, maxLat]], { padding: 60, maxZoom: 12, duration: 800 });
  }, [props.focus?.key]);

  return <div ref={container} className="maillage-map" data-testid="carte" data-idle="false" role="region" aria-label={props.label ?? 'Carte'} />;
}
