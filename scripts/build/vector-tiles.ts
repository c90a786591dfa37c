/**
 * Vector tiles (Mapbox Vector Tile v2) of the reference layers, cut once by the build:
 * `communes` (polygons with code, dep, population, densite, and nom from zoom 7 — names are the
 * heaviest part of the low-zoom tiles and only labels need them), `communes_labels` (label points,
 * from zoom 8), `departements` and `regions` (dissolved from the commune topology, so their
 * borders coincide with commune borders). Thematic data is joined in the browser by code.
 */
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export interface TileOptions {
  /** Deepest zoom cut; the map over-zooms beyond it (default 9). */
  maxZoom?: number;
  /** First zoom of the commune labels layer (default 8). */
  labelsMinZoom?: number;
}

export interface TileLayerInput {
  name: string;
  features: Feature<Geometry, Record<string, string | number | null>>[];
  minZoom?: number;
  /** Last zoom of this input: two inputs may share a layer name over disjoint zoom ranges. */
  maxZoom?: number;
  /** geojson-vt's simplification, in tile units of 4096 (default 3); small for geometry generalised beforehand. */
  tolerance?: number;
}

export interface TileRow { z: number; x: number; y: number; data: Buffer }

export function cutTiles(layers: TileLayerInput[], { maxZoom = 9 }: TileOptions = {}, onProgress: (done: number, total: number) => void = () => {}): TileRow[] {
  const inZoom = (layer: TileLayerInput, z: number) => z >= (layer.minZoom ?? 0) && z <= (layer.maxZoom ?? maxZoom);
  const indexes = layers.map((layer) => {
    const last = Math.min(layer.maxZoom ?? maxZoom, maxZoom);
    return {
      layer,
      index: new GeoJSONVT({ type: 'FeatureCollection', features: layer.features } as FeatureCollection, {
        // maxZoom stays the global one: geojson-vt keeps full detail at its maxZoom.
        maxZoom, indexMaxZoom: last, indexMaxPoints: 0, tolerance: layer.tolerance ?? 3, extent: 4096, buffer: 64,
      }),
    };
  });
  const keys = new Map<string, { z: number; x: number; y: number }>();
  for (const { layer, index } of indexes) {
    for (const c of index.tileCoords) {
      if (inZoom(layer, c.z)) keys.set(`${c.z}/${c.x}/${c.y}`, c);
    }
  }
  const coords = [...keys.values()].sort((a, b) => a.z - b.z || a.x - b.x || a.y - b.y);
  const out: TileRow[] = [];
  coords.forEach((c, i) => {
    const tileLayers: Record<string, unknown> = {};
    for (const { layer, index } of indexes) {
      if (!inZoom(layer, c.z)) continue;
      const tile = index.getTile(c.z, c.x, c.y);
      if (!tile || tile.features.length === 0) continue;
      if (tileLayers[layer.name]) throw new Error(`Tuile ${c.z}/${c.x}/${c.y} : deux entrées pour la couche ${layer.name}`);
      tileLayers[layer.name] = tile;
    }
    if (Object.keys(tileLayers).length > 0) {
      out.push({ ...c, data: Buffer.from(vtpbf.fromGeojsonVt(tileLayers as never, { version: 2, extent: 4096 })) });
    }
    if (i % 50 === 0 || i === coords.length - 1) onProgress(i + 1, coords.length);
  });
  return out;
}
