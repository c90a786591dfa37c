/**
 * The quantised TopoJSON topology of the communes: built once by the data build, then the basis
 * of every exact dissolve (shared arcs are stored once, so merging removes them exactly) and of
 * the commune geometries served by the API.
 */
import { topology as buildTopology } from 'topojson-server';
import { feature } from 'topojson-client';
import type { GeometryCollection, Polygon as TopoPolygon, MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Polygonal } from './validate-geometry';

export type CommuneGeometryObject = (TopoPolygon | TopoMultiPolygon) & { id: string };
export type CommuneTopology = Topology<{ communes: GeometryCollection }>;

export interface TopologyOptions {
  /** Grid steps across the bounding box (default 1e7: about 1 m over métropole + DROM). */
  quantization?: number;
}

/** Builds the topology from communes given in any order; geometries are sorted by code. */
export function buildCommuneTopology(
  communes: { code: string; geometry: Polygonal }[],
  { quantization = 1e7 }: TopologyOptions = {},
): CommuneTopology {
  const sorted = [...communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const fc = {
    type: 'FeatureCollection' as const,
    features: sorted.map((c) => ({ type: 'Feature' as const, id: c.code, properties: null, geometry: c.geometry })),
  };
  return buildTopology({ communes: fc }, quantization) as unknown as CommuneTopology;
}

/** Index of the topology's commune geometries by INSEE code. */
export function indexCommuneGeometries(topology: CommuneTopology): Map<string, CommuneGeometryObject> {
  const index = new Map<string, CommuneGeometryObject>();
  for (const g of topology.objects.communes.geometries) {
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') index.set(String(g.id), g as CommuneGeometryObject);
  }
  return index;
}

/** Decodes one commune's geometry, coordinates rounded to 1e-6 degree. */
export function decodeCommune(topology: CommuneTopology, object: CommuneGeometryObject): Polygonal {
  const f = feature(topology, object) as Feature<Polygon | MultiPolygon>;
  return roundGeometry(f.geometry);
}

export function roundGeometry<G extends Polygonal>(geometry: G, decimals = 6): G {
  const k = 10 ** decimals;
  const r = (v: number) => Math.round(v * k) / k;
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(([x, y]) => [r(x!), r(y!)])) } as G;
  }
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((p) => p.map((ring) => ring.map(([x, y]) => [r(x!), r(y!)]))),
  } as G;
}
