/**
 * CPTS coverage of a territory: population and communes covered by at least one CPTS of the
 * chosen statuses, zones blanches (communes in none), overlaps (communes in two or more).
 *
 * A commune the source says is only partly covered (« partielle », e.g. Nantes shared between
 * CPTS by quartiers) counts as covered: communes are the finest unit we have. The output gives
 * the population of such communes apart so that nobody mistakes it for full coverage.
 * Covered + uncovered + not known = total population, exactly (integers, each commune counted once).
 *
 * Known vs not known: a commune without CPTS is a zone blanche only in a département whose CPTS
 * list was declared complete (`complete`); elsewhere it is « non renseigné ». Overlaps are listed in
 * complete départements only, and the share covered (`part`) is computed on them alone.
 * At a date: a CPTS counts from its status date (a CPTS without one counts, flagged; a date known
 * only to the month or year that contains the day is uncertain and does not count, as for the SAS).
 */
import type { CommuneRef, CptsRecord, CptsStatus } from './inputs';
import { compareCodes, compareNames } from './compare';
import type { CompleteDepartements } from './completeness';
import { periodOf, startedBy } from './partial-date';

export type CptsStatusFilter = 'all' | 'projet' | 'aci';

/** A CPTS whose status is « non renseigné » is a CPTS: among all, never among those with a project or an ACI. */
export const STATUSES_OF_FILTER: Record<CptsStatusFilter, CptsStatus[]> = {
  all: ['pré-projet', 'projet de santé', 'ACI signé', 'non renseigné'],
  projet: ['projet de santé', 'ACI signé'],
  aci: ['ACI signé'],
};

export interface CptsCoverageOptions {
  /** Which CPTS count (default 'all'): all, « projet de santé » and beyond, « ACI signé » only. */
  status?: CptsStatusFilter;
  /**
   * Départements whose CPTS list is complete. Absent: every département (pure uses on a list known
   * to be whole, e.g. tests and drafts); the API always passes the declarations of the database.
   */
  complete?: CompleteDepartements;
  /** AAAA-MM-JJ: CPTS count from their status date (absent: every CPTS, whatever its date). */
  date?: string;
}

/** State of a commune, as the map and the exports show it. */
export type CommuneCptsState = 'couverte' | 'partielle' | 'zone_blanche' | 'non_renseigne';

export interface CommuneCoverage {
  code: string;
  nom: string;
  departement: string;
  epci: string | null;
  population: number;
  /** 'entière' if one CPTS covers it entirely, 'partielle' if only partly, null in a zone blanche. */
  couverture: 'entière' | 'partielle' | null;
  cpts: { id: string; nom: string; couverture: 'entière' | 'partielle' }[];
  etat: CommuneCptsState;
}

export interface CptsSummary {
  id: string;
  nom: string;
  statut: CptsStatus;
  demo: boolean;
  dateStatut: string | null;
  communesTerritoire: number;
  populationTerritoire: number;
  communesTotal: number;
  populationTotal: number;
}

export interface CptsCoverage {
  statut: CptsStatusFilter;
  statutsRetenus: CptsStatus[];
  /** AAAA-MM-JJ when CPTS were counted from their status date. */
  date: string | null;
  /**
   * `couverte`: in a commune a CPTS lists (anywhere); `nonCouverte`: zones blanches (complete
   * départements); `nonRenseignee`: no CPTS known where the list is not complete; `renseignee`: the
   * population of the complete départements, on which `part` (covered share) is computed.
   */
  population: { totale: number; couverte: number; nonCouverte: number; nonRenseignee: number; renseignee: number; couvertePartiellement: number; part: number | null };
  communes: { total: number; couvertes: number; nonCouvertes: number; nonRenseignees: number; partielles: number; enChevauchement: number };
  /** CPTS left out at the date: their status date is later (or uncertain at that day). */
  cptsPasEncoreActives: { id: string; nom: string; dateStatut: string }[];
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
  { status = 'all', complete, date }: CptsCoverageOptions = {},
): { coverage: CptsCoverage; members: Map<string, CommuneRef[]> } {
  const statuses = STATUSES_OF_FILTER[status];
  if (!statuses) throw new RangeError(`filtre de statut « ${status} » inconnu (all, projet ou aci)`);
  const later: CptsCoverage['cptsPasEncoreActives'] = [];
  const kept = cpts.filter((c) => {
    if (!statuses.includes(c.status)) return false;
    const period = date && c.statusDate ? periodOf(c.statusDate) : null;
    if (period && startedBy(period, date!) !== 'oui') {
      later.push({ id: c.id, nom: c.name, dateStatut: c.statusDate! });
      return false;
    }
    return true;
  });
  const known = (departement: string) => !complete || complete.has(departement);
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
  let coveredKnown = 0;
  let renseignee = 0;
  let unknownPopulation = 0;
  let unknownCommunes = 0;
  let partial = 0;
  let partialCommunes = 0;
  for (const c of territory) {
    inTerritory.add(c);
    const list = byCommune.get(c);
    const isKnown = known(c.departement);
    total += c.population;
    if (isKnown) renseignee += c.population;
    if (!list) {
      if (isKnown) zonesBlanches.push({ code: c.code, nom: c.nom, departement: c.departement, population: c.population });
      else {
        unknownPopulation += c.population;
        unknownCommunes++;
      }
      continue;
    }
    covered += c.population;
    if (isKnown) coveredKnown += c.population;
    const couverture = couvertureOf(list);
    if (couverture === 'partielle') {
      partial += c.population;
      partialCommunes++;
      partielles.push({ code: c.code, nom: c.nom, population: c.population, cpts: list.map(({ id, nom }) => ({ id, nom })) });
    }
    if (list.length >= 2 && isKnown) {
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
    if (communesTerritoire > 0) summaries.push({ id: c.id, nom: c.name, statut: c.status, demo: c.demo, dateStatut: c.statusDate ?? null, communesTerritoire, populationTerritoire, communesTotal: refs.length, populationTotal });
  }
  summaries.sort((a, b) => compareNames(a.nom, b.nom) || compareCodes(a.id, b.id));
  const coverage = {
    statut: status,
    statutsRetenus: statuses,
    date: date ?? null,
    population: {
      totale: total, couverte: covered, nonCouverte: renseignee - coveredKnown, nonRenseignee: unknownPopulation, renseignee,
      couvertePartiellement: partial, part: renseignee > 0 ? coveredKnown / renseignee : null,
    },
    communes: {
      total: territory.length,
      couvertes: territory.length - zonesBlanches.length - unknownCommunes,
      nonCouvertes: zonesBlanches.length,
      nonRenseignees: unknownCommunes,
      partielles: partialCommunes,
      enChevauchement: chevauchements.length,
    },
    zonesBlanches,
    chevauchements,
    partielles,
    cpts: summaries,
    cptsPasEncoreActives: later,
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
        const couverture = list ? couvertureOf(list) : null;
        const etat: CommuneCptsState = couverture === 'entière' ? 'couverte' : couverture ?? (known(c.departement) ? 'zone_blanche' : 'non_renseigne');
        return { code: c.code, nom: c.nom, departement: c.departement, epci: c.epci, population: c.population, couverture, cpts: list ?? NO_CPTS, etat };
      })),
  });
  return { coverage, members };
}
