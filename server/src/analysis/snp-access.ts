/**
 * Access to soins non programmés: for every commune of the territory, the estimated road distance
 * from its label point to the nearest SNP offer (offers anywhere in the database count, so a
 * commune near a border may be served across it); population by distance band; communes and
 * population beyond a threshold; SU sites with no MMG within a distance.
 *
 * Known vs not known: a listed offer proves a distance is at most what it says, never that nothing
 * is closer. Where the SNP offer list of a département is not declared complete (`completeSnp`),
 * a commune beyond the threshold (or with no listed offer) is « non renseigné », not « à plus de
 * 30 km », and a commune within it is given its distance as an upper bound (`distanceMaximale`).
 * « SU sans MMG » is said only where the MMG list is complete (`completeMmg`). Absent sets: every
 * département is complete (pure uses); the API passes the declarations of the database.
 */
import type { CompleteDepartements } from './completeness';
import { checkDetourFactor, DEFAULT_DETOUR_FACTOR, distanceMethod, haversineKm } from './distance';
import type { CommuneRef, StructureRecord } from './inputs';
import { indexOffers, nearestOffers } from './nearest-offer';

export interface SnpAccessOptions {
  /** Road ≈ straight line × this factor (default 1.3, see distance.ts). */
  detourFactor?: number;
  /** Upper limits of the distance bands in estimated road km (default [10, 20, 30] → 0–10, 10–20, 20–30, > 30). */
  bandLimitsKm?: number[];
  /** Communes farther than this (estimated road km) are listed (default 30). */
  thresholdKm?: number;
  /** An SU with no MMG within this estimated road distance is listed (default 10 km). */
  suWithoutMmgKm?: number;
  /** Départements whose SNP offer list is complete (absent: all). */
  completeSnp?: CompleteDepartements;
  /** Départements whose MMG list is complete (absent: all). */
  completeMmg?: CompleteDepartements;
}

export interface CommuneAccess {
  code: string;
  nom: string;
  departement: string;
  population: number;
  distanceVolOiseauKm: number | null;
  distanceRouteKm: number | null;
  bande: string;
  /** True where the offer list is not complete: a closer offer may exist. */
  distanceMaximale: boolean;
  offre: { id: string; nom: string; type: string; commune: string } | null;
}

export interface SnpAccess {
  methode: ReturnType<typeof distanceMethod>;
  population: number;
  /** Bands of estimated road distance: lower bound excluded, upper bound included (0–10 km: d ≤ 10). */
  bandes: { bande: string; deKm: number | null; aKm: number | null; communes: number; population: number; part: number | null }[];
  auDelaDuSeuil: { seuilKm: number; communes: number; population: number; part: number | null; liste: { code: string; nom: string; population: number; distanceRouteKm: number | null }[] };
  /** Communes beyond the threshold (or without any listed offer) where the SNP offer list is not complete. */
  nonRenseigne: { communes: number; population: number };
  parCommune: CommuneAccess[];
  suSansMmg: { seuilKm: number; nonRenseignes: number; liste: { id: string; nom: string; commune: string; mmgLaPlusProche: { id: string; nom: string; distanceRouteKm: number } | null }[] };
}

export const NO_OFFER_BAND = 'aucune offre';
export const UNKNOWN_BAND = 'non renseigné';
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
const fmt = (v: number) => String(v).replace('.', ',');

export function bandLabels(limits: number[]): string[] {
  return [...limits.map((hi, i) => `${fmt(i === 0 ? 0 : limits[i - 1]!)}–${fmt(hi)} km`), `> ${fmt(limits[limits.length - 1]!)} km`];
}

/** Index of the band of a distance: first limit ≥ d, or the open band beyond the last. */
export function bandIndex(limits: number[], km: number): number {
  const i = limits.findIndex((l) => km <= l);
  return i === -1 ? limits.length : i;
}

function checkLimits(limits: number[]): number[] {
  if (limits.length === 0 || limits.some((l, i) => !Number.isFinite(l) || l <= 0 || (i > 0 && l <= limits[i - 1]!))) {
    throw new RangeError(`bandes de distance invalides (${limits.join(', ')}) : attendu des bornes positives croissantes`);
  }
  return limits;
}

/**
 * `territory`: communes to report; `offers`: SNP offers retained (see snp-offers.ts);
 * `structures`: every structure, for the SU / MMG check (made on all MMG, whatever the hour).
 */
