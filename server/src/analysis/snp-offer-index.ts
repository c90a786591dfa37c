/**
 * The SNP offers of a data version indexed once for the finder: a static kd-tree (kdbush) over
 * the offers' points, queried on the sphere by geokdbush's `around`, so a search reads a dozen
 * offers instead of every offer of France. Same answer as `nearestSnpOffers` (its brute-force
 * twin): the k nearest are found, then every offer at the k-th distance is gathered so that ties
 * are broken by id exactly as the linear scan does.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { checkDetourFactor, DEFAULT_DETOUR_FACTOR, haversineKm } from './distance';
import { nearestSnpOffers, type NearestOffer, type NearestOptions, type SnpCandidate } from './nearest-snp-offers';
import { isSnpOffer } from './snp-offers';
import { passesOpenFilter } from './open-filter';
import { timeZoneOf as defaultTimeZoneOf } from '../geo/france-extent';

export interface SnpOfferIndex<T extends SnpCandidate> {
  offers: T[];
  tree: KDBush;
}

export function indexSnpOffers<T extends SnpCandidate>(candidates: readonly T[]): SnpOfferIndex<T> {
  const offers = candidates.filter((c) => isSnpOffer(c));
  const tree = new KDBush(Math.max(1, offers.length));
  for (const o of offers) tree.add(o.lon, o.lat);
  if (offers.length === 0) tree.add(0, 0);
  tree.finish();
  return { offers, tree };
}

type Around = (index: KDBush, lng: number, lat: number, maxResults?: number, maxDistance?: number, filter?: (i: number) => boolean) => number[];

/** The nearest offers of the index from `origin`, as `nearestSnpOffers` answers them. */
export function nearestIndexedSnpOffers<T extends SnpCandidate>(origin: { lon: number; lat: number }, index: SnpOfferIndex<T>, options: NearestOptions): NearestOffer<T>[] {
  const { limit = 10, maxRouteKm = Infinity, open, at, timeZoneOf = defaultTimeZoneOf } = options;
  const detour = checkDetourFactor(options.detourFactor ?? DEFAULT_DETOUR_FACTOR);
  if (index.offers.length === 0) return nearestSnpOffers(origin, [], options);
  const query = around as unknown as Around;
  const maxKm = maxRouteKm / detour;
  // The open filter (open-filter.ts) is applied inside the search, so that the k nearest are k open ones.
  const keep = open ? (i: number) => passesOpenFilter(index.offers[i]!, open, at, timeZoneOf(index.offers[i]!.departement)) : undefined;
  const first = query(index.tree, origin.lon, origin.lat, limit, Number.isFinite(maxKm) ? maxKm : undefined, keep);
  if (first.length === 0) return nearestSnpOffers(origin, [], options);
  const kth = haversineKm(origin.lon, origin.lat, index.offers[first.at(-1)!]!.lon, index.offers[first.at(-1)!]!.lat);
  // Every offer up to the k-th distance (and a hair beyond, for rounding), then the linear scan's own order.
  const near = query(index.tree, origin.lon, origin.lat, undefined, Math.min(kth + 1e-6, Number.isFinite(maxKm) ? maxKm : Infinity), keep);
  const ids = new Set([...first, ...near]);
  return nearestSnpOffers(origin, [...ids].map((i) => index.offers[i]!), options);
}
