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

/**
 * Per topology, shared by every call (single-threaded, never re-entered): a global number for
 * each polygon, union-find parents over them, and the polygon owning each arc — entries are
 * valid only when their stamp is the current call's, so nothing is cleared between calls.
 */
interface Scratch {
  /** Geometry code → its polygons (arc rings) and the global number of the first. */
  polygonsOf: Map<string, { first: number; polygons: number[][][] }>;
  parent: Int32Array;
  polygonStamp: Int32Array;
  owner: Int32Array;
  ownerStamp: Int32Array;
  stamp: number;
}

const scratches = new WeakMap<object, Scratch>();

function scratchOf(topo: LoadedTopology): Scratch {
  let s = scratches.get(topo.topology);
  if (!s) {
    const polygonsOf: Scratch['polygonsOf'] = new Map();
    let n = 0;
    for (const [code, o] of topo.index) {
      const polygons = o.type === 'Polygon' ? [o.arcs] : o.arcs;
      polygonsOf.set(code, { first: n, polygons });
      n += polygons.length;
    }
    const arcs = topo.topology.arcs.length;
    s = { polygonsOf, parent: new Int32Array(n), polygonStamp: new Int32Array(n), owner: new Int32Array(arcs), ownerStamp: new Int32Array(arcs), stamp: 0 };
    scratches.set(topo.topology, s);
  }
  return s;
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
  const s = scratchOf(topo);
  const stamp = ++s.stamp;
  const { parent, polygonStamp, owner, ownerStamp } = s;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const memberPolygon = new Int32Array(communes.length).fill(-1);
  const touched: number[] = [];
  const multi: [first: number, count: number][] = [];
  for (let m = 0; m < communes.length; m++) {
    const entry = s.polygonsOf.get(geometryCodeOf(communes[m]!));
    if (entry === undefined) continue; // no polygon anywhere: a group of its own
    const { first, polygons } = entry;
    memberPolygon[m] = first;
    if (polygonStamp[first] === stamp) continue; // container already met (contained communes)
    if (polygons.length > 1) multi.push([first, polygons.length]);
    for (let k = 0; k < polygons.length; k++) {
      const id = first + k;
      polygonStamp[id] = stamp;
      parent[id] = id;
      touched.push(id);
      for (const ring of polygons[k]!) for (const ref of ring) {
        const arc = ref >= 0 ? ref : ~ref;
        if (ownerStamp[arc] !== stamp) {
          ownerStamp[arc] = stamp;
          owner[arc] = id;
        } else {
          const a = find(owner[arc]!);
          const b = find(id);
          if (a !== b) parent[a] = b;
        }
      }
    }
  }
  let parties = 0;
  for (const id of touched) if (find(id) === id) parties++;
  // Commune level: the polygons of one commune belong together.
  for (const [first, count] of multi) {
    for (let k = 1; k < count; k++) {
      const a = find(first);
      const b = find(first + k);
      if (a !== b) parent[a] = b;
    }
  }
  if (parties === 1 && memberPolygon.every((p) => p >= 0)) {
    // The common case: one piece.
    const codes = communes.map((c) => c.code).sort(compareCodes);
    return { composantes: [{ communes: codes, population: communes.reduce((t, c) => t + c.population, 0) }], parties };
  }
  const groups = new Map<number, Component>();
  communes.forEach((c, m) => {
    const slot = memberPolygon[m]!;
    const root = slot < 0 ? -1 - m : find(slot);
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
