/**
 * The 2SFCA accessibility index of SNP offers reported for a territory: per commune, averaged
 * over the territory and over its sub-territories, weighted by population. The index is computed
 * on every commune and offer of the database (catchments cross borders), then read for the
 * territory.
 */
import type { CommuneRef, CommuneTable, StructureRecord } from './inputs';
import { groupBySub, subLevelOf, subNameOf, type SubLevel } from './sub-territories';
import { inTerritory, type Territory } from './territory';
import type { CompleteDepartements } from './completeness';
import { twoStepFca, visitCapacities, weightedMean, type TwoStepOptions, type TwoStepResult } from './two-step-fca';

export interface AccessibilityReport {
  methode: {
    description: string;
    bandes: { jusquAKm: number; poids: number }[];
    coefficientDetour: number;
    capacites: TwoStepResult['options']['capacities'];
    unite: string;
    source: string;
  };
  population: number;
  offres: number;
  indice: number | null;
  communesSansAcces: { communes: number; population: number };
  niveau: SubLevel;
  parSousTerritoire: { code: string; nom: string; population: number; indice: number | null }[];
  /** Communes with a zero index where the SNP offer list is not complete: not known, not « sans accès ». */
  nonRenseigne: { communes: number; population: number };
  parCommune: { code: string; nom: string; departement: string; population: number; indice: number; etat: 'renseigné' | 'non_renseigne' }[];
}

const round = (v: number | null, d = 3) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

export interface AccessibilityOptions extends TwoStepOptions {
  /** Départements whose SNP offer list is complete (absent: all): a zero index elsewhere is « non renseigné ». */
  completeSnp?: CompleteDepartements;
  /** « passages »: SU weighted by their yearly visits (see two-step-fca.ts); default one unit per offer. */
  capacity?: 'offre' | 'passages';
}

export function accessibilityReport(territory: Territory, table: CommuneTable, offers: StructureRecord[], options: AccessibilityOptions = {}): AccessibilityReport {
  if (options.capacity === 'passages') offers = visitCapacities(offers);
  const known = (d: string) => !options.completeSnp || options.completeSnp.has(d);
  const all = table.list;
  const result = twoStepFca(all, offers, options);
  const { bands, detourFactor, capacities, per } = result.options;
  const members: number[] = [];
  all.forEach((c, i) => {
    if (inTerritory(territory, c)) members.push(i);
  });
  const local: CommuneRef[] = members.map((i) => all[i]!);
  const level = subLevelOf(territory);
  const groups = groupBySub(level, local);
  const zeroAll = members.filter((i) => result.index[i] === 0);
  const zero = zeroAll.filter((i) => known(all[i]!.departement));
  const unknown = zeroAll.filter((i) => !known(all[i]!.departement));
  return {
    methode: {
      description:
        "Indice à deux étapes et aires flottantes (2SFCA, méthode de l'APL de la DREES) : chaque offre partage sa capacité entre les habitants des communes de sa zone d'attraction, pondérés par la distance ; l'indice d'une commune additionne les parts des offres qu'elle atteint. " +
        `Distances routières estimées (vol d'oiseau × ${String(detourFactor).replace('.', ',')}), une minute de route comptée pour un kilomètre.`,
      bandes: bands.map((b) => ({ jusquAKm: b.maxKm, poids: round(b.weight, 4)! })),
      coefficientDetour: detourFactor,
      capacites: capacities,
      unite: `offres de soins non programmés accessibles pour ${per.toLocaleString('fr-FR')} habitants`,
      source: "Bandes par défaut : APL aux médecins généralistes (DREES, méthode révisée en 2015) — poids 1 jusqu'à 10 min, 2/3 de 10 à 15 min, 1/3 de 15 à 20 min, 0 au-delà. " +
        (options.capacity === 'passages'
          ? 'Capacité : un site d\'urgences pèse ses passages annuels (SAE 2021, DREES) rapportés à la médiane des sites ; les autres offres, 1.'
          : 'Capacité par défaut : 1 par offre (pas de données d\'activité).'),
    },
    population: local.reduce((s, c) => s + c.population, 0),
    offres: offers.length,
    indice: round(weightedMean(all, result.index, members)),
    communesSansAcces: { communes: zero.length, population: zero.reduce((s, i) => s + all[i]!.population, 0) },
    nonRenseigne: { communes: unknown.length, population: unknown.reduce((s, i) => s + all[i]!.population, 0) },
    niveau: level,
    parSousTerritoire: [...groups].map(([key, idx]) => ({
      code: key, nom: subNameOf(level, key, table),
      population: idx.reduce((s, i) => s + local[i]!.population, 0),
      indice: round(weightedMean(all, result.index, idx.map((i) => members[i]!))),
    })),
    parCommune: members.map((i) => ({
      code: all[i]!.code, nom: all[i]!.nom, departement: all[i]!.departement, population: all[i]!.population, indice: round(result.index[i]!)!,
      etat: result.index[i] === 0 && !known(all[i]!.departement) ? 'non_renseigne' as const : 'renseigné' as const,
    })),
  };
}
