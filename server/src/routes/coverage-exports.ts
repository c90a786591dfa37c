/** CSV tables and GeoJSON layers of the coverage endpoints (CPTS and SAS). */
import type { CptsLayer, CptsReport } from '../analysis/cpts-report';
import type { PerimeterFeature } from '../analysis/perimeter';
import type { SasCoverage } from '../analysis/sas-coverage';
import { toCsv } from '../lib/csv';
import { featureCollectionText } from '../lib/geojson-text';

export type CptsTable = 'communes' | 'cpts' | 'chevauchements' | 'partagees' | 'zones-blanches';

export function cptsCsv(report: CptsReport, table: CptsTable): string {
  if (table === 'zones-blanches') {
    const enclosed = new Set(report.zonesBlanchesEnclavees.map((e) => e.code));
    return toCsv([
      { header: 'code_commune', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom }, { header: 'departement', value: (r) => r.departement },
      { header: 'population', value: (r) => r.population }, { header: 'enclavee', value: (r) => enclosed.has(r.code) },
    ], report.zonesBlanches);
  }
  if (table === 'partagees') {
    return toCsv([
      { header: 'code_commune', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom }, { header: 'arrondissement_de', value: (r) => r.arrondissementDe },
      { header: 'population', value: (r) => r.population }, { header: 'partagee_entre', value: (r) => r.partageeEntre },
      { header: 'cpts', value: (r) => r.cpts.map((x) => x.nom).join(' | ') },
    ], report.partagees);
  }
  if (table === 'cpts') {
    return toCsv([
      { header: 'id', value: (r) => r.id }, { header: 'nom', value: (r) => r.nom }, { header: 'statut', value: (r) => r.statut },
      { header: 'communes_dans_territoire', value: (r) => r.communesTerritoire }, { header: 'population_dans_territoire', value: (r) => r.populationTerritoire },
      { header: 'communes_total', value: (r) => r.communesTotal }, { header: 'population_total', value: (r) => r.populationTotal },
      { header: 'communes_partagees', value: (r) => r.communesPartagees }, { header: 'population_partagee', value: (r) => r.populationPartagee },
      { header: 'composantes', value: (r) => r.composantes }, { header: 'parties', value: (r) => r.parties },
      { header: 'communes_en_enclave', value: (r) => r.enclaves.flatMap((e) => e.communes).join(' ') }, { header: 'demonstration', value: (r) => r.demo },
    ], report.cpts);
  }
  if (table === 'chevauchements') {
    return toCsv([
      { header: 'code_commune', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom }, { header: 'population', value: (r) => r.population },
      { header: 'nombre_cpts', value: (r) => r.cpts.length },
      { header: 'cpts', value: (r) => r.cpts.map((x) => x.nom).join(' | ') },
    ], report.chevauchements);
  }
  return toCsv([
    { header: 'code_commune', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom }, { header: 'departement', value: (r) => r.departement },
    { header: 'epci', value: (r) => r.epci }, { header: 'population', value: (r) => r.population }, { header: 'arrondissement_de', value: (r) => r.arrondissementDe },
    { header: 'couverte', value: (r) => (r.etat === 'non_renseigne' ? 'non renseigné' : r.couverture !== null) },
    { header: 'couverture', value: (r) => r.couverture ?? (r.etat === 'non_renseigne' ? 'non renseigné' : 'aucune') },
    { header: 'nombre_cpts', value: (r) => r.cpts.length }, { header: 'cpts', value: (r) => r.cpts.map((x) => x.nom).join(' | ') },
    { header: 'cpts_id', value: (r) => r.cpts.map((x) => x.id).join(' | ') }, { header: 'etat', value: (r) => r.etat },
  ], report.parCommune);
}

export function cptsGeojson(layers: { layer: CptsLayer; id: string; nom: string; feature: PerimeterFeature }[], report: CptsReport, meta: Record<string, unknown>): string {
  const byId = new Map(report.cpts.map((e) => [e.id, e]));
  return featureCollectionText(
    layers.filter((l) => l.feature.geometry.coordinates.length > 0).map((l) => {
      const e = byId.get(l.id);
      const p = l.feature.properties;
      return {
        id: `${l.layer}:${l.id}`,
        properties: {
          couche: l.layer, id: l.id, nom: l.nom, communes: p.communes, population: p.population, area_km2: p.area_km2, parties: p.parties,
          ...(e ? { statut: e.statut, composantes: e.composantes, demonstration: e.demo } : {}),
          geometries_approchees: p.geometries_approchees.map((g) => g.code).join(' '),
        },
        geometry: l.feature.geometry,
      };
    }),
    meta,
  );
}

export function sasCsv(result: SasCoverage): string {
  return toCsv([
    { header: 'code_departement', value: (r) => r.code }, { header: 'nom', value: (r) => r.nom }, { header: 'region', value: (r) => r.region },
    { header: 'population', value: (r) => r.population }, { header: 'statut_sas', value: (r) => r.statut }, { header: 'debut', value: (r) => r.debut },
    { header: 'etat_a_la_date', value: (r) => r.etat }, { header: 'date_de_debut_inconnue', value: (r) => r.dateInconnue },
    { header: 'filieres', value: (r) => r.filieres.join(' | ') }, { header: 'date', value: () => result.date }, { header: 'demonstration', value: (r) => r.demo },
  ], result.departements);
}

export function sasGeojson(result: SasCoverage, geometries: Map<string, PerimeterFeature>, meta: Record<string, unknown>): string {
  return featureCollectionText(
    result.departements.map((d) => ({
      id: `departement:${d.code}`,
      properties: { code: d.code, nom: d.nom, population: d.population, statut: d.statut, debut: d.debut, etat: d.etat, date_inconnue: d.dateInconnue, filieres: d.filieres.join(' | '), date: result.date },
      geometry: geometries.get(d.code)?.geometry ?? null,
    })),
    meta,
  );
}
