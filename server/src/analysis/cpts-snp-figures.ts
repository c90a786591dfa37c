/**
 * The soins non programmés figures of a CPTS page, for every commune the CPTS lists (whatever its
 * département): its SNP offers, the population-weighted estimated road distance from its communes
 * to the nearest offer (offers anywhere count, across borders), and the population beyond the
 * threshold (default 30 km, or no offer at all). A commune without any reachable offer is counted
 * beyond the threshold and left out of the mean (its distance is not known, not zero).
 */
import { distanceMethod } from './distance';
import type { CommuneTable, CptsRecord, StructureRecord } from './inputs';
import { snpAccess } from './snp-access';
import { isSnpOffer } from './snp-offers';

export interface CptsSnpFigures {
  communes: number;
  departements: string[];
  population: number;
  offresSurTerritoire: { id: string; nom: string; type: string; commune: string; demonstration: boolean }[];
  /**
   * Offers of a city the CPTS lists only some arrondissements of (Marseille): their arrondissement is
   * not known, so they are not counted on its territory — listed apart, never as the whole city's for each CPTS.
   */
  offresDesVillesEnPartie: { id: string; nom: string; type: string; commune: string; demonstration: boolean }[];
  /** Population-weighted mean over the communes with an offer somewhere (null: none). */
  distanceMoyenneKm: number | null;
  auDelaDuSeuil: { seuilKm: number; population: number; part: number | null; communes: number };
  methode: ReturnType<typeof distanceMethod>;
  donneesDemonstration: boolean;
}

export function cptsSnpFigures(cpts: CptsRecord, table: CommuneTable, structures: StructureRecord[], { thresholdKm = 30 } = {}): CptsSnpFigures {
  const members = cpts.communes.map((m) => table.byCode.get(m.code)).filter((x) => x !== undefined);
  const inside = new Set(members.map((m) => m.code));
  const offers = structures.filter(isSnpOffer);
  const access = snpAccess(members, offers, structures, { thresholdKm });
  const known = access.parCommune.filter((r) => r.distanceRouteKm !== null);
  const knownPopulation = known.reduce((s, r) => s + r.population, 0);
  const local = offers.filter((o) => inside.has(o.commune));
  const cities = new Set(members.flatMap((m) => (m.arrondissementOf && !inside.has(m.arrondissementOf) ? [m.arrondissementOf] : [])));
  const inCities = offers.filter((o) => cities.has(o.commune));
  const item = (o: StructureRecord) => ({ id: o.id, nom: o.name, type: o.kind, commune: o.commune, demonstration: o.demo });
  const byId = new Map(offers.map((o) => [o.id, o]));
  return {
    communes: members.length,
    departements: [...new Set(members.map((m) => m.departement))].sort(),
    population: access.population,
    offresSurTerritoire: local.map(item),
    offresDesVillesEnPartie: inCities.map(item),
    distanceMoyenneKm: knownPopulation > 0 ? Math.round((known.reduce((s, r) => s + r.distanceRouteKm! * r.population, 0) / knownPopulation) * 10) / 10 : null,
    auDelaDuSeuil: { seuilKm: thresholdKm, population: access.auDelaDuSeuil.population, part: access.auDelaDuSeuil.part, communes: access.auDelaDuSeuil.communes },
    methode: access.methode,
    donneesDemonstration: local.some((o) => o.demo) || access.parCommune.some((r) => r.offre !== null && byId.get(r.offre.id)?.demo === true),
  };
}
