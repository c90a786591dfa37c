/**
 * The heart of the exact dissolve: from the polygons of a set (rings of TopoJSON arc references),
 * keep the arcs used once (an arc used twice lies between two members of the set: it disappears),
 * then chain those boundary arcs end to start into closed loops.
 *
 * Where several boundary arcs leave the same node (two parts touching at one point), the walk
 * takes the sharpest left turn, which traces the face lying on its left (the interior, since the
 * communes' outer rings are counter-clockwise); loops that still pass twice through a node are
 * then split there, so every loop returned is simple at its nodes and a part that touches a hole
 * at one point gives a shell and a hole, as OGC simple features want.
 */
import type { ArcStore } from './arc-store';

/** A closed loop as TopoJSON arc references (i forward, ~i reversed). */
export type Loop = number[];

interface Scratch {
  counts: Uint16Array;
  head: Int32Array;
  pos: Int32Array;
}

const scratches = new WeakMap<ArcStore, Scratch>();

function scratchOf(store: ArcStore): Scratch {
  let s = scratches.get(store);
  if (!s) {
    s = { counts: new Uint16Array(store.startNode.length), head: new Int32Array(store.nodeCount).fill(-1), pos: new Int32Array(store.nodeCount).fill(-1) };
    scratches.set(store, s);
  }
  return s;
}

const fromNode = (store: ArcStore, ref: number) => (ref >= 0 ? store.startNode[ref]! : store.endNode[~ref]!);
const toNode = (store: ArcStore, ref: number) => (ref >= 0 ? store.endNode[ref]! : store.startNode[~ref]!);

/** The arcs of `polygons` used exactly once, in the order met. */
export function boundaryArcs(store: ArcStore, polygons: Iterable<number[][]>): number[] {
  const { counts } = scratchOf(store);
  const refs: number[] = [];
  for (const rings of polygons) for (const ring of rings) for (const ref of ring) {
    const a = ref >= 0 ? ref : ~ref;
    if (a >= counts.length) throw new Error(`boundaryArcs : arc ${a} absent de la topologie`);
    counts[a]!++;
    refs.push(ref);
  }
  const boundary: number[] = [];
  for (const ref of refs) if (counts[ref >= 0 ? ref : ~ref] === 1) boundary.push(ref);
  for (const ref of refs) counts[ref >= 0 ? ref : ~ref] = 0;
  return boundary;
}

/** Chains boundary arcs into closed loops, each simple at its nodes. */
export function stitchLoops(store: ArcStore, boundary: number[]): Loop[] {
  const { head } = scratchOf(store);
  const n = boundary.length;
  const nextOut = new Int32Array(n);
  const used = new Uint8Array(n);
  for (let b = 0; b < n; b++) {
    const node = fromNode(store, boundary[b]!);
    nextOut[b] = head[node]!;
    head[node] = b;
  }
  const loops: Loop[] = [];
  try {
    for (let start = 0; start < n; start++) {
      if (used[start]) continue;
      const startNode = fromNode(store, boundary[start]!);
      const walk: number[] = [];
      let cur = start;
      for (;;) {
        used[cur] = 1;
        walk.push(boundary[cur]!);
        const node = toNode(store, boundary[cur]!);
        if (node === startNode) break;
        const next = chooseNext(store, boundary, head[node]!, nextOut, used, boundary[cur]!);
        if (next < 0) break; // open chain (inconsistent input): closed by a straight segment
        cur = next;
      }
      splitAtRepeatedNodes(store, walk, loops);
    }
  } finally {
    for (const ref of boundary) head[fromNode(store, ref)] = -1;
  }
  return loops;
}

function chooseNext(store: ArcStore, boundary: number[], first: number, nextOut: Int32Array, used: Uint8Array, incoming: number): number {
  let only = -1;
  let count = 0;
  for (let b = first; b >= 0; b = nextOut[b]!) {
    if (!used[b]) {
      only = b;
      count++;
    }
  }
  if (count <= 1) return only;
  // Several ways out of this node: turn as far left as possible (smallest clockwise angle from
  // the reversed incoming direction).
  const [ix, iy] = direction(store, incoming, true);
  const back = Math.atan2(iy, ix);
  let best = -1;
  let bestAngle = Infinity;
  for (let b = first; b >= 0; b = nextOut[b]!) {
    if (used[b]) continue;
    const [dx, dy] = direction(store, boundary[b]!, false);
    let cw = back - Math.atan2(dy, dx);
    while (cw <= 0) cw += 2 * Math.PI;
    while (cw > 2 * Math.PI) cw -= 2 * Math.PI;
    if (dx === 0 && dy === 0) cw = 3 * Math.PI; // empty arc: last resort
    if (cw < bestAngle || (cw === bestAngle && b < best)) {
      bestAngle = cw;
      best = b;
    }
  }
  return best;
}

/**
 * Direction of an arc reference at one of its ends, pointing away from that end: at its start
 * (`atEnd` false) or, reversed, at its end (`atEnd` true, i.e. back along the incoming arc).
 */
function direction(store: ArcStore, ref: number, atEnd: boolean): [number, number] {
  const a = ref >= 0 ? ref : ~ref;
  const lo = store.offsets[a]!;
  const hi = store.offsets[a + 1]! - 1;
  // Walk from the chosen end towards the other until the point differs.
  const fromStart = (ref >= 0) !== atEnd;
  const i0 = fromStart ? lo : hi;
  const step = fromStart ? 1 : -1;
  const x0 = store.xs[i0]!;
  const y0 = store.ys[i0]!;
  for (let i = i0 + step; fromStart ? i <= hi : i >= lo; i += step) {
    const dx = store.xs[i]! - x0;
    const dy = store.ys[i]! - y0;
    if (dx !== 0 || dy !== 0) return [dx, dy];
  }
  return [0, 0];
}

/** Cuts a closed walk wherever it comes back to a node it already passed, pushing each loop. */
function splitAtRepeatedNodes(store: ArcStore, walk: number[], loops: Loop[]) {
  const { pos } = scratchOf(store);
  const stack: number[] = [];
  const first = fromNode(store, walk[0]!);
  pos[first] = 0;
  for (const ref of walk) {
    stack.push(ref);
    const node = toNode(store, ref);
    const at = pos[node]!;
    if (at >= 0) {
      const loop = stack.splice(at);
      for (let i = 1; i < loop.length; i++) pos[fromNode(store, loop[i]!)] = -1;
      loops.push(loop);
    } else {
      pos[node] = stack.length;
    }
  }
  if (stack.length > 0) loops.push(stack); // open chain: returned as is
  for (const ref of stack) pos[fromNode(store, ref)] = -1;
  for (const ref of walk) pos[toNode(store, ref)] = -1;
  pos[first] = -1;
}
