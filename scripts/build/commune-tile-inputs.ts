/**
 * The `communes` layer of the tiles, zoom band by zoom band: full detail from zoom 7, and below
 * it one generalisation per zoom cut on the topology (generalise-communes.ts: shared borders
 * stay shared). Where a zoom's tiles would still pass the tile budget, its smallest communes are
 * left out, step by step (the smallest first, as tippecanoe's « drop smallest as needed »): they
 * cover a pixel or two there, and the land layer below fills their place.
 *
 * Only what the layers read is kept: `code` (feature state, selection) and `densite` (density
 * layer) — below zoom 7 floored to two significant digits, which keeps every class of the density
 * layer (its bounds have at most two) while a tile stores a few hundred distinct values instead
 * of one per commune.
 */
import type { Geometry } from 'geojson';
import type { CommuneGeometryObject, CommuneTopology } from '../../server/src/geo/commune-topology';
import type { CommuneRow } from './communes-table';
import { generaliseCommunes } from './generalise-communes';
import { cutTiles, type TileLayerInput } from './vector-tiles';

/** Zooms cut from a generalised topology (each its own), then full detail from FULL_DETAIL_FROM. */
const GENERALISED_ZOOMS = [0, 1, 2, 3, 4, 5, 6];
const FULL_DETAIL_FROM = 7;
/** Smallest polygon kept, in pixels, tried in turn until the zoom's commune tiles fit. */
const MIN_AREA_STEPS_PX = [1, 1.5, 2, 3, 4, 6, 8, 12, 16];

export function floorSignificant(value: number, digits = 2): number {
  if (value <= 0) return 0;
  const step = 10 ** (Math.floor(Math.log10(value)) - digits + 1);
  return Number((Math.floor(value / step + 1e-9) * step).toPrecision(digits));
}

export interface CommuneTileOptions {
  /** Largest commune layer allowed in one tile, raw bytes (the other layers need the rest of the budget). */
  maxCommuneLayerBytes: number;
  /** Receives, per generalised zoom, the smallest polygon kept (px) and the communes kept. */
  onZoom?: (zoom: number, minAreaPx: number, kept: number) => void;
}

export function communeTileInputs(
  rows: CommuneRow[], geometries: Map<string, Geometry>, topology: CommuneTopology, index: Map<string, CommuneGeometryObject>,
  { maxCommuneLayerBytes, onZoom = () => {} }: CommuneTileOptions,
): TileLayerInput[] {
  const withGeometry = rows.filter((r) => r.geometry);
  const density = (r: CommuneRow) => (r.area_km2 ? Math.round((r.population / r.area_km2) * 10) / 10 : null);
  const objects = withGeometry.map((r) => index.get(r.code)!);
  const generalised = GENERALISED_ZOOMS.map((zoom) => {
    const shapes = generaliseCommunes(topology, objects, { zoom, minAreaPx: 0 });
    for (const minAreaPx of MIN_AREA_STEPS_PX) {
      const input: TileLayerInput = {
        name: 'communes', minZoom: zoom, maxZoom: zoom, tolerance: 1,
        features: withGeometry.filter((r) => (shapes.get(r.code)?.areaPx ?? 0) >= minAreaPx).map((r) => {
          const d = density(r);
          return { type: 'Feature' as const, geometry: shapes.get(r.code)!.geometry, properties: { code: r.code, densite: d === null ? null : floorSignificant(d) } };
        }),
      };
      const largest = Math.max(0, ...cutTiles([input], { maxZoom: 9 }).map((t) => t.data.length));
      if (largest <= maxCommuneLayerBytes || minAreaPx === MIN_AREA_STEPS_PX.at(-1)) {
        onZoom(zoom, minAreaPx, input.features.length);
        return input;
      }
    }
    throw new Error('unreachable');
  });
  return [
    ...generalised,
    {
      name: 'communes', minZoom: FULL_DETAIL_FROM,
      features: withGeometry.map((r) => ({ type: 'Feature' as const, geometry: geometries.get(r.code)!, properties: { code: r.code, densite: density(r) } })),
    },
  ];
}
