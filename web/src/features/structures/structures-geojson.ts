/**
 * Structures as a flat GeoJSON collection for a clustered MapLibre source (nested properties
 * flattened). Structures placed at the same point (FINESS often gives a commune's point) keep
 * their true geometry — the popup and the card list them there — but carry a screen offset
 * (`decalage`, pixels, read by the symbol layer's `icon-offset`) that spreads them on a small
 * circle around that point, so that each one is drawn as its own symbol.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { StructureFeature } from './api/list-structures';

export interface StructureFilter {
  /** Kinds shown (null: all). */
  kinds: string[] | null;
  /** Only these structure ids (a protocol's deployments), null: no restriction. */
  only: Set<string> | null;
}

export interface SpreadOptions {
  /** Width of one symbol in pixels: neighbours on the circle are at least this far apart (default 24, a 22 px icon and a gap). */
  symbolSize?: number;
}

export function keepStructure(f: StructureFeature, { kinds, only }: StructureFilter): boolean {
  return (!kinds || kinds.includes(f.properties.categorie)) && (!only || only.has(f.properties.id));
}

/**
 * Screen offsets (pixels, [x, y], y down) of `n` symbols sharing one point: none for a lone one;
 * otherwise evenly on a circle starting at the top, whose radius keeps neighbours `symbolSize`
 * apart (chord 2 r sin(π / n)) and at least `symbolSize` / 2 + 2 from the point itself.
 */
export function spreadOffsets(n: number, { symbolSize = 24 }: SpreadOptions = {}): [number, number][] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`nombre de symboles ${n} invalide : entier ≥ 1 attendu`);
  if (!(symbolSize > 0)) throw new Error(`taille de symbole ${symbolSize} invalide : nombre > 0 attendu`);
  if (n === 1) return [[0, 0]];
  const r = Math.max(symbolSize / 2 + 2, symbolSize / (2 * Math.sin(Math.PI / n)));
  const round = (v: number) => Math.round(v * 10) / 10 || 0;
  return Array.from({ length: n }, (_, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [round(r * Math.cos(a)), round(r * Math.sin(a))];
  });
}

export function structuresGeoJson(features: StructureFeature[], filter: StructureFilter, options: SpreadOptions = {}): FeatureCollection<Point> {
  const kept = features.filter((f) => keepStructure(f, filter));
  // Symbols drawn at one point, in a stable order (by id), each with its place on the circle.
  const atPoint = new Map<string, string[]>();
  for (const f of kept) {
    const key = f.geometry.coordinates.join(',');
    atPoint.set(key, [...(atPoint.get(key) ?? []), f.properties.id]);
  }
  const offsetOf = new Map<string, [number, number]>();
  for (const ids of atPoint.values()) {
    if (ids.length < 2) continue;
    const sorted = [...ids].sort();
    spreadOffsets(sorted.length, options).forEach((o, i) => offsetOf.set(sorted[i]!, o));
  }
  return {
    type: 'FeatureCollection',
    features: kept.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        id: f.properties.id, categorie: f.properties.categorie, nom: f.properties.nom, etat: f.properties.ouverture.etat, demonstration: f.properties.demonstration,
        // Emergency sites' yearly visits, for the « taille selon les passages » option (absent when unknown).
        ...(f.properties.passagesParAn !== null && f.properties.passagesParAn !== undefined ? { passagesParAn: f.properties.passagesParAn } : {}),
        ...(offsetOf.has(f.properties.id) ? { decalage: offsetOf.get(f.properties.id)! } : {}),
      },
    })),
  };
}
