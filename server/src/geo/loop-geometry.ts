/**
 * Measures of a loop of arc references read straight from the arc store, in grid units: signed
 * area, bounding box, a point on it, point-in-loop; and its coordinates in degrees.
 */
import type { Position } from 'geojson';
import type { ArcStore } from './arc-store';
import type { Loop } from './stitch-rings';

/** Calls `visit(x, y)` for every point of the loop, first point not repeated at the end. */
function forEachPoint(store: ArcStore, loop: Loop, visit: (x: number, y: number) => void) {
  const { xs, ys, offsets } = store;
  for (let r = 0; r < loop.length; r++) {
    const ref = loop[r]!;
    if (ref >= 0) {
      const end = offsets[ref + 1]! - 1;
      for (let i = offsets[ref]!; i < end; i++) visit(xs[i]!, ys[i]!);
    } else {
      const a = ~ref;
      const start = offsets[a]!;
      for (let i = offsets[a + 1]! - 1; i > start; i--) visit(xs[i]!, ys[i]!);
    }
  }
}

/**
 * Twice the signed planar area in grid units (positive when counter-clockwise), computed
 * relative to the first point so that products stay small and exact. Hot path: loops inlined.
 */
export function loopArea2(store: ArcStore, loop: Loop): number {
  const { xs, ys, offsets } = store;
  const first = loop[0]!;
  const i0 = first >= 0 ? offsets[first]! : offsets[~first + 1]! - 1;
  const x0 = xs[i0]!;
  const y0 = ys[i0]!;
  let px = 0;
  let py = 0;
  let sum = 0;
  for (let r = 0; r < loop.length; r++) {
    const ref = loop[r]!;
    const a = ref >= 0 ? ref : ~ref;
    const lo = offsets[a]!;
    const hi = offsets[a + 1]! - 1;
    // every point of the arc but its first (the previous arc's last), in walking order
    for (let k = 1; k <= hi - lo; k++) {
      const i = ref >= 0 ? lo + k : hi - k;
      const cx = xs[i]! - x0;
      const cy = ys[i]! - y0;
      sum += px * cy - cx * py;
      px = cx;
      py = cy;
    }
  }
  return sum; // the walk ends on the first point: the ring is closed
}

export type GridBox = [minX: number, minY: number, maxX: number, maxY: number];

export function loopBox(store: ArcStore, loop: Loop): GridBox {
  const { xs, ys, offsets } = store;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ref of loop) {
    const a = ref >= 0 ? ref : ~ref;
    for (let i = offsets[a]!, end = offsets[a + 1]!; i < end; i++) {
      const x = xs[i]!;
      const y = ys[i]!;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** A point on the loop away from its nodes (middle of its first segment), in grid units. */
export function pointOnLoop(store: ArcStore, loop: Loop): [number, number] {
  const ref = loop[0]!;
  const a = ref >= 0 ? ref : ~ref;
  const i = ref >= 0 ? store.offsets[a]! : store.offsets[a + 1]! - 1;
  const j = ref >= 0 ? i + 1 : i - 1;
  return [(store.xs[i]! + store.xs[j]!) / 2, (store.ys[i]! + store.ys[j]!) / 2];
}

/** Even-odd test of a grid point against a loop. */
export function loopContains(store: ArcStore, loop: Loop, [qx, qy]: [number, number]): boolean {
  let inside = false;
  let px = NaN;
  let py = NaN;
  let fx = NaN;
  let fy = NaN;
  const edge = (ax: number, ay: number, bx: number, by: number) => {
    if (ay > qy !== by > qy && qx < ((bx - ax) * (qy - ay)) / (by - ay) + ax) inside = !inside;
  };
  forEachPoint(store, loop, (x, y) => {
    if (Number.isNaN(px)) {
      fx = x;
      fy = y;
    } else {
      edge(px, py, x, y);
    }
    px = x;
    py = y;
  });
  edge(px, py, fx, fy);
  return inside;
}

/** Coordinates in degrees, closed (first position repeated last). */
export function loopCoordinates(store: ArcStore, loop: Loop, reverse = false): Position[] {
  const [sx, sy] = store.scale;
  const [tx, ty] = store.translate;
  const ring: Position[] = [];
  forEachPoint(store, loop, (x, y) => {
    ring.push([x * sx + tx, y * sy + ty]);
  });
  if (ring.length > 0) ring.push([ring[0]![0]!, ring[0]![1]!]);
  if (reverse) ring.reverse();
  return ring;
}
