/**
 * Two-step floating catchment area (2SFCA, Luo & Wang 2003) with distance-decay bands — the
 * method behind DREES's APL (accessibilité potentielle localisée) — applied to SNP offers.
 *
 * Step 1, for each offer j: R_j = S_j / Σ_k w(d_kj) · P_k over the communes k of its catchment.
 * Step 2, for each commune i: A_i = Σ_j w(d_ij) · R_j, reported per 100 000 inhabitants.
 * Communes are demand points at their label point with their population; offers anywhere count.
 *
 * Default decay (DEFAULT_DECAY_BANDS): the APL of general practitioners as published by DREES
 * (method revised in 2015, « L'indicateur d'accessibilité potentielle localisée (APL) »,
 * drees.solidarites-sante.gouv.fr): full weight up to 10 minutes of road, 2/3 from 10 to 15,
 * 1/3 from 15 to 20, nothing beyond 20 minutes. Without travel times we read minutes as
 * kilometres of estimated road (road ≈ straight line × detour factor, at ~60 km/h one minute is
 * one kilometre) — an assumption stated in the output and configurable. The first APL (Barlet,
 * Coldefy, Collin, Lucas-Gabrielli, DREES Études et Résultats n° 795 and document de travail n° 124,
 * 2012) used 1 below 5 minutes, 0.3 from 5 to 10, 0.1 from 10 to 15 and nothing beyond:
 * `bands=5:1,10:0.3,15:0.1` reproduces it.
 *
 * Default capacities (DEFAULT_CAPACITIES): one unit per SNP offer, whatever its kind. DREES
 * weighs each doctor by activity (ETP from Assurance maladie data); we have no activity data for
 * MMG, SU or SNP slots in MSP/CDS, so an offer is one point of access. Configurable per kind.
 * Capacity option « passages » (`capacity` of an offer): an SU weighs its yearly emergency
 * visits (SAE) over the median of the SU whose visits are known, so that a median SU is one unit
 * and a CHU several; an SU of unknown visits, and every other kind, keeps its kind's capacity.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { checkDetourFactor, DEFAULT_DETOUR_FACTOR, haversineKm } from './distance';
import type { CommuneRef, OfferKind } from './inputs';

export interface DecayBand {
  /** Upper bound of the band in estimated road km (inclusive). */
  maxKm: number;
  weight: number;
}

export const DEFAULT_DECAY_BANDS: DecayBand[] = [
  { maxKm: 10, weight: 1 },
  { maxKm: 15, weight: 2 / 3 },
  { maxKm: 20, weight: 1 / 3 },
];

export const DEFAULT_CAPACITIES: Record<OfferKind, number> = { MMG: 1, SU: 1, MSP: 1, CDS: 1, CPTS_SIEGE: 0, ESP: 0, AUTRE: 0 };

export interface TwoStepOptions {
  bands?: DecayBand[];
  detourFactor?: number;
  capacities?: Partial<Record<OfferKind, number>>;
  /** Index unit: offers per this many inhabitants (default 100 000). */
  per?: number;
}

export interface TwoStepOffer {
  lon: number;
  lat: number;
  kind: OfferKind;
  /** This offer's own capacity (overrides its kind's), e.g. from its yearly visits. */
  capacity?: number | null;
}

/** Capacities from yearly visits: visits / median visits of the offers whose visits are known (SU). */
export function visitCapacities<T extends { kind: OfferKind; visitsPerYear?: number | null }>(offers: T[]): (T & { capacity: number | null })[] {
  const known = offers.filter((o) => o.kind === 'SU' && o.visitsPerYear && o.visitsPerYear > 0).map((o) => o.visitsPerYear!).sort((a, b) => a - b);
  if (known.length === 0) return offers.map((o) => ({ ...o, capacity: null }));
  const mid = known.length % 2 === 1 ? known[(known.length - 1) / 2]! : (known[known.length / 2 - 1]! + known[known.length / 2]!) / 2;
  return offers.map((o) => ({ ...o, capacity: o.kind === 'SU' && o.visitsPerYear && o.visitsPerYear > 0 ? o.visitsPerYear / mid : null }));
}

