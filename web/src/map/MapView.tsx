/**
 * The map shell: creates the MapLibre map once, composes the layer specs, sources, images and
 * feature states it is given (in order), reports viewport changes and clicks, shows one popup and
 * exports its image. Nothing domain-specific lives here.
 *
 * `data-idle="true"` (what the browser tests wait for) means settled: no query of the page that
 * feeds the map is in flight (`pending`), and MapLibre has drawn everything it was asked for since
 * the last change of props (a change that alters the style, loads data or sets feature states sets
 * it false until the next `idle`, so the flag is never left over from the previous props). Props
 * equal in content change nothing (no repaint loop with the report's capture at each idle).
 */
import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import { createPortal } from 'react-dom';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { LayerSpecification, MapGeoJSONFeature, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Viewport } from './viewport';
import { applyFeatureStates, type FeatureStateSet } from './feature-states';
import { syncStyle, type MapImage } from './sync-style';
import { MAP_LOCALE_FR } from './map-locale';

maplibregl.setWorkerUrl(workerUrl);
// Start the workers as soon as this module loads, while the page still waits for its data.
maplibregl.prewarm();

export interface MapFocus {
  bbox: [number, number, number, number];
  /** Changes each time the map must move (same bbox twice still moves). */
  key: string;
  maxZoom?: number;
}

export interface MapPopup {
  lngLat: [number, number];
  content: ReactNode;
  /** Changes when the popup must be re-anchored. */
  key: string;
  onClose: () => void;
}

/** What a page may ask of the map besides its props. */
export interface MapHandle {
  /** The map as it is drawn now, as a PNG data URL. */
  toPng(): Promise<string>;
  /** The map as it is drawn now, as a PNG blob (encoded off the main thread). */
  toBlob(): Promise<Blob>;
}

/** The map's container (`[data-testid=carte]`) holds the map, for browser tests to query what is drawn. */
export type MapElement = HTMLDivElement & { maillageMap?: maplibregl.Map };

export interface MapViewProps {
  baseStyle: StyleSpecification;
  /** Extra sources (GeoJSON of a feature…), by id. */
  sources?: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
  /** Images used by the layers (patterns, symbols), by id; added once. */
  images?: Record<string, MapImage>;
  /** Values joined to features by id (read by `feature-state` expressions). */
  featureStates?: FeatureStateSet[];
  viewport: Viewport;
  /** Opens on these bounds instead of `viewport` (a territory chosen in a shared address). */
  initialBounds?: [number, number, number, number] | null;
  onViewportChange?: (v: Viewport) => void;
  /** Layers whose features answer clicks. */
  clickableLayers?: string[];
  onFeatureClick?: (feature: MapGeoJSONFeature, lngLat: [number, number]) => void;
  focus?: MapFocus | null;
  popup?: MapPopup | null;
  label?: string;
  /**
   * True while the page is still fetching data that the map will be given (its own queries, not
   * every query of the page): the map is not called settled (`data-idle`) until they have arrived.
   */
  pending?: boolean;
  /** Called each time the map has drawn everything it asked for (MapLibre `idle`). */
  onIdle?: () => void;
  ref?: Ref<MapHandle>;
}

