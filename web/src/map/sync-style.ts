/**
 * Brings the map's extra sources and layers to what the page asks for: removes layers that
 * disappeared or changed, replaces changed sources (GeoJSON data is swapped in place), adds the
 * missing layers in order. Returns what is now applied, and whether the map was changed (so that
 * the map is not called settled before it has drawn the change).
 */
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';

export interface MapImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
  pixelRatio?: number;
}

export interface StyleState {
  layers: LayerSpecification[];
  sources: Record<string, SourceSpecification>;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Same spec except the GeoJSON data (swapped with setData, no need to recreate the source). */
function sameButData(a: SourceSpecification, b: SourceSpecification): boolean {
  if (a.type !== 'geojson' || b.type !== 'geojson') return false;
  const { data: _a, ...restA } = a;
  const { data: _b, ...restB } = b;
  return same(restA, restB);
}

export function syncStyle(map: MapLibreMap, prev: StyleState, next: StyleState): StyleState & { changed: boolean } {
  const { layers, sources } = next;
  let changed = false;
  const recreated = new Set<string>();
  for (const [id, spec] of Object.entries(prev.sources)) {
    const wanted = sources[id];
    if (wanted && (wanted === spec || sameButData(wanted, spec))) continue;
    if (!wanted || !same(wanted, spec)) recreated.add(id);
  }
  // Layers that disappeared, changed, or sit on a source about to be recreated go first.
  for (const old of prev.layers) {
    const layer = layers.find((l) => l.id === old.id);
    const onRecreated = 'source' in old && typeof old.source === 'string' && recreated.has(old.source);
    if ((!layer || !same(layer, old) || onRecreated) && map.getLayer(old.id)) {
      map.removeLayer(old.id);
      changed = true;
    }
  }
  for (const id of recreated) {
    if (!map.getSource(id)) continue;
    map.removeSource(id);
    changed = true;
  }
  for (const [id, spec] of Object.entries(sources)) {
    const existing = map.getSource(id);
    if (!existing) {
      map.addSource(id, spec);
      changed = true;
    } else if (spec.type === 'geojson' && prev.sources[id] !== spec) {
      (existing as GeoJSONSource).setData(spec.data as never);
      changed = true;
    }
  }
  layers.forEach((layer, i) => {
    if (map.getLayer(layer.id)) return;
    const before = layers.slice(i + 1).find((l) => map.getLayer(l.id));
    map.addLayer(layer, before?.id);
    changed = true;
  });
  return { layers, sources, changed };
}
