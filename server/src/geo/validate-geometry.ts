/**
 * Structural checks of a polygonal GeoJSON geometry: every ring closed, at least 4 positions,
 * finite coordinates inside an envelope, non-zero area. Returns French messages, empty when valid.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { inBBox, type BBox } from './france-extent';

export type Polygonal = Polygon | MultiPolygon;

export function polygonsOf(geometry: Polygonal): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Planar signed area (shoelace, square degrees); positive for counter-clockwise rings. */
export function ringSignedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return sum / 2;
}

export function validateGeometry(geometry: unknown, envelope: BBox): string[] {
  const g = geometry as Polygonal | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
    return [`géométrie absente ou non polygonale (${g?.type ?? 'aucune'})`];
  }
  const problems: string[] = [];
  const polygons = polygonsOf(g);
  if (polygons.length === 0) problems.push('multipolygone vide');
  polygons.forEach((rings, p) => {
    if (!Array.isArray(rings) || rings.length === 0) {
      problems.push(`polygone ${p + 1} sans anneau`);
      return;
    }
    rings.forEach((ring, r) => {
      const where = `polygone ${p + 1}, anneau ${r + 1}`;
      if (!Array.isArray(ring) || ring.length < 4) {
        problems.push(`${where} : moins de 4 positions`);
        return;
      }
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${where} : anneau non fermé`);
      const outside = ring.find(
        (pos) => !Number.isFinite(pos[0]) || !Number.isFinite(pos[1]) || !inBBox(pos[0]!, pos[1]!, envelope),
      );
      if (outside) problems.push(`${where} : coordonnée hors de France (${outside[0]}, ${outside[1]})`);
      if (ringSignedArea(ring) === 0) problems.push(`${where} : aire nulle`);
    });
  });
  return problems;
}
