/**
 * Exact dissolve of a set of communes through the topology: shared arcs are removed, so the
 * result has no slivers and no gaps between neighbours (topojson-client `merge`).
 * Communes without own polygon are ignored here (their parent's polygon covers them).
 */
import { merge } from 'topojson-client';
import type { MultiPolygon } from 'geojson';
import type { CommuneGeometryObject, CommuneTopology } from './commune-topology';

export function dissolveCommunes(
  topology: CommuneTopology,
  index: Map<string, CommuneGeometryObject>,
  codes: Iterable<string>,
): MultiPolygon {
  const objects: CommuneGeometryObject[] = [];
  for (const code of codes) {
    const o = index.get(code);
    if (o) objects.push(o);
  }
  return merge(topology as never, objects as never) as MultiPolygon;
}
