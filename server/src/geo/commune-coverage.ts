/**
 * How much of each commune a drawn perimeter covers (CPTS perimeters drawn in a GIS): the area of
 * commune ∩ perimeter over the commune's area, computed with one turf intersection per candidate
 * commune (candidates pre-selected by bounding box) — never a union fold. Pure: no SQL, no HTTP.
 */
import { area, bbox as turfBbox, feature, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BBox } from './france-extent';
import type { Polygonal } from './validate-geometry';

export interface CandidateCommune {
  code: string;
  geometry: Polygonal;
}

export interface CommuneShare {
  code: string;
  /** Covered fraction of the commune's area, 0–1, rounded to 1e-4. */
  share: number;
}

export interface CoverageOptions {
  /** Shares below this are digitising noise along a shared border, left out (default 0.01). */
  minShare?: number;
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Shares of the candidates the perimeter covers (≥ minShare), sorted by commune code. */
export function communeShares(perimeter: Polygonal, candidates: CandidateCommune[], { minShare = 0.01 }: CoverageOptions = {}): CommuneShare[] {
  const perimeterFeature = feature(perimeter) as Feature<Polygon | MultiPolygon>;
  const box = turfBbox(perimeterFeature) as BBox;
  const shares: CommuneShare[] = [];
  for (const c of candidates) {
    const communeFeature = feature(c.geometry) as Feature<Polygon | MultiPolygon>;
    if (!overlaps(box, turfBbox(communeFeature) as BBox)) continue;
    const inter = intersect(featureCollection([perimeterFeature, communeFeature]));
    if (!inter) continue;
    const share = area(inter) / area(communeFeature);
    if (share >= minShare) shares.push({ code: c.code, share: Math.min(1, Math.round(share * 1e4) / 1e4) });
  }
  return shares.sort((a, b) => (a.code < b.code ? -1 : 1));
}

export interface CoverageThresholds {
  /** From this share a commune is assigned to the perimeter (default 0.5). */
  assign?: number;
  /** From this share an assigned commune is covered « entière » (default 0.99). */
  whole?: number;
}

export type ShareClass = 'entière' | 'partielle' | 'non retenue';

export function classifyShare(share: number, { assign = 0.5, whole = 0.99 }: CoverageThresholds = {}): ShareClass {
  if (share >= whole) return 'entière';
  return share >= assign ? 'partielle' : 'non retenue';
}
