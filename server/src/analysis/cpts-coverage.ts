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
import { compareCodes, compareNames } from './compare';

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
  /** One row per commune of the territory (computed on first read, not enumerable). */
  readonly parCommune: CommuneCoverage[];
  zonesBlanches: { code: string; nom: string; departement: string; population: number }[];
  chevauchements: { code: string; nom: string; population: number; toutesPartielles: boolean; cpts: { id: string; nom: string }[] }[];
  /** Communes only partly covered (no CPTS takes them whole): counted covered, listed apart. */
  partielles: { code: string; nom: string; population: number; cpts: { id: string; nom: string }[] }[];
  cpts: CptsSummary[];
  /** Codes named by a CPTS but absent from the reference geography. */
  communesInconnues: { cpts: string; code: string }[];
  donneesDemonstration: boolean;
}

const NO_CPTS: CommuneCoverage['cpts'] = [];
const couvertureOf = (list: CommuneCoverage['cpts']) => (list.some((x) => x.couverture === 'entière') ? 'entière' : 'partielle');

export function cptsCoverage(territory: CommuneRef[], all: Map<string, CommuneRef>, cpts: CptsRecord[], options: CptsCoverageOptions = {}): CptsCoverage {
  return coverageWithMembers(territory, all, cpts, options).coverage;
}

/** The coverage, and the known communes of each CPTS retained (for the contiguity checks). */
export function coverageWithMembers(
  territory: CommuneRef[],
  all: Map<string, CommuneRef>,
  cpts: CptsRecord[],
  { status = 'all' }: CptsCoverageOptions = {},
): { coverage: CptsCoverage; members: Map<string, CommuneRef[]> } {
  const statuses = STATUSES_OF_FILTER[status];
  if (!statuses) throw new RangeError(`filtre de statut « ${status} » inconnu (all, projet ou aci)`);
  const kept = cpts.filter((c) => statuses.includes(c.status));
  // Keyed by the commune records themselves: identity hashing, one string lookup per membership.
  const byCommune = new Map<CommuneRef, CommuneCoverage['cpts'][number][]>();
  const members = new Map<string, CommuneRef[]>();
  const unknown: CptsCoverage['communesInconnues'] = [];
  for (const c of kept) {
    const refs: CommuneRef[] = [];
    // Two shared entries per CPTS rather than one object per membership.
    const whole = { id: c.id, nom: c.name, couverture: 'entière' as const };
    const part = { id: c.id, nom: c.name, couverture: 'partielle' as const };
    for (const m of c.communes) {
      const ref = all.get(m.code);
      if (!ref) {
        unknown.push({ cpts: c.id, code: m.code });
        continue;
      }
      refs.push(ref);
      const entry = m.coverage === 'partielle' ? part : whole;
      const list = byCommune.get(ref);
      if (list) list.push(entry);
      else byCommune.set(ref, [entry]);
    }
    members.set(c.id, refs);
  }
  const inTerritory = new Set<CommuneRef>();
  const zonesBlanches: CptsCoverage['zonesBlanches'] = [];
  const chevauchements: CptsCoverage['chevauchements'] = [];
  const partielles: CptsCoverage['partielles'] = [];
  let total = 0;
  let covered = 0;
  let partial = 0;
  let partialCommunes = 0;
  for (const c of territory) {
    inTerritory.add(c);
    const list = byCommune.get(c);
    total += c.population;
    if (!list) {
      zonesBlanches.push({ code: c.code, nom: c.nom, departement: c.departement, population: c.population });
      continue;
    }
    covered += c.population;
    const couverture = couvertureOf(list);
    if (couverture === 'partielle') {
      partial += c.population;
      partialCommunes++;
      partielles.push({ code: c.code, nom: c.nom, population: c.population, cpts: list.map(({ id, nom }) => ({ id, nom })) });
    }
    if (list.length >= 2) {
      chevauchements.push({ code: c.code, nom: c.nom, population: c.population, toutesPartielles: couverture === 'partielle', cpts: list.map(({ id, nom }) => ({ id, nom })) });
    }
  }
  const summaries: CptsSummary[] = [];
  for (const c of kept) {
    let communesTerritoire = 0;
    let populationTerritoire = 0;
    let populationTotal = 0;
    const refs = members.get(c.id)!;
    for (const ref of refs) {
      populationTotal += ref.population;
      if (inTerritory.has(ref)) {
        communesTerritoire++;
        populationTerritoire += ref.population;
      }
    }
    if (communesTerritoire > 0) summaries.push({ id: c.id, nom: c.name, statut: c.status, demo: c.demo, communesTerritoire, populationTerritoire, communesTotal: refs.length, populationTotal });
  }
  summaries.sort((a, b) => compareNames(a.nom, b.nom) || compareCodes(a.id, b.id));
  const coverage = {
    statut: status,
    statutsRetenus: statuses,
    population: { totale: total, couverte: covered, nonCouverte: total - covered, couvertePartiellement: partial, part: total > 0 ? covered / total : null },
    communes: {
      total: territory.length,
      couvertes: territory.length - zonesBlanches.length,
      nonCouvertes: zonesBlanches.length,
      partielles: partialCommunes,
      enChevauchement: chevauchements.length,
    },
    zonesBlanches,
    chevauchements,
    partielles,
    cpts: summaries,
    communesInconnues: unknown,
    donneesDemonstration: summaries.some((x) => x.demo),
  } as CptsCoverage;
  // The per-commune table (35 000 rows for France) is built on first read only — the CSV export
  // reads it, the JSON figures do not — and is not enumerable, so spreading the result skips it.
  let perCommune: CommuneCoverage[] | null = null;
  Object.defineProperty(coverage, 'parCommune', {
    enumerable: false,
    get: () =>
      (perCommune ??= territory.map((c) => {
        const list = byCommune.get(c);
        return { code: c.code, nom: c.nom, departement: c.departement, epci: c.epci, population: c.population, couverture: list ? couvertureOf(list) : null, cpts: list ?? NO_CPTS };
      })),
  });
  return { coverage, members };
}
