/**
 * Polygons that border a set of polygons in the commune topology: those sharing at least one arc
 * (a boundary segment) with the set — touching at a single point does not count, as in
 * contiguity.ts. The arc → polygons index is built once per topology (about 0.1 s for France).
 */
import type { LoadedTopology } from './topology-store';

const indexes = new WeakMap<LoadedTopology, Map<number, string[]>>();

/** For every arc, the codes of the polygons that use it (one or two). */
export function arcOwners(topo: LoadedTopology): Map<number, string[]> {
  let owners = indexes.get(topo);
  if (owners) return owners;
  owners = new Map();
  for (const [code, o] of topo.index) {
    const polygons = o.type === 'Polygon' ? [o.arcs] : o.arcs;
    for (const rings of polygons) for (const ring of rings) for (const ref of ring) {
      const arc = ref >= 0 ? ref : ~ref;
      const list = owners.get(arc);
      if (!list) owners.set(arc, [code]);
      else if (!list.includes(code)) list.push(code);
    }
  }
  indexes.set(topo, owners);
  return owners;
}

/**
 * Codes of the polygons outside `codes` that share an arc with one of them, sorted. Codes absent
 * from the topology are ignored (a commune without its own polygon is represented by its container's).
 */
export function borderingPolygons(topo: LoadedTopology, codes: Iterable<string>): string[] {
  const members = new Set(codes);
  const owners = arcOwners(topo);
  const out = new Set<string>();
  for (const code of members) {
    const o = topo.index.get(code);
    if (!o) continue;
    const polygons = o.type === 'Polygon' ? [o.arcs] : o.arcs;
    for (const rings of polygons) for (const ring of rings) for (const ref of ring) {
      for (const other of owners.get(ref >= 0 ? ref : ~ref) ?? []) if (!members.has(other)) out.add(other);
    }
  }
  return [...out].sort();
}
