/**
 * CPTS coverage of a territory: population and communes covered by at least one CPTS of the
 * chosen statuses, zones blanches (communes in none), overlaps (communes in two or more).
 *
 * A commune the source says is only partly covered (« partielle », e.g. Nantes shared between
 * CPTS by quartiers) counts as covered: communes are the finest unit we have. The output gives
 * the population of such communes apart so that nobody mistakes it for full coverage.
 * Covered + uncovered = total population, exactly (integers, each commune counted once).
 */
import type { CommuneRef, CptsRecord, CptsStatus } from './inputs';

export type CptsStatusFilter = 'all' | 'projet' | 'aci';

export const STATUSES_OF_FILTER: Record<CptsStatusFilter, CptsStatus[]> = {
  all: ['pré-projet', 'projet de santé', 'ACI signé'],
  projet: ['projet de santé', 'ACI signé'],
  aci: ['ACI signé'],
};

export interface CptsCoverageOptions {
  /** Which CPTS count (default 'all'): all, « projet de santé » and beyond, « ACI signé » only. */
  status?: CptsStatusFilter;
}

export interface CommuneCoverage {
  code: string;
  nom: string;
  departement: string;
  epci: string | null;
  population: number;
  /** 'entière' if one CPTS covers it entirely, 'partielle' if only partly, null in a zone blanche. */
  couverture: 'entière' | 'partielle' | null;
  cpts: { id: string; nom: string; couverture: 'entière' | 'partielle' }[];
}

export interface CptsSummary {
  id: string;
  nom: string;
  statut: CptsStatus;
  demo: boolean;
  communesTerritoire: number;
  populationTerritoire: number;
  communesTotal: number;
  populationTotal: number;
}

export interface CptsCoverage {
  statut: CptsStatusFilter;
  statutsRetenus: CptsStatus[];
  population: { totale: number; couverte: number; nonCouverte: number; couvertePartiellement: number; part: number | null };
  communes: { total: number; couvertes: number; nonCouvertes: number; partielles: number; enChevauchement: number };
  parCommune: CommuneCoverage[];
  zonesBlanches: { code: string; nom: string; departement: string; population: number }[];
  chevauchements: { code: string; nom: string; population: number; toutesPartielles: boolean; cpts: { id: string; nom: string }[] }[];
  cpts: CptsSummary[];
  /** Codes named by a CPTS but absent from the reference geography. */
  communesInconnues: { cpts: string; code: string }[];
  donneesDemonstration: boolean;
}

export function cptsCoverage(
  territory: CommuneRef[],
  all: Map<string, CommuneRef>,
  cpts: CptsRecord[],
  { status = 'all' }: CptsCoverageOptions = {},
): CptsCoverage {
  const statuses = STATUSES_OF_FILTER[status];
  if (!statuses) throw new RangeError(`filtre de statut « ${status} » inconnu (all, projet ou aci)`);
  const kept = cpts.filter((c) => statuses.includes(c.status));
  const byCommune = new Map<string, CommuneCoverage['cpts']>();
  const unknown: CptsCoverage['communesInconnues'] = [];
  for (const c of kept) {
    for (const m of c.communes) {
      if (!all.has(m.code)) {
        unknown.push({ cpts: c.id, code: m.code });
        continue;
      }
      (byCommune.get(m.code) ?? byCommune.set(m.code, []).get(m.code)!).push({ id: c.id, nom: c.name, couverture: m.coverage });
    }
  }
  const inTerritory = new Set(territory.map((c) => c.code));
  const parCommune: CommuneCoverage[] = territory.map((c) => {
    const list = byCommune.get(c.code) ?? [];
    const couverture = list.length === 0 ? null : list.some((x) => x.couverture === 'entière') ? 'entière' : 'partielle';
    return { code: c.code, nom: c.nom, departement: c.departement, epci: c.epci, population: c.population, couverture, cpts: list };
  });
  let total = 0;
  let covered = 0;
  let partial = 0;
  let partialCommunes = 0;
  for (const c of parCommune) {
    total += c.population;
    if (c.couverture) covered += c.population;
    if (c.couverture === 'partielle') {
      partial += c.population;
      partialCommunes++;
    }
  }
  const zonesBlanches = parCommune.filter((c) => !c.couverture).map(({ code, nom, departement, population }) => ({ code, nom, departement, population }));
  const chevauchements = parCommune
    .filter((c) => c.cpts.length >= 2)
    .map((c) => ({ code: c.code, nom: c.nom, population: c.population, toutesPartielles: c.cpts.every((x) => x.couverture === 'partielle'), cpts: c.cpts.map(({ id, nom }) => ({ id, nom })) }));
  const summaries: CptsSummary[] = kept
    .map((c) => {
      const known = c.communes.filter((m) => all.has(m.code));
      const local = known.filter((m) => inTerritory.has(m.code));
      const pop = (list: typeof known) => list.reduce((s, m) => s + all.get(m.code)!.population, 0);
      return {
        id: c.id, nom: c.name, statut: c.status, demo: c.demo,
        communesTerritoire: local.length, populationTerritoire: pop(local),
        communesTotal: known.length, populationTotal: pop(known),
      };
    })
    .filter((s) => s.communesTerritoire > 0)
    .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  return {
    statut: status,
    statutsRetenus: statuses,
    population: { totale: total, couverte: covered, nonCouverte: total - covered, couvertePartiellement: partial, part: total > 0 ? covered / total : null },
    communes: {
      total: parCommune.length,
      couvertes: parCommune.length - zonesBlanches.length,
      nonCouvertes: zonesBlanches.length,
      partielles: partialCommunes,
      enChevauchement: chevauchements.length,
    },
    parCommune,
    zonesBlanches,
    chevauchements,
    cpts: summaries,
    communesInconnues: unknown,
    donneesDemonstration: summaries.some((s) => s.demo),
  };
}
