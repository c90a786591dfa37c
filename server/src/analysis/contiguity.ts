/**
 * Is a set of communes in one piece? Communes are linked when their polygons share a boundary
 * arc in the topology (touching at a single point does not link them). Each connected group is a
 * « composante »; a CPTS with several has enclaves. `parties` counts the polygons of the dissolved
 * perimeter, which also counts islands of a single commune (Île-d'Yeu, coastal islets): a CPTS
 * can have several parts and still be one connected group of communes.
 */
import type { LoadedTopology } from '../geo/topology-store';
import { partsOfPolygons } from '../geo/dissolve';
import { geometryCodeOf, type CommuneRef, type CommuneTable } from './inputs';
import { compareCodes } from './compare';

export interface Component {
  communes: string[];
  population: number;
}

export interface Contiguity {
  /** Connected groups, most populated first. */
  composantes: Component[];
  parties: number;
}

/** Per topology: the member slot owning each arc during one call (-1 when none), reset after use. */
const owners = new WeakMap<object, Int32Array>();

function arcOwners(topo: LoadedTopology): Int32Array {
  let o = owners.get(topo.topology);
  if (!o) {
    o = new Int32Array(topo.topology.arcs.length).fill(-1);
    owners.set(topo.topology, o);
  }
  return o;
}

export function contiguity(topo: LoadedTopology, table: CommuneTable, codes: Iterable<string>): Contiguity {
  const refs: CommuneRef[] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) continue;
    seen.add(code);
    const c = table.byCode.get(code);
    if (c) refs.push(c);
  }
  return contiguityOf(topo, refs);
}

/** Contiguity of distinct communes given as records (the hot path of the CPTS report). */
export function contiguityOf(topo: LoadedTopology, communes: CommuneRef[]): Contiguity {
  if (communes.length === 0) return { composantes: [], parties: 0 };
  // Union-find over geometry codes (a commune without polygon joins its container's group).
  const slotOf = new Map<string, number>();
  const polygons: number[][][] = [];
  const memberSlot = new Int32Array(communes.length);
  const owner = arcOwners(topo);
  const touched: number[] = [];
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  communes.forEach((c, m) => {
    const g = geometryCodeOf(c);
    let i = slotOf.get(g);
    if (i === undefined) {
      i = parent.length;
      slotOf.set(g, i);
      parent.push(i);
      const o = topo.index.get(g);
      if (o) {
        const rings = o.type === 'Polygon' ? [o.arcs] : o.arcs;
        for (const polygon of rings) {
          polygons.push(polygon);
          for (const ring of polygon) for (const ref of ring) {
            const arc = ref >= 0 ? ref : ~ref;
            const other = owner[arc]!;
            if (other < 0) {
              owner[arc] = i;
              touched.push(arc);
            } else {
              const a = find(other);
              const b = find(i);
              if (a !== b) parent[a] = b;
            }
          }
        }
      }
    }
    memberSlot[m] = i;
  });
  for (const arc of touched) owner[arc] = -1;
  const groups = new Map<number, Component>();
  communes.forEach((c, m) => {
    const root = find(memberSlot[m]!);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { communes: [], population: 0 }));
    group.communes.push(c.code);
    group.population += c.population;
  });
  const composantes = [...groups.values()];
  for (const g of composantes) g.communes.sort(compareCodes);
  composantes.sort((a, b) => b.population - a.population || compareCodes(a.communes[0]!, b.communes[0]!));
  return { composantes, parties: partsOfPolygons(topo.topology, polygons).length };
}
