/**
 * Exact dissolve of a set of communes through the topology: arcs shared by two members are
 * removed and the remaining arcs are chained into rings, so the result has no slivers and no gaps
 * between neighbours (the principle of topojson-client `merge`, on pre-decoded typed arrays).
 * Communes without own polygon are ignored here: callers pass their parent's code instead.
 * Unknown codes are ignored too (callers validate codes against the database first).
 */
import type { MultiPolygon } from 'geojson';
import { arcStoreOf } from './arc-store';
import { assembleParts, partsToMultiPolygon, type Part } from './assemble-polygons';
import type { CommuneGeometryObject, CommuneTopology } from './commune-topology';
import { boundaryArcs, stitchLoops } from './stitch-rings';

function polygonsOf(index: Map<string, CommuneGeometryObject>, codes: Iterable<string>): number[][][] {
  const polygons: number[][][] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) continue;
    seen.add(code);
    const o = index.get(code);
    if (!o) continue;
    if (o.type === 'Polygon') polygons.push(o.arcs);
    else for (const p of o.arcs) polygons.push(p);
  }
  return polygons;
}

/** The dissolved parts as arc loops (no coordinates built): enough to count parts and holes. */
export function dissolveParts(topology: CommuneTopology, index: Map<string, CommuneGeometryObject>, codes: Iterable<string>): Part[] {
  return partsOfPolygons(topology, polygonsOf(index, codes));
}

/** The same from polygons already gathered (arc rings of distinct communes). */
export function partsOfPolygons(topology: CommuneTopology, polygons: number[][][]): Part[] {
  const store = arcStoreOf(topology);
  return assembleParts(store, stitchLoops(store, boundaryArcs(store, polygons)));
}

/** The dissolved geometry (RFC 7946 winding, largest part first; empty set → no polygon). */
export function dissolveCommunes(
  topology: CommuneTopology,
  index: Map<string, CommuneGeometryObject>,
  codes: Iterable<string>,
): MultiPolygon {
  return partsToMultiPolygon(arcStoreOf(topology), dissolveParts(topology, index, codes));
}
