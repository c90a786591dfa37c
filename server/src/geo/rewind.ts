/**
 * RFC 7946 winding (right-hand rule): exterior rings counter-clockwise, holes clockwise, in
 * lon/lat. The commune polygons of the build and every dissolve already follow it; exports are
 * checked against it.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { ringSignedArea } from './validate-geometry';

/** Is every exterior ring counter-clockwise and every hole clockwise? */
export function followsRightHandRule(geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.every((rings) => rings.every((ring, i) => ringSignedArea(ring) > 0 === (i === 0)));
}
