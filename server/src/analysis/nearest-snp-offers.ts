/**
 * The nearest offers of soins non programmés from one point, for a visitor: distance (great
 * circle and estimated road distance), and whether each is open at an instant, read in the
 * offer's own time zone — with the time it opens or closes next.
 *
 * Candidates are scanned once (a few thousand at most: a linear scan beats building an index for
 * one query). SNP offers are those of snp-offers.ts: every MMG and SU, MSP and centres de santé
 * flagged as accepting SNP. An SU without hours is taken as open around the clock (a service
 * d'urgence runs 24/7; a known closure must be written in its hours).
 */
import { timeZoneOf as defaultTimeZoneOf } from '../geo/france-extent';
import { offerOpeningAt } from './offer-opening';
import { checkDetourFactor, DEFAULT_DETOUR_FACTOR, haversineKm } from './distance';
import { isSnpOffer } from './snp-offers';
import { passesOpenFilter, type OpenFilter } from './open-filter';
import type { OfferKind } from './inputs';

export interface SnpCandidate {
  id: string;
  kind: OfferKind;
  departement: string;
  lon: number;
  lat: number;
  openingHours: string | null;
  acceptsSnp: 'oui' | 'non' | 'inconnu';
}

export type OpenState =
  | { etat: 'ouvert'; jusqua: string | null; jusquaLocal: string | null; horaires: 'renseignés' | 'supposés 24 h/24' }
  | { etat: 'fermé'; ouvreA: string | null; ouvreALocal: string | null }
  | { etat: 'inconnu'; raison: 'horaires non renseignés' | 'horaires illisibles' | 'horaires incertains à cette heure' };

export interface NearestOffer<T extends SnpCandidate> {
  offer: T;
  distanceKm: number;
  distanceRouteKm: number;
  fuseau: string;
  ouverture: OpenState;
}

export interface NearestOptions {
  /** Instant at which opening is evaluated (required: the caller decides what « now » is). */
  at: Date;
  /** How many offers to return (default 10, 1 to 50). */
  limit?: number;
  /** Only offers within this estimated road distance (default: no limit). */
  maxRouteKm?: number;
  /** Road ≈ straight line × this factor (default 1.3, see distance.ts). */
  detourFactor?: number;
  /** Only offers known to be open now, or tonight (open-filter.ts); default: every offer. */
  open?: OpenFilter;
  timeZoneOf?: (departement: string) => string;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** The opening state as /api/snp/nearest says it, from the one rule (offer-opening.ts). */
export function openStateOf(c: Pick<SnpCandidate, 'kind' | 'openingHours'>, at: Date, timeZone: string): OpenState {
  const o = offerOpeningAt(c, at, timeZone);
  if (o.state === 'ouvert') return { etat: 'ouvert', jusqua: o.nextChange, jusquaLocal: o.nextChangeLocal, horaires: o.basis === 'supposés 24 h/24' ? 'supposés 24 h/24' : 'renseignés' };
  if (o.state === 'fermé') return { etat: 'fermé', ouvreA: o.nextChange, ouvreALocal: o.nextChangeLocal };
  return { etat: 'inconnu', raison: o.basis === 'non renseignés' ? 'horaires non renseignés' : o.basis === 'illisibles' ? 'horaires illisibles' : 'horaires incertains à cette heure' };
}

export function nearestSnpOffers<T extends SnpCandidate>(origin: { lon: number; lat: number }, candidates: readonly T[], options: NearestOptions): NearestOffer<T>[] {
  const { at, limit = 10, maxRouteKm = Infinity, open, timeZoneOf = defaultTimeZoneOf } = options;
  const detour = checkDetourFactor(options.detourFactor ?? DEFAULT_DETOUR_FACTOR);
  if (!Number.isFinite(origin.lon) || !Number.isFinite(origin.lat) || Math.abs(origin.lat) > 90 || Math.abs(origin.lon) > 180) {
    throw new RangeError(`point de départ invalide (${origin.lon}, ${origin.lat})`);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new RangeError(`nombre d'offres ${limit} invalide : entier de 1 à 50 attendu`);
  if (Number.isNaN(at.getTime())) throw new RangeError('instant invalide');
  const scored = candidates
    .filter((c) => isSnpOffer({ ...c, name: '', commune: '', hostSuId: null, demo: false }))
    .map((offer) => ({ offer, distanceKm: haversineKm(origin.lon, origin.lat, offer.lon, offer.lat) }))
    .filter((x) => x.distanceKm * detour <= maxRouteKm)
    .filter((x) => !open || passesOpenFilter(x.offer, open, at, timeZoneOf(x.offer.departement)))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.offer.id.localeCompare(b.offer.id))
    .slice(0, limit);
  return scored.map(({ offer, distanceKm }) => {
    const fuseau = timeZoneOf(offer.departement);
    return { offer, distanceKm: round(distanceKm), distanceRouteKm: round(distanceKm * detour), fuseau, ouverture: openStateOf(offer, at, fuseau) };
  });
}
