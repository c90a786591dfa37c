/**
 * Per-zoom generalisation of the commune polygons for the low-zoom tiles, done on the topology so
 * that shared borders stay shared: every arc is simplified once (Douglas–Peucker, its two ends
 * kept, so the junctions of three communes never move), and both neighbours of a border are then
 * decoded from the same simplified arc — no slivers and no overlaps appear between them.
 * Polygons covering less than `minAreaPx` pixels at that zoom (512 px tiles) are left out of that
 * zoom: they are invisible there, and the land layer below fills their place.
 *
 * Options: `zoom` (the display zoom the result is for), `tolerancePx` (default 1 px), `minAreaPx`
 * (default 1 px²). The input topology is not modified.
 */
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { CommuneGeometryObject, CommuneTopology } from '../../server/src/geo/commune-topology';

export interface GeneraliseOptions {
  zoom: number;
  tolerancePx?: number;
  minAreaPx?: number;
}

const TILE_PX = 512;

/** Douglas–Peucker on one absolute (quantised) polyline; ends kept; a closed arc keeps its farthest point too. */
function simplifyLine(points: number[][], tolerance: number, sx: number, sy: number): number[][] {
  const n = points.length;
  if (n <= 2) return points;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const sq = tolerance * tolerance;
  const segDist = (p: number[], a: number[], b: number[]) => {
    const ax = a[0]! * sx, ay = a[1]! * sy, bx = b[0]! * sx, by = b[1]! * sy, px = p[0]! * sx, py = p[1]! * sy;
    const dx = bx - ax, dy = by - ay;
    const len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
    const ex = ax + t * dx - px, ey = ay + t * dy - py;
    return ex * ex + ey * ey;
  };
  const stack: [number, number][] = [];
  const closed = points[0]![0] === points[n - 1]![0] && points[0]![1] === points[n - 1]![1];
  if (closed) {
    let far = 1;
    let best = -1;
    for (let i = 1; i < n - 1; i++) {
      const d = segDist(points[i]!, points[0]!, points[0]!);
      if (d > best) { best = d; far = i; }
    }
    keep[far] = 1;
    stack.push([0, far], [far, n - 1]);
  } else stack.push([0, n - 1]);
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let index = -1;
    let max = sq;
    for (let i = first + 1; i < last; i++) {
      const d = segDist(points[i]!, points[first]!, points[last]!);
      if (d > max) { max = d; index = i; }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** The topology with every arc simplified to `toleranceDeg` (arcs stay delta-encoded, on the same grid). */
export function simplifyTopology(topology: CommuneTopology, toleranceDeg: number): CommuneTopology {
  const [sx, sy] = topology.transform!.scale;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const absolute = arc.map(([dx, dy]) => [(x += dx!), (y += dy!)]);
    const kept = simplifyLine(absolute, toleranceDeg, sx, sy);
    let px = 0;
    let py = 0;
    return kept.map(([ax, ay]) => {
      const delta = [ax! - px, ay! - py];
      px = ax!;
      py = ay!;
      return delta;
    });
  });
  return { ...topology, arcs } as CommuneTopology;
}

/** Signed-free ring area in square degrees (shoelace). */
const ringArea = (ring: Position[]) => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(s / 2);
};

export interface GeneralisedCommune {
  geometry: Polygon | MultiPolygon;
  /** Area of its largest polygon, in pixels at that zoom. */
  areaPx: number;
}

/** The communes generalised for one zoom: code → polygon with its size in pixels; collapsed rings and polygons under `minAreaPx` left out. */
export function generaliseCommunes(topology: CommuneTopology, objects: CommuneGeometryObject[], { zoom, tolerancePx = 1, minAreaPx = 1 }: GeneraliseOptions): Map<string, GeneralisedCommune> {
  const degPerPx = 360 / (TILE_PX * 2 ** zoom);
  const simplified = simplifyTopology(topology, tolerancePx * degPerPx);
  const minArea = minAreaPx * degPerPx * degPerPx;
  const out = new Map<string, GeneralisedCommune>();
  for (const object of objects) {
    const geometry = (feature(simplified, object) as Feature<Polygon | MultiPolygon>).geometry;
    const valid = (ring: Position[]) => ring.length >= 4 && ringArea(ring) > 0;
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
      .filter((rings) => valid(rings[0]!) && ringArea(rings[0]!) >= minArea)
      .map((rings) => [rings[0]!, ...rings.slice(1).filter(valid)]);
    if (polygons.length === 0) continue;
    out.set(String(object.id), {
      geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons },
      areaPx: Math.max(...polygons.map((rings) => ringArea(rings[0]!))) / (degPerPx * degPerPx),
    });
  }
  return out;
}
