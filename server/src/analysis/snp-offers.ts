/**
 * Which structures are an offer of soins non programmés (SNP), and which of them are open at a
 * given instant. SNP offers: every MMG and every SU site, and MSP or centres de santé flagged
 * as accepting SNP (accepts_snp = 'oui'; 'inconnu' is not counted).
 *
 * Open at an instant: opening_hours is read in the structure's own time zone (Europe/Paris,
 * Indian/Reunion…). An SU without hours is assumed open: a service d'urgence runs 24/7 and a
 * known closure must be written in its hours (e.g. « Mo-Su 08:00-20:00 » for night closures).
 * Another offer whose state is unknown (no hours, unreadable hours, or hours that say
 * « unknown ») is excluded by default — we do not promise an open door we cannot vouch for —
 * or included with `unknownHours: 'include'`. The counts of excluded offers are returned.
 */
import { timeZoneOf as defaultTimeZoneOf } from '../geo/france-extent';
import { offerOpeningAt } from './offer-opening';
import type { OfferKind, StructureRecord } from './inputs';

export type UnknownHoursPolicy = 'exclude' | 'include';
export const SNP_KINDS: OfferKind[] = ['MMG', 'SU', 'MSP', 'CDS'];

export interface SnpOfferOptions {
  /** Keep only offers open at this instant (default null: every offer, whatever the hour). */
  at?: Date | null;
  /** Offers whose state is unknown at `at` (default 'exclude'). */
  unknownHours?: UnknownHoursPolicy;
  /** Time zone of a département (default: Europe/Paris, DROM zones). */
  timeZoneOf?: (departement: string) => string;
}

export interface SnpOfferSelection {
  offers: StructureRecord[];
  /** Offers left out at `at`: closed, or state unknown under the 'exclude' policy. */
  closed: number;
  unknown: number;
  unknownIncluded: number;
  policy: UnknownHoursPolicy;
}

export function isSnpOffer<T extends Pick<StructureRecord, 'kind' | 'acceptsSnp'>>(s: T): boolean {
  return s.kind === 'MMG' || s.kind === 'SU' || ((s.kind === 'MSP' || s.kind === 'CDS') && s.acceptsSnp === 'oui');
}

export function selectSnpOffers(structures: StructureRecord[], options: SnpOfferOptions = {}): SnpOfferSelection {
  const { at = null, unknownHours = 'exclude', timeZoneOf = defaultTimeZoneOf } = options;
  if (unknownHours !== 'exclude' && unknownHours !== 'include') throw new RangeError(`politique « ${unknownHours} » inconnue pour les horaires inconnus (exclude ou include)`);
  if (at && Number.isNaN(at.getTime())) throw new RangeError('instant invalide');
  const snp = structures.filter(isSnpOffer);
  const selection: SnpOfferSelection = { offers: [], closed: 0, unknown: 0, unknownIncluded: 0, policy: unknownHours };
  if (!at) {
    selection.offers = snp;
    return selection;
  }
  const memo = new Map<string, 'ouvert' | 'fermé' | 'inconnu'>();
  for (const s of snp) {
    const zone = timeZoneOf(s.departement);
    const key = `${s.kind === 'SU' ? 'SU' : ''}|${zone}|${s.openingHours ?? ''}`;
    const state = memo.get(key) ?? offerOpeningAt(s, at, zone).state;
    memo.set(key, state);
    if (state === 'ouvert') selection.offers.push(s);
    else if (state === 'fermé') selection.closed++;
    else if (unknownHours === 'include') {
      selection.offers.push(s);
      selection.unknownIncluded++;
    } else selection.unknown++;
  }
  return selection;
}
