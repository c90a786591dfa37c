/** CSV tables and GeoJSON layers of the access endpoints (SNP distance and 2SFCA index). */
import type { AccessibilityReport } from '../analysis/accessibility-report';
import type { StructureRecord } from '../analysis/inputs';
import { UNKNOWN_BAND, type SnpAccess } from '../analysis/snp-access';
import { toCsv } from '../lib/csv';
import { featureCollectionText, type TextFeature } from '../lib/geojson-text';

export function snpCsv(result: SnpAccess, table: 'communes' | 'su-sans-mmg' | 'au-dela-du-seuil'): string {
  if (table === 'au-dela-du-seuil') {
    return toCsv([
      { header: 'code_commune', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom }, { header: 'population', value: (r) => r.population },
      { header: 'distance_route_estimee_km', value: (r) => r.distanceRouteKm }, { header: 'seuil_km', value: () => result.auDelaDuSeuil.seuilKm },
    ], result.auDelaDuSeuil.liste);
  }
  if (table === 'su-sans-mmg') {
    return toCsv([
      { header: 'id_su', value: (r) => r.id }, { header: 'nom', value: (r) => r.nom }, { header: 'code_commune', value: (r) => r.commune },
      { header: 'mmg_la_plus_proche', value: (r) => r.mmgLaPlusProche?.nom }, { header: 'distance_route_estimee_km', value: (r) => r.mmgLaPlusProche?.distanceRouteKm },
      { header: 'seuil_km', value: () => result.suSansMmg.seuilKm },
    ], result.suSansMmg.liste);
  }
  return toCsv([
    { header: 'code_commune', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom }, { header: 'departement', value: (r) => r.departement },
    { header: 'population', value: (r) => r.population }, { header: 'distance_vol_oiseau_km', value: (r) => r.distanceVolOiseauKm },
    { header: 'distance_route_estimee_km', value: (r) => r.distanceRouteKm }, { header: 'bande', value: (r) => r.bande },
    {
      header: 'au_dela_du_seuil',
      value: (r) => (r.bande === UNKNOWN_BAND ? 'non renseigné' : r.distanceRouteKm === null || r.distanceRouteKm > result.auDelaDuSeuil.seuilKm),
    },
    { header: 'distance_maximale', value: (r) => r.distanceMaximale },
    { header: 'offre_id', value: (r) => r.offre?.id }, { header: 'offre_nom', value: (r) => r.offre?.nom },
    { header: 'offre_type', value: (r) => r.offre?.type }, { header: 'offre_commune', value: (r) => r.offre?.commune },
    { header: 'coefficient_detour', value: () => result.methode.coefficientDetour },
  ], result.parCommune);
}

export function accessibilityCsv(report: AccessibilityReport, table: 'communes' | 'sous-territoires'): string {
  if (table === 'sous-territoires') {
    return toCsv([
      { header: 'niveau', value: () => report.niveau }, { header: 'code', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom },
      { header: 'population', value: (r) => r.population }, { header: 'indice_pour_100000', value: (r) => r.indice },
    ], report.parSousTerritoire);
  }
  return toCsv([
    { header: 'code_commune', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom }, { header: 'departement', value: (r) => r.departement },
    { header: 'population', value: (r) => r.population }, { header: 'indice_pour_100000', value: (r) => r.indice },
    { header: 'etat', value: (r) => (r.etat === 'non_renseigne' ? 'non renseigné' : 'renseigné') },
  ], report.parCommune);
}

/** Commune polygons (stored text) with properties, then offers as points. */
export function communeLayerText(
  rows: { code: string; properties: Record<string, unknown> }[],
  geometries: Map<string, string | null>,
  offers: StructureRecord[],
  meta: Record<string, unknown>,
): string {
  const features: TextFeature[] = rows.map((r) => ({ id: r.code, properties: { couche: 'commune', ...r.properties }, geometry: geometries.get(r.code) ?? null }));
  for (const o of offers) {
    features.push({
      id: `offre:${o.id}`,
      properties: { couche: 'offre', id: o.id, nom: o.name, type: o.kind, code_commune: o.commune, horaires: o.openingHours, demonstration: o.demo },
      geometry: { type: 'Point', coordinates: [o.lon, o.lat] },
    });
  }
  return featureCollectionText(features, meta);
}
