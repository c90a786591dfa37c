/**
 * The perimeter of any set of communes: their exact dissolve through the topology, with area,
 * population, bounding box and label point. A commune without its own polygon is counted with
 * its population and drawn with its container's polygon (which over-covers; the feature says so).
 */
import { area as turfArea } from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';
import { roundGeometry } from '../geo/commune-topology';
import { dissolveCommunes } from '../geo/dissolve';
import { labelPoint } from '../geo/label-point';
import type { LoadedTopology } from '../geo/topology-store';
import { geometryCodeOf, type CommuneTable } from './inputs';
import { compareCodes } from './compare';

export interface PerimeterOptions {
  /** Decimals kept in coordinates (default 6, about 10 cm). */
  decimals?: number;
  /** Precision of the label point search in metres (default 10). */
  labelPrecisionMeters?: number;
}

export interface PerimeterProperties {
  communes: number;
  population: number;
  area_km2: number;
  label_point: [number, number] | null;
  parties: number;
  trous: number;
  /** Communes drawn with the polygon of the commune that contains them. */
  geometries_approchees: { code: string; contenue_dans: string }[];
}

/** `bbox` is present unless the set is empty. */
export type PerimeterFeature = Feature<MultiPolygon, PerimeterProperties>;

export class UnknownCommunesError extends Error {
  constructor(readonly codes: string[]) {
    super(`communes inconnues : ${codes.join(', ')}`);
  }
}

export function perimeter(topo: LoadedTopology, table: CommuneTable, codes: Iterable<string>, options: PerimeterOptions = {}): PerimeterFeature {
  const { decimals = 6, labelPrecisionMeters = 10 } = options;
  const members = new Set(codes);
  const unknown = [...members].filter((c) => !table.byCode.has(c));
  if (unknown.length > 0) throw new UnknownCommunesError(unknown);
  let population = 0;
  const geometryCodes = new Set<string>();
  const approximations: PerimeterProperties['geometries_approchees'] = [];
  for (const code of members) {
    const c = table.byCode.get(code)!;
    population += c.population;
    geometryCodes.add(geometryCodeOf(c));
    if (c.containedIn && !members.has(c.containedIn)) approximations.push({ code, contenue_dans: c.containedIn });
  }
  const geometry = roundGeometry(dissolveCommunes(topo.topology, topo.index, [...geometryCodes].sort()), decimals);
  const empty = geometry.coordinates.length === 0;
  return {
    type: 'Feature',
    ...(empty ? {} : { bbox: bboxOf(geometry) }),
    properties: {
      communes: members.size,
      population,
      area_km2: empty ? 0 : Math.round(turfArea({ type: 'Feature', properties: {}, geometry }) / 100) / 10_000,
      label_point: empty ? null : labelPoint(geometry, { precisionMeters: labelPrecisionMeters }),
      parties: geometry.coordinates.length,
      trous: geometry.coordinates.reduce((s, p) => s + p.length - 1, 0),
      geometries_approchees: approximations.sort((a, b) => compareCodes(a.code, b.code)),
    },
    geometry,
  };
}

function bboxOf(g: MultiPolygon): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of g.coordinates) for (const [x, y] of p[0]!) {
    if (x! < minX) minX = x!;
    if (y! < minY) minY = y!;
    if (x! > maxX) maxX = x!;
    if (y! > maxY) maxY = y!;
  }
  return [minX, minY, maxX, maxY];
}
