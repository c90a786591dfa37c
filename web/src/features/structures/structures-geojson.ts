/** Structures as a flat GeoJSON collection for a clustered MapLibre source (nested properties flattened). */
import type { FeatureCollection, Point } from 'geojson';
import type { StructureFeature } from './api/list-structures';

export interface StructureFilter {
  /** Kinds shown (null: all). */
  kinds: string[] | null;
  /** Only these structure ids (a protocol's deployments), null: no restriction. */
  only: Set<string> | null;
}

export function keepStructure(f: StructureFeature, { kinds, only }: StructureFilter): boolean {
  return (!kinds || kinds.includes(f.properties.categorie)) && (!only || only.has(f.properties.id));
}

export function structuresGeoJson(features: StructureFeature[], filter: StructureFilter): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: features.filter((f) => keepStructure(f, filter)).map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        id: f.properties.id, categorie: f.properties.categorie, nom: f.properties.nom, etat: f.properties.ouverture.etat, demonstration: f.properties.demonstration,
        // Emergency sites' yearly visits, for the « taille selon les passages » option (absent when unknown).
        ...(f.properties.passagesParAn !== null && f.properties.passagesParAn !== undefined ? { passagesParAn: f.properties.passagesParAn } : {}),
      },
    })),
  };
}
