/**
 * The figures of each CPTS retained by a coverage: its communes (and arrondissements) in the
 * territory and in all, and the population it counts — a commune shared by N CPTS for its share
 * (population-shares.ts), so that the CPTS of a région never add up to more than the population
 * they cover; how much of it is shared is said apart. Sorted by name.
 */
import { compareCodes, compareNames } from './compare';
import type { CommuneCoverage, CptsSummary } from './cpts-coverage';
import type { CommuneRef, CptsRecord } from './inputs';
import { shareOf } from './population-shares';

export function cptsSummaries(
  kept: CptsRecord[],
  unitsOfCpts: Map<string, CommuneRef[]>,
  byCommune: Map<CommuneRef, CommuneCoverage['cpts']>,
  inTerritory: Set<CommuneRef>,
): CptsSummary[] {
  const summaries: CptsSummary[] = [];
  for (const c of kept) {
    let communesTerritoire = 0;
    let populationTerritoire = 0;
    let populationTotal = 0;
    let communesPartagees = 0;
    let populationPartagee = 0;
    const mine = unitsOfCpts.get(c.id)!;
    for (const u of mine) {
      const list = byCommune.get(u)!;
      const share = list.length === 1 ? u.population : shareOf(u.population, list.length, list.findIndex((e) => e.id === c.id));
      populationTotal += share;
      if (list.length > 1) {
        communesPartagees++;
        populationPartagee += share;
      }
      if (inTerritory.has(u)) {
        communesTerritoire++;
        populationTerritoire += share;
      }
    }
    if (communesTerritoire === 0) continue;
    summaries.push({
      id: c.id, nom: c.name, statut: c.status, demo: c.demo, dateStatut: c.statusDate ?? null, communesTerritoire, populationTerritoire,
      communesTotal: mine.length, populationTotal, communesPartagees, populationPartagee,
    });
  }
  return summaries.sort((a, b) => compareNames(a.nom, b.nom) || compareCodes(a.id, b.id));
}
