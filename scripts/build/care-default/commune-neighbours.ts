/** Communes that share a border (an arc of the topology), by code. */
import type { CommuneTopology } from '../../../server/src/geo/commune-topology';

export function communeNeighbours(topology: CommuneTopology, codes: Set<string>): Map<string, Set<string>> {
  const users = new Map<number, string[]>();
  for (const g of topology.objects.communes.geometries) {
    const code = String(g.id);
    if (!codes.has(code) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const rings = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][];
    for (const polygon of rings) for (const ring of polygon) for (const arc of ring) {
      const i = arc < 0 ? ~arc : arc;
      const list = users.get(i);
      if (list) list.push(code);
      else users.set(i, [code]);
    }
  }
  const out = new Map<string, Set<string>>([...codes].map((c) => [c, new Set<string>()]));
  for (const list of users.values()) {
    for (const a of list) for (const b of list) if (a !== b) out.get(a)!.add(b);
  }
  return out;
}
