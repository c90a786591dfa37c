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
 *
 * Cities shared between CPTS: a city a CPTS list divides by arrondissement municipal is counted by
 * arrondissement (coverage-units.ts). A commune (or arrondissement) several CPTS list, each « partielle »
 * (a city divided between them: what an import writes for a commune a listing gives several CPTS), is
 * « partagée entre N CPTS » (`partagees`): covered once, not an overlap; an overlap (`chevauchements`)
 * is a commune at least one of its CPTS claims « entière » while another lists it too. In the figures
 * of each CPTS, a commune shared by N CPTS counts for a share of its population (population-shares.ts):
 * the CPTS populations never add up to more than the population they cover.
 * At a date: a CPTS counts from its status date (a CPTS without one counts, flagged; a date known
 * only to the month or year that contains the day is uncertain and does not count, as for the SAS).
 */
import type { CommuneRef, CptsRecord, CptsStatus } from './inputs';
import { splitCities } from './coverage-units';
import { cptsSummaries } from './cpts-summaries';
import type { CompleteDepartements } from './completeness';
import { periodOf, startedBy } from './partial-date';

export type CptsStatusFilter = 'all' | 'projet' | 'aci';

/** A CPTS whose status is « non renseigné » is a CPTS: among all, never among those with a project or an ACI. */
export const STATUSES_OF_FILTER: Record<CptsStatusFilter, CptsStatus[]> = {
  // « Toutes »: a CPTS whose stage is not said (FINESS alone) counts too once it has communes.
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
  /** An arrondissement municipal (a row of a city counted by arrondissement): the commune it divides. */
  arrondissementDe: string | null;
}

export interface CptsSummary {
  id: string;
  nom: string;
  statut: CptsStatus;
  demo: boolean;
  dateStatut: string | null;
  /** Communes (and arrondissements) of the CPTS in the territory, and the population they count for it (shares of shared ones). */
  communesTerritoire: number;
  populationTerritoire: number;
  communesTotal: number;
  /** Its population: its communes', a commune shared by N CPTS for its share (1/N) — never the whole city for each. */
  populationTotal: number;
  /** Its communes shared with other CPTS (partagées or in overlap), and the shares of their population it counts. */
  communesPartagees: number;
  populationPartagee: number;
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
  /** `partagee`: population of the communes shared between CPTS (counted once, within `couverte`). */
  population: {
    totale: number; couverte: number; nonCouverte: number; nonRenseignee: number; renseignee: number; couvertePartiellement: number; partagee: number; part: number | null;
  };
  /** Units counted: communes, and arrondissements of the cities counted by arrondissement (`arrondissements` of them). */
  communes: {
    total: number; couvertes: number; nonCouvertes: number; nonRenseignees: number; partielles: number; enChevauchement: number; partagees: number; arrondissements: number;
  };
  /** CPTS left out at the date: their status date is later (or uncertain at that day). */
  cptsPasEncoreActives: { id: string; nom: string; dateStatut: string }[];
  /** One row per commune of the territory (computed on first read, not enumerable). */
  readonly parCommune: CommuneCoverage[];
  zonesBlanches: { code: string; nom: string; departement: string; population: number }[];
  /** Communes at least one CPTS claims whole while another lists it too (complete départements). */
  chevauchements: { code: string; nom: string; population: number; cpts: { id: string; nom: string }[] }[];
  /** Communes (or arrondissements) divided between several CPTS, each « partielle »: « partagée entre N CPTS », not an overlap. */
  partagees: { code: string; nom: string; population: number; partageeEntre: number; arrondissementDe: string | null; cpts: { id: string; nom: string }[] }[];
  /** Communes only partly covered (no CPTS takes them whole): counted covered, listed apart. */
  partielles: { code: string; nom: string; population: number; cpts: { id: string; nom: string }[] }[];
  cpts: CptsSummary[];
  /**
   * CPTS known in the territory (retained by the status filter and the date): those with communes
   * there (`avecPerimetre`, the ones `cpts` lists and the coverage counts) and those whose perimeter
   * is not known (`sansPerimetre`: no commune listed, placed by their seat or département; a CPTS
   * of FINESS category 604 until its communes are imported), which cover no one.
   */
  cptsConnues: { total: number; avecPerimetre: number; sansPerimetre: number };
  /** Codes named by a CPTS but absent from the reference geography. */
  communesInconnues: { cpts: string; code: string }[];
  donneesDemonstration: boolean;
}

