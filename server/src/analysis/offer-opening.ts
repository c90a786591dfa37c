/**
 * The one rule of an offer's opening state at an instant, used by every answer that states it
 * (/api/structures, /api/snp/nearest, the SNP offer selection of the access analyses):
 * - hours given and readable: what they say (`ouvert`, `fermé`, or `inconnu` where they say so);
 * - an emergency service (SU) without hours: open, as an assumption (« supposés 24 h/24 »), since
 *   a service d'urgences is open around the clock (Code de la santé publique, art. R6123-18);
 * - any other offer without hours, or unreadable hours: `inconnu`, never shown as closed.
 */
import { openingStateAt } from '../lib/opening-hours';

export type OpeningBasis = 'renseignés' | 'supposés 24 h/24' | 'non renseignés' | 'illisibles';

export interface OfferOpening {
  state: 'ouvert' | 'fermé' | 'inconnu';
  nextChange: string | null;
  nextChangeLocal: string | null;
  comment: string | null;
  /** Where the state comes from: the hours, the SU assumption, or their absence. */
  basis: OpeningBasis;
}

export interface OpeningSubject {
  kind: string;
  openingHours: string | null;
}

const none = { nextChange: null, nextChangeLocal: null, comment: null };

export function offerOpeningAt(offer: OpeningSubject, at: Date, timeZone: string): OfferOpening {
  if (!offer.openingHours) {
    return offer.kind === 'SU' ? { state: 'ouvert', ...none, basis: 'supposés 24 h/24' } : { state: 'inconnu', ...none, basis: 'non renseignés' };
  }
  try {
    return { ...openingStateAt(offer.openingHours, at, timeZone), basis: 'renseignés' };
  } catch {
    return { state: 'inconnu', ...none, basis: 'illisibles' };
  }
}
