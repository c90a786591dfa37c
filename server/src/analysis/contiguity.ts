/**
 * Is a set of communes in one piece? Communes are linked when their polygons share a boundary
 * arc in the topology (touching at a single point does not link them). Each connected group is a
 * « composante »; a CPTS with several has enclaves. `parties` counts the polygons of the dissolved
 * perimeter, which also counts islands of a single commune (Île-d'Yeu, coastal islets): a CPTS
 * can have several parts and still be one connected group of communes.
 */
import type { LoadedTopology } from '../geo/topology-store';
import { dissolveParts } from '../geo/dissolve';
import { geometryCodeOf, type CommuneTable } from './inputs';

export interface Component {
  communes: string[];
  population: number;
}

export interface Contiguity {
  /** Connected groups, most populated first. */
  composantes: Component[];
  parties: number;
}

export function contiguity(topo: LoadedTopology, table: CommuneTable, codes: Iterable<string>): Contiguity {
  const members = [...new Set(codes)].filter((c) => table.byCode.has(c)).sort();
  if (members.length === 0) return { composantes: [], parties: 0 };
  // Union-find over geometry codes (a commune without polygon joins its container's group).
  const geometryCodes = [...new Set(members.map((c) => geometryCodeOf(table.byCode.get(c)!)))];
  const slot = new Map(geometryCodes.map((g, i) => [g, i]));
  const parent = geometryCodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<number, number>();
  geometryCodes.forEach((g, i) => {
    const o = topo.index.get(g);
    if (!o) return;
    const polygons = o.type === 'Polygon' ? [o.arcs] : o.arcs;
    for (const rings of polygons) for (const ring of rings) for (const ref of ring) {
      const arc = ref >= 0 ? ref : ~ref;
      const other = owner.get(arc);
      if (other === undefined) owner.set(arc, i);
      else {
        const a = find(other);
        const b = find(i);
        if (a !== b) parent[a] = b;
      }
    }
  });
  const groups = new Map<number, Component>();
  for (const code of members) {
    const root = find(slot.get(geometryCodeOf(table.byCode.get(code)!))!);
    const group = groups.get(root) ?? groups.set(root, { communes: [], population: 0 }).get(root)!;
    group.communes.push(code);
    group.population += table.byCode.get(code)!.population;
  }
  const composantes = [...groups.values()].sort((a, b) => b.population - a.population || a.communes[0]!.localeCompare(b.communes[0]!));
  return { composantes, parties: dissolveParts(topo.topology, topo.index, geometryCodes).length };
}
