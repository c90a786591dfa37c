/**
 * RFC 7946 winding (right-hand rule): exterior rings counter-clockwise, holes clockwise, in
 * lon/lat. Returns a new geometry; rings already right are copied as they are.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringSignedArea } from './validate-geometry';

const oriented = (ring: Position[], ccw: boolean) => (ringSignedArea(ring) > 0 === ccw ? ring : [...ring].reverse());
const rewindRings = (rings: Position[][]) => rings.map((ring, i) => oriented(ring, i === 0));

export function rewindRfc7946<G extends Polygon | MultiPolygon>(geometry: G): G {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: rewindRings(geometry.coordinates) };
  return { ...geometry, coordinates: geometry.coordinates.map(rewindRings) } as G;
}

/** Is every exterior ring counter-clockwise and every hole clockwise? */
export function followsRightHandRule(geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.every((rings) => rings.every((ring, i) => ringSignedArea(ring) > 0 === (i === 0)));
}