export interface TwoStepResult {
  /** A_i per `per` inhabitants, in the order of the communes given. */
  index: Float64Array;
  /** R_j per `per` inhabitants (0 when nobody lives in the catchment). */
  ratio: Float64Array;
  options: { bands: DecayBand[]; detourFactor: number; capacities: Record<OfferKind, number>; per: number };
}

export function checkBands(bands: DecayBand[]): DecayBand[] {
  const ok = bands.length > 0 && bands.every((b, i) => Number.isFinite(b.maxKm) && b.maxKm > 0 && Number.isFinite(b.weight) && b.weight >= 0 && b.weight <= 1 && (i === 0 || b.maxKm > bands[i - 1]!.maxKm));
  if (!ok) throw new RangeError('bandes de décroissance invalides : attendu des distances croissantes > 0 et des poids entre 0 et 1');
  return bands;
}

/** Weight of an estimated road distance in km. */
export function decayWeight(bands: DecayBand[], roadKm: number): number {
  for (const b of bands) if (roadKm <= b.maxKm) return b.weight;
  return 0;
}

export function resolveOptions(options: TwoStepOptions): TwoStepResult['options'] {
  const per = options.per ?? 100_000;
  if (!(per > 0)) throw new RangeError(`unité ${per} invalide`);
  const capacities = { ...DEFAULT_CAPACITIES, ...options.capacities };
  for (const [k, v] of Object.entries(capacities)) if (!Number.isFinite(v) || v < 0) throw new RangeError(`capacité ${v} invalide pour ${k}`);
  return { bands: checkBands(options.bands ?? DEFAULT_DECAY_BANDS), detourFactor: checkDetourFactor(options.detourFactor ?? DEFAULT_DETOUR_FACTOR), capacities, per };
}

export function twoStepFca(communes: CommuneRef[], offers: TwoStepOffer[], options: TwoStepOptions = {}): TwoStepResult {
  const opts = resolveOptions(options);
  const { bands, detourFactor, capacities, per } = opts;
  const index = new Float64Array(communes.length);
  const ratio = new Float64Array(offers.length);
  if (communes.length === 0 || offers.length === 0) return { index, ratio, options: opts };
  const tree = new KDBush(communes.length);
  for (const c of communes) tree.add(c.lon, c.lat);
  tree.finish();
  const maxStraightKm = bands[bands.length - 1]!.maxKm / detourFactor;
  // Step 1: catchment of each offer, kept as (commune, weight) pairs for step 2.
  const pairCommune: number[] = [];
  const pairWeight: number[] = [];
  const pairStart = new Int32Array(offers.length + 1);
  offers.forEach((o, j) => {
    pairStart[j] = pairCommune.length;
    let demand = 0;
    for (const k of around(tree, o.lon, o.lat, Infinity, maxStraightKm)) {
      const c = communes[k]!;
      const w = decayWeight(bands, haversineKm(o.lon, o.lat, c.lon, c.lat) * detourFactor);
      if (w === 0) continue;
      pairCommune.push(k);
      pairWeight.push(w);
      demand += w * c.population;
    }
    const capacity = o.capacity ?? capacities[o.kind] ?? 0;
    if (!Number.isFinite(capacity) || capacity < 0) throw new RangeError(`capacité ${capacity} invalide pour une offre ${o.kind}`);
    ratio[j] = demand > 0 ? (capacity / demand) * per : 0;
  });
  pairStart[offers.length] = pairCommune.length;
  // Step 2: sum the weighted ratios of the offers reaching each commune.
  for (let j = 0; j < offers.length; j++) {
    const r = ratio[j]!;
    if (r === 0) continue;
    for (let p = pairStart[j]!; p < pairStart[j + 1]!; p++) index[pairCommune[p]!]! += pairWeight[p]! * r;
  }
  return { index, ratio, options: opts };
}

/** Population-weighted mean of the index over a subset of communes (null if nobody lives there). */
export function weightedMean(communes: CommuneRef[], index: Float64Array, members: Iterable<number>): number | null {
  let pop = 0;
  let sum = 0;
  for (const i of members) {
    pop += communes[i]!.population;
    sum += communes[i]!.population * index[i]!;
  }
  return pop > 0 ? sum / pop : null;
}
