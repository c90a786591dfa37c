/**
 * Is a set of communes in one piece? Communes are linked when their polygons share a boundary
 * arc in the topology (touching at a single point does not link them). Each connected group is a
 * « composante »; a CPTS with several has enclaves. `parties` counts the polygons of the dissolved
 * perimeter, which also counts islands of a single commune (Île-de-Bréhat, coastal islets): a
 * CPTS can have several parts and still be one connected group of communes.
 */
import type { LoadedTopology } from '../geo/topology-store';
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

/**
 * Contiguity of distinct communes given as records (the hot path of the CPTS report).
 *
 * Union-find on polygons: two polygons sharing an arc have a connected interior, so each group
 * of polygons linked by arcs is exactly one part of the dissolved perimeter (one outer ring,
 * holes aside) — `parties` without stitching a ring. Communes are then grouped by joining the
 * polygons of each commune (an island commune's parts stay one commune).
 */
export function contiguityOf(topo: LoadedTopology, communes: CommuneRef[]): Contiguity {
  if (communes.length === 0) return { composantes: [], parties: 0 };
  const firstPolygonOf = new Map<string, number>(); // geometry code → its first polygon slot (-1: no polygon)
  const memberPolygon = new Int32Array(communes.length);
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
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  };
  communes.forEach((c, m) => {
    const g = geometryCodeOf(c);
    let first = firstPolygonOf.get(g);
    if (first === undefined) {
      first = -1;
      const o = topo.index.get(g);
      if (o) {
        for (const polygon of o.type === 'Polygon' ? [o.arcs] : o.arcs) {
          const slot = parent.length;
          parent.push(slot);
          if (first < 0) first = slot;
          for (const ring of polygon) for (const ref of ring) {
            const arc = ref >= 0 ? ref : ~ref;
            const other = owner[arc]!;
            if (other < 0) {
              owner[arc] = slot;
              touched.push(arc);
            } else join(other, slot);
          }
        }
      }
      firstPolygonOf.set(g, first);
    }
    memberPolygon[m] = first;
  });
  for (const arc of touched) owner[arc] = -1;
  let parties = 0;
  for (let i = 0; i < parent.length; i++) if (find(i) === i) parties++;
  // Commune level: the polygons of one commune belong together.
  const communeParent = parent.slice();
  const communeFind = (i: number): number => {
    while (communeParent[i] !== i) {
      communeParent[i] = communeParent[communeParent[i]!]!;
      i = communeParent[i]!;
    }
    return i;
  };
  for (const [g, first] of firstPolygonOf) {
    const o = first >= 0 ? topo.index.get(g) : undefined;
    if (!o || o.type !== 'MultiPolygon') continue;
    for (let k = 1; k < o.arcs.length; k++) {
      const a = communeFind(find(first));
      const b = communeFind(find(first + k));
      if (a !== b) communeParent[a] = b;
    }
  }
  const groups = new Map<number, Component>();
  communes.forEach((c, m) => {
    const slot = memberPolygon[m]!;
    const root = slot < 0 ? -1 - m : communeFind(find(slot)); // no polygon anywhere: a group of its own
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { communes: [], population: 0 }));
    group.communes.push(c.code);
    group.population += c.population;
  });
  const composantes = [...groups.values()];
  for (const g of composantes) g.communes.sort(compareCodes);
  composantes.sort((a, b) => b.population - a.population || compareCodes(a.communes[0]!, b.communes[0]!));
  return { composantes, parties };
}