export function snpAccess(territory: CommuneRef[], offers: StructureRecord[], structures: StructureRecord[], options: SnpAccessOptions = {}): SnpAccess {
  const detour = checkDetourFactor(options.detourFactor ?? DEFAULT_DETOUR_FACTOR);
  const limits = checkLimits(options.bandLimitsKm ?? [10, 20, 30]);
  const threshold = options.thresholdKm ?? 30;
  const suKm = options.suWithoutMmgKm ?? 10;
  for (const [name, v] of [['seuil', threshold], ['distance SU–MMG', suKm]] as const) {
    if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} ${v} invalide : attendu un nombre de kilomètres positif`);
  }
  const labels = bandLabels(limits);
  const nearest = nearestOffers(indexOffers(offers), territory);
  const known = (d: string) => !options.completeSnp || options.completeSnp.has(d);
  const far = (i: number) => !nearest[i] || nearest[i]!.km * detour > threshold;
  const parCommune: CommuneAccess[] = territory.map((c, i) => {
    const n = nearest[i];
    const road = n ? n.km * detour : null;
    const isKnown = known(c.departement);
    const band = !isKnown && far(i) ? UNKNOWN_BAND : road === null ? NO_OFFER_BAND : labels[bandIndex(limits, road)]!;
    const o = n ? offers[n.offer]! : null;
    return {
      code: c.code, nom: c.nom, departement: c.departement, population: c.population,
      distanceVolOiseauKm: n ? round(n.km) : null, distanceRouteKm: road === null ? null : round(road), bande: band, distanceMaximale: !isKnown,
      offre: o ? { id: o.id, nom: o.name, type: o.kind, commune: o.commune } : null,
    };
  });
  const total = territory.reduce((s, c) => s + c.population, 0);
  const share = (p: number) => (total > 0 ? p / total : null);
  const bandes = [...labels, NO_OFFER_BAND, UNKNOWN_BAND].map((bande, i) => {
    const rows = parCommune.filter((c) => c.bande === bande);
    const population = rows.reduce((s, c) => s + c.population, 0);
    const deKm = i === 0 ? 0 : i <= limits.length ? limits[i - 1]! : null;
    return { bande, deKm, aKm: i < limits.length ? limits[i]! : null, communes: rows.length, population, part: share(population) };
  }).filter((b) => (b.bande !== NO_OFFER_BAND && b.bande !== UNKNOWN_BAND) || b.communes > 0);
  // Beyond the threshold: compared on unrounded distances; communes with no offer at all count too,
  // in départements whose offer list is complete only.
  const beyond = parCommune.filter((c, i) => far(i) && known(c.departement));
  const beyondPop = beyond.reduce((s, c) => s + c.population, 0);
  const unknown = parCommune.filter((c) => c.bande === UNKNOWN_BAND);
  return {
    methode: distanceMethod(detour),
    population: total,
    bandes,
    auDelaDuSeuil: { seuilKm: threshold, communes: beyond.length, population: beyondPop, part: share(beyondPop), liste: beyond.map(({ code, nom, population, distanceRouteKm }) => ({ code, nom, population, distanceRouteKm })) },
    nonRenseigne: { communes: unknown.length, population: unknown.reduce((s, c) => s + c.population, 0) },
    parCommune,
    suSansMmg: { seuilKm: suKm, ...suWithoutMmg(territory, structures, suKm, detour, options.completeMmg) },
  };
}

function suWithoutMmg(
  territory: CommuneRef[], structures: StructureRecord[], km: number, detour: number, completeMmg: CompleteDepartements | undefined,
): Pick<SnpAccess['suSansMmg'], 'liste' | 'nonRenseignes'> {
  const inTerritory = new Set(territory.map((c) => c.code));
  const mmg = structures.filter((s) => s.kind === 'MMG');
  const all = structures.filter((s) => s.kind === 'SU' && inTerritory.has(s.commune));
  const sites = all.filter((s) => !completeMmg || completeMmg.has(s.departement));
  return { nonRenseignes: all.length - sites.length, liste: suWithoutMmgAmong(sites, mmg, km, detour) };
}

function suWithoutMmgAmong(sites: StructureRecord[], mmg: StructureRecord[], km: number, detour: number): SnpAccess['suSansMmg']['liste'] {
  const nearest = nearestOffers(indexOffers(mmg), sites);
  return sites
    .map((su, i) => ({ su, n: nearest[i] }))
    .filter(({ n }) => !n || n.km * detour > km)
    .map(({ su, n }) => ({
      id: su.id, nom: su.name, commune: su.commune,
      mmgLaPlusProche: n ? { id: mmg[n.offer]!.id, nom: mmg[n.offer]!.name, distanceRouteKm: round(haversineKm(su.lon, su.lat, mmg[n.offer]!.lon, mmg[n.offer]!.lat) * detour) } : null,
    }));
}
