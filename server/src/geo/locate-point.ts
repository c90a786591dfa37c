/**
 * Where a structure's coordinates fall with respect to the commune it declares: in it, elsewhere
 * in its département (a neighbouring commune), or outside its département (at sea, another
 * département, the wrong projection). Pure: the polygons are handed in by the caller.
 */
import { booleanPointInPolygon, bbox as turfBbox } from '@turf/turf';
import type { BBox } from './france-extent';
import type { Polygonal } from './validate-geometry';

export interface Shape {
  code: string;
  nom: string;
  departement: string;
  geometry: Polygonal;
}

export type Placement =
  | { where: 'commune' }
  | { where: 'departement'; commune: { code: string; nom: string } }
  | { where: 'dehors'; commune: { code: string; nom: string; departement: string } | null };

const boxes = new WeakMap<Polygonal, BBox>();

export function contains(shape: Polygonal, lon: number, lat: number): boolean {
  let box = boxes.get(shape);
  if (!box) {
    box = turfBbox(shape) as BBox;
    boxes.set(shape, box);
  }
  if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) return false;
  return booleanPointInPolygon([lon, lat], shape);
}

/**
 * Placement of a point that is not in its declared commune's polygon, among the polygons whose
 * bounding box contains it (any département).
 */
export function placeAmong(lon: number, lat: number, departement: string, nearby: Shape[]): Exclude<Placement, { where: 'commune' }> {
  const hit = nearby.find((s) => contains(s.geometry, lon, lat));
  if (hit && hit.departement === departement) return { where: 'departement', commune: { code: hit.code, nom: hit.nom } };
  return { where: 'dehors', commune: hit ? { code: hit.code, nom: hit.nom, departement: hit.departement } : null };
}
