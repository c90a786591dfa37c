/**
 * What the list means for someone who needs care now: none of the offers shown is open, or the
 * nearest open one is far — with the filter to switch to and the 15 to call.
 */
import type { NearestOffers, OpenFilter } from '../api/nearest-offers';
import { formatDecimal } from '../../../lib/format';

/** Road distance beyond which the nearest open offer is called far (≈ 30 min by car). */
export const FAR_KM = 30;

export interface OpenNoticeProps {
  data: NearestOffers;
  filter: OpenFilter | null;
  onFilter: (f: OpenFilter) => void;
}

export function OpenNotice({ data, filter, onFilter }: OpenNoticeProps) {
  const offers = data.offres;
  if (filter === null) {
    const open = offers.filter((o) => o.ouverture.etat === 'ouvert');
    if (open.length === 0) {
      return (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w maillage-open-notice">
          <p>Aucune de ces {offers.length} offres n’est ouverte maintenant.</p>
          <button type="button" className="fr-btn fr-btn--sm fr-mt-1w" onClick={() => onFilter('maintenant')}>Voir les offres ouvertes maintenant</button>
        </div>
      );
    }
    const nearest = open[0]!;
    if (nearest.distanceRouteKm > FAR_KM) return <FarNotice km={nearest.distanceRouteKm} nom={nearest.nom} />;
    return null;
  }
  const what = filter === 'maintenant' ? 'ouverte maintenant' : 'ouverte ce soir';
  if (offers.length === 0) {
    return <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w maillage-open-notice"><p>Aucune offre {what} n’est connue. En cas de besoin, appelez le 15.</p></div>;
  }
  if (offers[0]!.distanceRouteKm > FAR_KM) return <FarNotice km={offers[0]!.distanceRouteKm} nom={offers[0]!.nom} />;
  return null;
}

function FarNotice({ km, nom }: { km: number; nom: string }) {
  return (
    <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w maillage-open-notice">
      <p>L’offre ouverte la plus proche, {nom}, est loin : environ {formatDecimal(km)} km par la route. En cas de besoin, appelez d’abord le 15.</p>
    </div>
  );
}