export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const applied = useRef<{ layers: LayerSpecification[]; sources: Record<string, SourceSpecification> }>({ layers: [], sources: {} });
  const appliedStates = useRef(new Map<string, string>());
  const latest = useRef(props);
  latest.current = props;
  // Settled = MapLibre idle since the last change AND none of the map's queries pending.
  const settled = useRef({ map: false, pending: Boolean(props.pending) });
  const publishIdle = () => container.current?.setAttribute('data-idle', String(settled.current.map && !settled.current.pending));
  const setMapIdle = (v: boolean) => {
    settled.current.map = v;
    publishIdle();
  };

  useImperativeHandle(props.ref, () => ({
    toPng: () =>
      new Promise<string>((resolve, reject) => {
        const map = mapRef.current;
        if (!map) return reject(new Error('La carte n’est pas encore affichée.'));
        // The drawing buffer is intact during the render event: no preserveDrawingBuffer needed.
        map.once('render', () => resolve(map.getCanvas().toDataURL('image/png')));
        map.triggerRepaint();
      }),
    toBlob: () =>
      new Promise<Blob>((resolve, reject) => {
        const map = mapRef.current;
        if (!map) return reject(new Error('La carte n’est pas encore affichée.'));
        // toBlob copies the drawing buffer when called (during render), then encodes asynchronously.
        map.once('render', () => map.getCanvas().toBlob((b) => (b ? resolve(b) : reject(new Error('Image de la carte impossible à produire.'))), 'image/png'));
        map.triggerRepaint();
      }),
  }), []);

  useEffect(() => {
    const el = container.current!;
    const { viewport, baseStyle, initialBounds, layers, sources = {} } = latest.current;
    // The layers known at creation go into the first style: tiles are fetched and parsed once for them.
    const map = new maplibregl.Map({
      container: el,
      style: { ...baseStyle, sources: { ...baseStyle.sources, ...sources }, layers: [...baseStyle.layers, ...layers] },
      center: [viewport.lon, viewport.lat],
      zoom: viewport.zoom,
      ...(initialBounds ? { bounds: initialBounds, fitBoundsOptions: { padding: 40 } } : {}),
      attributionControl: { compact: true },
      // Labels and symbols appear at once: no 300 ms fade before the map is complete.
      fadeDuration: 0,
      cooperativeGestures: false,
      locale: MAP_LOCALE_FR,
    });
    mapRef.current = map;
    // The browser tests read what is drawn (`queryRenderedFeatures`) through the container (see MapElement).
    (el as MapElement).maillageMap = map;
    applied.current = { layers, sources };
    // Images (patterns, symbols) are added on first use.
    map.on('styleimagemissing', (e) => {
      const image = latest.current.images?.[e.id];
      if (image && !map.hasImage(e.id)) map.addImage(e.id, { width: image.width, height: image.height, data: image.data }, { pixelRatio: image.pixelRatio ?? 1 });
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.on('idle', () => {
      setMapIdle(true);
      latest.current.onIdle?.();
    });
    map.on('dataloading', () => setMapIdle(false));
    map.on('movestart', () => setMapIdle(false));
    map.on('moveend', () => {
      const c = map.getCenter();
      latest.current.onViewportChange?.({ zoom: map.getZoom(), lat: c.lat, lon: c.lng });
    });
    const clickable = () => (latest.current.clickableLayers ?? []).filter((id) => map.getLayer(id));
    map.on('click', (e) => {
      const ids = clickable();
      if (ids.length === 0) return;
      const [feature] = map.queryRenderedFeatures(e.point, { layers: ids });
      if (feature) latest.current.onFeatureClick?.(feature, [e.lngLat.lng, e.lngLat.lat]);
    });
    map.on('mousemove', (e) => {
      const ids = clickable();
      map.getCanvas().style.cursor = ids.length > 0 && map.queryRenderedFeatures(e.point, { layers: ids }).length > 0 ? 'pointer' : '';
    });
    // Sources and layers can be added once the style is parsed, without waiting for the first full render.
    map.once('style.load', () => setReady(true));
    return () => {
      setReady(false);
      map.remove();
      delete (el as MapElement).maillageMap;
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const { layers, sources = {}, images = {} } = latest.current;
    for (const [id, image] of Object.entries(images)) {
      if (!map.hasImage(id)) map.addImage(id, { width: image.width, height: image.height, data: image.data }, { pixelRatio: image.pixelRatio ?? 1 });
    }
    const synced = syncStyle(map, applied.current, { layers, sources });
    applied.current = { layers: synced.layers, sources: synced.sources };
    const states = applyFeatureStates(map, appliedStates.current, latest.current.featureStates ?? []);
    const statesChanged = states.size !== appliedStates.current.size || [...states].some(([k, v]) => appliedStates.current.get(k) !== v);
    appliedStates.current = states;
    // Not settled until the map has drawn what changed: layers added or removed, sources or data
    // loading, feature states set (`idle` follows the repaint asked here). Props equal in content
    // change nothing and leave the flag as it is.
    if (synced.changed || !map.loaded() || statesChanged) {
      setMapIdle(false);
      map.triggerRepaint();
    }
  }, [ready, props.layers, props.sources, props.images, props.featureStates]);

  // After the effect above: data that arrives with `pending` turning false has already set the map unsettled.
  useEffect(() => {
    settled.current.pending = Boolean(props.pending);
    publishIdle();
  }, [props.pending]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.focus) return;
    const [minLon, minLat, maxLon, maxLat] = props.focus.bbox;
    map.fitBounds([[minLon, minLat], [maxLon, maxLat]], { padding: 40, maxZoom: props.focus.maxZoom ?? 12, duration: 800 });
  }, [props.focus?.key]);

  return (
    <div ref={container} className="maillage-map" data-testid="carte" data-idle="false" role="region" aria-label={props.label ?? 'Carte'}>
      {ready && props.popup && mapRef.current && <PopupPortal map={mapRef.current} popup={props.popup} />}
    </div>
  );
}

function PopupPortal({ map, popup }: { map: maplibregl.Map; popup: MapPopup }) {
  const [node] = useState(() => document.createElement('div'));
  const onClose = useRef(popup.onClose);
  onClose.current = popup.onClose;
  useEffect(() => {
    const p = new maplibregl.Popup({ closeButton: true, closeOnClick: false, maxWidth: '320px', focusAfterOpen: true })
      .setLngLat(popup.lngLat)
      .setDOMContent(node)
      .addTo(map);
    let removing = false;
    p.on('close', () => {
      if (!removing) onClose.current();
    });
    return () => {
      removing = true;
      p.remove();
    };
  }, [popup.key]);
  return createPortal(popup.content, node);
}
