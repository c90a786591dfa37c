/**
 * The CPTS whose perimeter is not known (no commune listed: a CPTS of FINESS category 604 until its
 * communes are imported, or one its source names without communes) as points at their seat — the
 * FINESS address when known, else the seat commune's point — for the map. The status filter of the
 * CPTS layer applies to them too. They cover no one: the coverage never counts them.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { CptsItem } from '../cpts/api/list-cpts';

export interface CptsSeatProperties {
  id: string;
  nom: string;
  statut: string;
  precision: 'adresse' | 'commune';
  adresse: string | null;
  commune: string | null;
  finess: string | null;
  demonstration: boolean;
}

export function cptsSeatsGeoJson(cpts: readonly CptsItem[], statuses: readonly string[] | null): FeatureCollection<Point, CptsSeatProperties> {
  return {
    type: 'FeatureCollection',
    features: cpts
      .filter((c) => c.perimetre === 'non renseigné' && c.siege?.position && (!statuses || statuses.includes(c.statut)))
      .map((c) => ({
        type: 'Feature' as const,
        id: c.id,
        geometry: { type: 'Point' as const, coordinates: [c.siege!.position!.lon, c.siege!.position!.lat] },
        properties: {
          id: c.id, nom: c.nom, statut: c.statut, precision: c.siege!.position!.precision, adresse: c.siege!.adresse, commune: c.siege!.nom,
          finess: c.finess, demonstration: c.demonstration,
        },
      })),
  };
}
