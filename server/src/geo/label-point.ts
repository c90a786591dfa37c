/**
 * Label point of a polygonal geometry: the pole of inaccessibility (polylabel) of its largest
 * part, computed in a local equirectangular frame (x scaled by cos(latitude)) so that "farthest
 * from the edge" is measured in comparable units east-west and north-south.
 */
import polylabel from 'polylabel';
import type { Position } from 'geojson';
import { polygonsOf, ringSignedArea, type Polygonal } from './validate-geometry';

export interface LabelPointOptions {
  /** Precision in metres of the search (default 10 m). */
  precisionMeters?: number;
}

const METERS_PER_DEGREE = 111_320;

export function labelPoint(geometry: Polygonal, { precisionMeters = 10 }: LabelPointOptions = {}): [number, number] {
  const polygons = polygonsOf(geometry);
  if (polygons.length === 0) throw new Error('labelPoint : géométrie vide');
  let largest = polygons[0]!;
  let largestArea = -1;
  for (const rings of polygons) {
    const area = Math.abs(ringSignedArea(rings[0]!));
    if (area > largestArea) {
      largest = rings;
      largestArea = area;
    }
  }
  const lat0 = largest[0]!.reduce((s, p) => s + p[1]!, 0) / largest[0]!.length;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const projected: Position[][] = largest.map((ring) => ring.map(([x, y]) => [x! * kx, y!]));
  const [px, py] = polylabel(projected as [number, number][][], precisionMeters / METERS_PER_DEGREE);
  return [px! / kx, py!];
}
