/**
 * The arcs of a quantised TopoJSON topology decoded once into flat typed arrays: absolute
 * integer coordinates of every point, arc after arc, and a node id for each arc end (points
 * where arcs meet). Every exact dissolve reads these arrays instead of re-decoding arcs, which is
 * what makes it fast. Built lazily and cached per topology object (immutable derived data).
 */
import type { Topology } from 'topojson-specification';

export interface ArcStore {
  /** Absolute quantised x (grid steps) of every point, arcs laid end to end. */
  xs: Int32Array;
  ys: Int32Array;
  /** Arc i spans points offsets[i] … offsets[i + 1] - 1. */
  offsets: Int32Array;
  /** Node id of the first and of the last point of each arc. */
  startNode: Int32Array;
  endNode: Int32Array;
  nodeCount: number;
  /** Grid → degrees: lon = x × scale[0] + translate[0]. */
  scale: [number, number];
  translate: [number, number];
}

const cache = new WeakMap<object, ArcStore>();

/** The arc store of a topology, decoded on first use. Throws on a topology without `transform`. */
export function arcStoreOf(topology: Topology): ArcStore {
  let store = cache.get(topology);
  if (!store) {
    store = decodeArcs(topology);
    cache.set(topology, store);
  }
  return store;
}

function decodeArcs(topology: Topology): ArcStore {
  const transform = topology.transform;
  if (!transform) throw new Error('arcStoreOf : topologie non quantifiée (membre « transform » absent), impossible de fusionner exactement');
  const arcs = topology.arcs;
  let total = 0;
  for (const arc of arcs) {
    if (arc.length < 2) throw new Error(`arcStoreOf : arc de moins de 2 points dans la topologie`);
    total += arc.length;
  }
  const xs = new Int32Array(total);
  const ys = new Int32Array(total);
  const offsets = new Int32Array(arcs.length + 1);
  const startNode = new Int32Array(arcs.length);
  const endNode = new Int32Array(arcs.length);
  const nodes = new Map<number, number>();
  // Quantised coordinates are below 2^26, so x × 2^26 + y is an exact, unique key.
  const nodeOf = (x: number, y: number) => {
    const key = x * 67_108_864 + y;
    let id = nodes.get(key);
    if (id === undefined) {
      id = nodes.size;
      nodes.set(key, id);
    }
    return id;
  };
  let k = 0;
  for (let i = 0; i < arcs.length; i++) {
    offsets[i] = k;
    let x = 0;
    let y = 0;
    for (const p of arcs[i]!) {
      x += p[0]!;
      y += p[1]!;
      xs[k] = x;
      ys[k] = y;
      k++;
    }
    startNode[i] = nodeOf(xs[offsets[i]!]!, ys[offsets[i]!]!);
    endNode[i] = nodeOf(x, y);
  }
  offsets[arcs.length] = k;
  return {
    xs, ys, offsets, startNode, endNode, nodeCount: nodes.size,
    scale: [transform.scale[0], transform.scale[1]],
    translate: [transform.translate[0], transform.translate[1]],
  };
}
