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
 * relative to the first point so that products stay small and exact.
 */
export function loopArea2(store: ArcStore, loop: Loop): number {
  let x0 = 0;
  let y0 = 0;
  let px = 0;
  let py = 0;
  let first = true;
  let sum = 0;
  forEachPoint(store, loop, (x, y) => {
    if (first) {
      x0 = x;
      y0 = y;
      first = false;
    } else {
      const cx = x - x0;
      const cy = y - y0;
      sum += px * cy - cx * py;
      px = cx;
      py = cy;
    }
  });
  return sum; // closing edge back to the first point contributes 0 relative to it
}

export type GridBox = [minX: number, minY: number, maxX: number, maxY: number];

export function loopBox(store: ArcStore, loop: Loop): GridBox {
  const box: GridBox = [Infinity, Infinity, -Infinity, -Infinity];
  forEachPoint(store, loop, (x, y) => {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  });
  return box;
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