const NO_CPTS: CommuneCoverage['cpts'] = [];
const couvertureOf = (list: CommuneCoverage['cpts']) => (list.some((x) => x.couverture === 'entière') ? 'entière' : 'partielle');

export function cptsCoverage(territory: CommuneRef[], all: Map<string, CommuneRef>, cpts: CptsRecord[], options: CptsCoverageOptions = {}): CptsCoverage {
  return coverageWithMembers(territory, all, cpts, options).coverage;
}

/** The CPTS listing a unit (commune or arrondissement), in the order of the CPTS retained; empty when none. */
export type CptsOfUnit = (code: string) => readonly { id: string; nom: string; couverture: 'entière' | 'partielle' }[];

/**
 * The coverage, the known communes of each CPTS retained as listed (for the contiguity checks), and the
 * CPTS of every unit of France (the enclaves look across the territory's border: enclaves.ts).
 */
export function coverageWithMembers(
  territory: CommuneRef[],
  all: Map<string, CommuneRef>,
  cpts: CptsRecord[],
  { status = 'all', complete, date }: CptsCoverageOptions = {},
): { coverage: CptsCoverage; members: Map<string, CommuneRef[]>; cptsOfUnit: CptsOfUnit } {
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
  // The communes as listed, then the units they stand for (a city listed by arrondissement somewhere: coverage-units.ts).
  const members = new Map<string, CommuneRef[]>();
  const unknown: CptsCoverage['communesInconnues'] = [];
  for (const c of kept) {
    const refs: CommuneRef[] = [];
    for (const m of c.communes) {
      const ref = all.get(m.code);
      if (ref) refs.push(ref);
      else unknown.push({ cpts: c.id, code: m.code });
    }
    members.set(c.id, refs);
  }
  const split = splitCities(all, members.values());
  // Keyed by the unit records themselves: identity hashing, one string lookup per membership.
  const byCommune = new Map<CommuneRef, CommuneCoverage['cpts'][number][]>();
  const unitsOfCpts = new Map<string, CommuneRef[]>();
  for (const c of kept) {
    // Two shared entries per CPTS rather than one object per membership.
    const whole = { id: c.id, nom: c.name, couverture: 'entière' as const };
    const part = { id: c.id, nom: c.name, couverture: 'partielle' as const };
    const mine: CommuneRef[] = [];
    const add = (u: CommuneRef, entry: typeof whole | typeof part) => {
      const list = byCommune.get(u);
      if (list) {
        if (list[list.length - 1]!.id === c.id) return; // the city whole and one of its arrondissements: once
        list.push(entry);
      } else byCommune.set(u, [entry]);
      mine.push(u);
    };
    for (const m of c.communes) {
      const ref = all.get(m.code);
      if (!ref) continue;
      const entry = m.coverage === 'partielle' ? part : whole;
      const parts = split.size > 0 ? split.get(ref.code) : undefined;
      if (parts) for (const u of parts) add(u, entry);
      else add(ref, entry);
    }
    unitsOfCpts.set(c.id, mine);
  }
  const inTerritory = new Set<CommuneRef>();
  const zonesBlanches: CptsCoverage['zonesBlanches'] = [];
  const chevauchements: CptsCoverage['chevauchements'] = [];
  const partagees: CptsCoverage['partagees'] = [];
  const partielles: CptsCoverage['partielles'] = [];
  // The territory's units: its communes, a city counted by arrondissement replaced by them.
  const territoryUnits = split.size === 0 ? territory : territory.flatMap((c) => split.get(c.code) ?? [c]);
  let total = 0;
  let covered = 0;
  let coveredKnown = 0;
  let renseignee = 0;
  let unknownPopulation = 0;
  let unknownCommunes = 0;
  let partial = 0;
  let partialCommunes = 0;
  let sharedPopulation = 0;
  let arrondissements = 0;
  const ids = (list: CommuneCoverage['cpts']) => list.map(({ id, nom }) => ({ id, nom }));
  const visit = (c: CommuneRef) => {
    inTerritory.add(c);
    if (c.arrondissementOf) arrondissements++;
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
      return;
    }
    covered += c.population;
    if (isKnown) coveredKnown += c.population;
    const couverture = couvertureOf(list);
    if (couverture === 'partielle') {
      partial += c.population;
      partialCommunes++;
      partielles.push({ code: c.code, nom: c.nom, population: c.population, cpts: ids(list) });
    }
    if (list.length < 2) return;
    sharedPopulation += c.population;
    // Divided between CPTS, each « partielle »: shared, not an overlap. Claimed whole by one and listed by another: an overlap.
    if (couverture === 'partielle') {
      partagees.push({ code: c.code, nom: c.nom, population: c.population, partageeEntre: list.length, arrondissementDe: c.arrondissementOf ?? null, cpts: ids(list) });
    } else if (isKnown) {
      chevauchements.push({ code: c.code, nom: c.nom, population: c.population, cpts: ids(list) });
    }
  };
  for (const c of territoryUnits) visit(c);
  const summaries = cptsSummaries(kept, unitsOfCpts, byCommune, inTerritory);
  const territoryDeps = new Set(territory.map((c) => c.departement));
  // CPTS known without their communes (FINESS category 604): in the territory by their seat, or their département.
  const withoutPerimeter = kept.filter((c) => {
    if (members.get(c.id)!.length > 0) return false;
    const seat = c.seatCommune ? all.get(c.seatCommune) : undefined;
    return seat ? inTerritory.has(seat) || (split.get(seat.code) ?? []).some((u) => inTerritory.has(u)) : Boolean(c.departement && territoryDeps.has(c.departement));
  }).length;
  const coverage = {
    statut: status,
    statutsRetenus: statuses,
    date: date ?? null,
    population: {
      totale: total, couverte: covered, nonCouverte: renseignee - coveredKnown, nonRenseignee: unknownPopulation, renseignee,
      couvertePartiellement: partial, partagee: sharedPopulation, part: renseignee > 0 ? coveredKnown / renseignee : null,
    },
    communes: {
      total: territoryUnits.length,
      couvertes: territoryUnits.length - zonesBlanches.length - unknownCommunes,
      nonCouvertes: zonesBlanches.length,
      nonRenseignees: unknownCommunes,
      partielles: partialCommunes,
      enChevauchement: chevauchements.length,
      partagees: partagees.length,
      arrondissements,
    },
    zonesBlanches,
    chevauchements,
    partagees,
    partielles,
    cpts: summaries,
    cptsConnues: { total: summaries.length + withoutPerimeter, avecPerimetre: summaries.length, sansPerimetre: withoutPerimeter },
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
      (perCommune ??= territoryUnits.map((c) => {
        const list = byCommune.get(c);
        const couverture = list ? couvertureOf(list) : null;
        const etat: CommuneCptsState = couverture === 'entière' ? 'couverte' : couverture ?? (known(c.departement) ? 'zone_blanche' : 'non_renseigne');
        return {
          code: c.code, nom: c.nom, departement: c.departement, epci: c.epci, population: c.population, couverture, cpts: list ?? NO_CPTS, etat,
          arrondissementDe: c.arrondissementOf ?? null,
        };
      })),
  });
  const cptsOfUnit: CptsOfUnit = (code) => {
    const ref = all.get(code);
    return (ref && byCommune.get(ref)) ?? NO_CPTS;
  };
  return { coverage, members, cptsOfUnit };
}
