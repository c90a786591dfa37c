/**
 * Checks that a structure's coordinates lie in its département: first in its commune's polygon
 * (loaded once for every commune of the file), then, for the few that are not, among the
 * communes around the point. Coordinates at sea or in another département are refused.
 */
import type { Database } from '../db/connection';
import { communeShapes, communeShapesInBox, type CommuneRef } from '../db/import-queries';
import { contains, placeAmong, type Placement, type Shape } from '../geo/locate-point';
import type { Polygonal } from '../geo/validate-geometry';

export interface PointToCheck {
  key: string;
  lon: number;
  lat: number;
  commune: CommuneRef;
}

const toShape = (r: { code: string; nom: string; departement: string; geometry: string }): Shape => ({
  code: r.code, nom: r.nom, departement: r.departement, geometry: JSON.parse(r.geometry) as Polygonal,
});

/**
 * Communes whose polygons are loaded at once: bounds memory on a national file, and the time the
 * request thread spends turning one answer into rows (the preparation runs on a worker thread, its
 * reads on the request thread: ~1 ms for 500 polygons of France, 16–60 ms for 2 000).
 */
const BATCH = 500;

export async function checkPlacements(db: Database, points: PointToCheck[]): Promise<Map<string, Placement>> {
  const polygonOf = (c: CommuneRef) => c.containedIn ?? c.code;
  const byPolygon = new Map<string, PointToCheck[]>();
  for (const p of points) {
    const code = polygonOf(p.commune);
    const list = byPolygon.get(code);
    if (list) list.push(p);
    else byPolygon.set(code, [p]);
  }
  const codes = [...byPolygon.keys()].sort();
  const out = new Map<string, Placement>();
  const misplaced: PointToCheck[] = [];
  for (let i = 0; i < codes.length; i += BATCH) {
    const batch = codes.slice(i, i + BATCH);
    const shapes = new Map((await communeShapes(db, batch)).map((r) => [r.code, toShape(r)]));
    for (const code of batch) {
      const own = shapes.get(code);
      for (const p of byPolygon.get(code)!) {
        if (own && contains(own.geometry, p.lon, p.lat)) out.set(p.key, { where: 'commune' });
        else misplaced.push(p);
      }
    }
  }
  for (const p of misplaced) {
    const nearby = (await communeShapesInBox(db, [p.lon, p.lat, p.lon, p.lat])).map(toShape);
    out.set(p.key, placeAmong(p.lon, p.lat, p.commune.departement, nearby));
  }
  return out;
}

/** The French reason for refusing coordinates placed `dehors`; a note for a neighbouring commune. */
export function placementMessage(placement: Placement, p: { lon: number; lat: number; commune: CommuneRef }): string | null {
  const at = `(${p.lon.toFixed(5)}, ${p.lat.toFixed(5)})`;
  if (placement.where === 'commune') return null;
  if (placement.where === 'departement') {
    return `position ${at} dans la commune voisine ${placement.commune.nom} (${placement.commune.code}), pas dans ${p.commune.nom} (${p.commune.code})`;
  }
  return placement.commune
    ? `coordonnées ${at} hors du département ${p.commune.departement} de la commune ${p.commune.code} (${p.commune.nom}) : elles tombent à ${placement.commune.nom} (${placement.commune.departement})`
    : `coordonnées ${at} hors du département ${p.commune.departement} de la commune ${p.commune.code} (${p.commune.nom}) : en mer ou hors du territoire`;
}
